-- A page filter keeps the visits that viewed a page, an event filter the visits that fired a
-- custom event (lib/analytics/query/filters.ts). Without these indexes both read every event
-- of the period through events(site_id, ts) to find them; with them, only that page's
-- pageviews or that event's rows, and their visit ids from the index alone. Partial, so the
-- custom-event index stays small and neither holds the other's rows. Prisma's schema cannot
-- express partial indexes (tests/integration/schema-migrations.test.ts lists them).
CREATE INDEX "events_pageview_pathname_idx" ON "events" ("site_id", "pathname", "ts") INCLUDE ("visit_id") WHERE "name" = 'pageview';
CREATE INDEX "events_custom_name_idx" ON "events" ("site_id", "name", "ts") INCLUDE ("visit_id") WHERE "name" <> 'pageview';
