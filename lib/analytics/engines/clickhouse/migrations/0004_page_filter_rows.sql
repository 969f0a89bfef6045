-- filter_day_rows (0003_filter_day_rows.sql) also keeps the rows of a view filtered by one
-- page (filter = 'page', filter_value = the path: the visits that viewed it), for every path
-- viewed on a day (queries/filter-day-rows.ts). Days kept before have none: they are filled
-- again (their rows replace themselves) the next time a view needs them.
TRUNCATE TABLE IF EXISTS day_rows_filled;
