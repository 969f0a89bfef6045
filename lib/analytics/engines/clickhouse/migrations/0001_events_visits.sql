-- MiniStat's analytics in ClickHouse: one database per installation, single node (embedded chdb
-- or a server). For a cluster the same columns go into Replicated tables behind Distributed ones
-- sharded by cityHash64(site_id): README, "Analytics engine".
--
-- Times are UTC milliseconds (DateTime64(3)), ids as in Postgres (site ids text, visit and
-- visitor ids signed 64-bit). A nullable Postgres column is Nullable here, so rows copy both
-- ways unchanged.

-- One row per event (pageview or custom event), written once, never updated. The visit's
-- attributes that never change after its first event are copied onto each of its events, so
-- a filtered page or event panel reads one table (Plausible's events_v2 does the same).
-- spool_id/seq: the ingestion spool the event came through and its place there ('' and 0 for
-- bulk loads): what makes a replay after a crash write each event once.
CREATE TABLE IF NOT EXISTS events (
  site_id          String,
  ts               DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  name             LowCardinality(String),
  visitor_id       Int64,
  visit_id         Int64,
  pathname         String CODEC(ZSTD(3)),
  props            Nullable(String) CODEC(ZSTD(3)),
  spool_id         LowCardinality(String) DEFAULT '',
  seq              UInt64 DEFAULT 0,
  visit_started_at DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  entry_page       String CODEC(ZSTD(3)),
  source           String,
  referrer_host    Nullable(String),
  channel          LowCardinality(String),
  utm_source       Nullable(String),
  utm_medium       Nullable(String),
  utm_campaign     Nullable(String),
  utm_content      Nullable(String),
  utm_term         Nullable(String),
  country          LowCardinality(Nullable(String)),
  region           LowCardinality(Nullable(String)),
  city             Nullable(String),
  browser          LowCardinality(String),
  os               LowCardinality(String),
  device           LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (site_id, toDate(ts), visit_id, ts)
SETTINGS non_replicated_deduplication_window = 1000;

-- One logical row per visit. The writer appends the visit's whole current state at each flush
-- that changed it; version = pageviews + events only grows, so the newest state wins: read
-- with FINAL (or argMax(…, version) grouped by visit_id). Merges drop the older rows.
-- pages / event_names: the distinct paths viewed and custom events fired in the visit, so
-- "visits that viewed /pricing" is has(pages, '/pricing') on this table alone.
CREATE TABLE IF NOT EXISTS visits (
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
ORDER BY (site_id, toDate(started_at), visit_id)
SETTINGS non_replicated_deduplication_window = 1000;

-- The ingestion spool's watermark: the highest seq of each spool whose events are all stored.
CREATE TABLE IF NOT EXISTS spool_marks (
  spool_id      String,
  committed_seq UInt64,
  updated_at    DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(committed_seq)
ORDER BY spool_id;
