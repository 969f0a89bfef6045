import { getRollupPool } from "@/lib/db/pool";

// The refresher's statements are planned from the tables' statistics, which autovacuum
// gathers at most once a minute. A table that grew from almost nothing (a new install, a
// benchmark's fresh database) is meanwhile planned as if it were still tiny: nested loops
// over 150,000 events kept one refresh busy on a core for minutes and took ingestion from
// ~13,500 to ~6,500 events/s. So the refresher analyses visits and events itself when
// they grew by a fifth since their last analysis; big tables are left to autovacuum.

const TABLES = ["events", "visits"] as const;
const MIN_CHANGED_ROWS = 10_000;

const GROWN = `SELECT relname FROM pg_stat_user_tables
  WHERE schemaname = current_schema() AND relname = ANY($1::text[])
    AND n_mod_since_analyze >= $2 AND n_mod_since_analyze > n_live_tup * 0.2
  ORDER BY relname`;

/** Analyses the grown tables; returns their names. */
export async function analyzeGrownTables(): Promise<string[]> {
  const pool = getRollupPool();
  const { rows } = await pool.query<{ relname: (typeof TABLES)[number] }>(GROWN, [TABLES, MIN_CHANGED_ROWS]);
  const grown = rows.map((r) => r.relname).filter((name) => TABLES.includes(name));
  for (const table of grown) await pool.query(`ANALYZE ${table}`);
  return grown;
}
