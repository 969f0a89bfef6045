-- The kept rows of a view filtered by one value of a low-cardinality visit dimension
-- (country = DE, browser = Firefox …): per site, time zone, filter, filter value, kind, local
-- day and value, the rows of the panels that the filter does not decide itself
-- (lib/analytics/rollups/filter-rows-sql.ts says which: the same set as Postgres'
-- daily_filter_stats). The filter's totals and its own panel are day_rows' rows of that value.
-- Filled and forgotten with day_rows (day-rows-cache.ts); deleting a site deletes its rows.
CREATE TABLE IF NOT EXISTS filter_day_rows (
  site_id      String,
  timezone     LowCardinality(String),
  filter       LowCardinality(String),
  filter_value String,
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
ORDER BY (site_id, timezone, filter, filter_value, kind, day, value);

-- Days kept before this table existed have no filter rows: they are filled again (their
-- day_rows replace themselves) the next time a view needs them.
TRUNCATE TABLE IF EXISTS day_rows_filled;
