-- The rollup refresher updates the current week's and month's rows every few seconds. Free
-- room on each page lets Postgres keep an updated row on its page (a HOT update), so the
-- rows a dashboard reads together stay together. Prisma's schema cannot express this.
ALTER TABLE "daily_stats" SET (fillfactor = 80);
