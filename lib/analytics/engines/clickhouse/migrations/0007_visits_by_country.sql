-- visits sorted by country within each day: (site_id, day, country, visit_id) instead of
-- (site_id, day, visit_id), as 0006 did for events. A view filtered by country and by a page or
-- an event (no kept rows for the pair) then reads that country's visits of each day instead of
-- all of them: at 10M pageviews its visit panels' statement took 343–366 ms instead of
-- 607–611 (query level, same data, copies of the table in either order).
--
-- The sort key is also a visit's identity (ReplacingMergeTree: the newest version of the key
-- wins). A visit's country never changes: the writer keeps the stored row's start and country
-- when it writes a visit it has no memory of (stored-visits.ts). country is Nullable
-- (unknown): allow_nullable_key.
--
-- Rebuilt with its rows as 0006 rebuilt events (CREATE OR REPLACE; run again, it only rebuilds
-- again). On a cluster, apply this to visits_local by hand (README, "On a cluster").
CREATE OR REPLACE TABLE visits (
  site_id       String,
  visit_id      Int64,
  visitor_id    Int64,
  started_at    DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  ended_at      DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  entry_page    String CODEC(ZSTD(3)),
  exit_page     String CODEC(ZSTD(3)),
  pageviews     UInt32,
  events        UInt32,
  pages         Array(String) CODEC(ZSTD(3)),
  event_names   Array(String),
  source        String,
  referrer_host Nullable(String),
  channel       LowCardinality(String),
  utm_source    Nullable(String),
  utm_medium    Nullable(String),
  utm_campaign  Nullable(String),
  utm_content   Nullable(String),
  utm_term      Nullable(String),
  country       LowCardinality(Nullable(String)),
  region        LowCardinality(Nullable(String)),
  city          Nullable(String),
  browser       LowCardinality(String),
  os            LowCardinality(String),
  device        LowCardinality(String),
  version       UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (site_id, toDate(started_at), country, visit_id)
SETTINGS allow_nullable_key = 1, non_replicated_deduplication_window = 1000
AS SELECT * FROM visits;
