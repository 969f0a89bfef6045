-- The dashboard's pre-aggregates (lib/analytics/engines/clickhouse/day-rows-cache.ts): the
-- rows a view reads, per site, time zone, kind (total or a dimension), local day and value,
-- computed from raw visits and events the first time a view needs a day that is over (its
-- end a few hours past), then kept. Unique visitors are counted per local day, so these rows
-- are exact and add up across days; they depend on the time zone, which is part of the key
-- (a site whose zone changes simply fills new rows). Writes older than the grace (bulk loads,
-- a late spool replay) forget the days they touch; deleting a site deletes its rows.
CREATE TABLE IF NOT EXISTS day_rows (
  site_id      String,
  timezone     LowCardinality(String),
  kind         LowCardinality(String),
  day          Date,
  value        String,
  visitors     UInt64,
  visits       UInt64,
  pageviews    UInt64,
  bounces      UInt64,
  duration_sum Int64,
  events       UInt64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site_id, timezone, kind, day, value);

-- The days whose rows are complete in day_rows (a day may have no row of some kind).
CREATE TABLE IF NOT EXISTS day_rows_filled (
  site_id  String,
  timezone LowCardinality(String),
  day      Date
)
ENGINE = ReplacingMergeTree
ORDER BY (site_id, timezone, day);
