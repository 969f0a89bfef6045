-- The visits that viewed each path: one row per pageview (site, path, the visit's start, the
-- visit), written by a materialised view on every insert into events, sorted by path. A page
-- filter finds its visits here with one range read (queries/filters.ts) instead of reading
-- every visit's `pages` array (4.3M visits: ~190 ms a statement). Rows of a visit that viewed
-- a path twice are collapsed by merges; readers only ask "is this visit among them" (IN), so
-- the copies left before a merge, or by a replayed insert, change nothing. Deleting a site
-- deletes its rows (delete-sites.ts).
CREATE TABLE IF NOT EXISTS visit_pages (
  site_id    String,
  pathname   String,
  started_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  visit_id   Int64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY (site_id, pathname, started_at, visit_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS visit_pages_from_events TO visit_pages AS
SELECT site_id, pathname, visit_started_at AS started_at, visit_id FROM events WHERE name = 'pageview';

-- The pageviews stored before the view existed (one pass over events; rows the view wrote in
-- the meantime are there twice until a merge, which changes no answer).
INSERT INTO visit_pages SELECT site_id, pathname, visit_started_at, visit_id FROM events WHERE name = 'pageview';
