-- CreateTable
CREATE TABLE "daily_filter_stats" (
    "site_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "filter" TEXT NOT NULL,
    "filter_value" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "visitors" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "pageviews" INTEGER NOT NULL,
    "bounces" INTEGER NOT NULL,
    "duration_sum" BIGINT NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "daily_filter_stats_pkey" PRIMARY KEY ("site_id","day","filter","filter_value","dimension","value")
);

-- AddForeignKey
ALTER TABLE "daily_filter_stats" ADD CONSTRAINT "daily_filter_stats_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

