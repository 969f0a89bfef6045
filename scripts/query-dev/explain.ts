import { randomBytes } from "node:crypto";
import type { Client } from "pg";
import type { Dimension } from "@/lib/analytics/types";

// Prints EXPLAIN ANALYZE of one query function against the benchmark data, e.g.
// `npx tsx scripts/query-dev/explain.ts breakdown:city 30d country=DE`
// (first argument: topStats | timeseries | goals | dashboard | breakdown:<dimension>).

const [what = "topStats", period = "30d", ...filterArgs] = process.argv.slice(2);
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.ENCRYPTION_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");
const { startScratchDb } = await import("./scratch-db");
const db = await startScratchDb(process.env.BENCH_DB ?? "query_bench_11700");
process.env.DATABASE_URL = db.url;
const { getPool, closePool } = await import("@/lib/db/pool");
const q = await import("@/lib/analytics/query");
const pg = (await import("pg")).default;

// Dashboard reads run on clients of the read pool (lib/analytics/query/read-query.ts): every
// SELECT a client runs promise-style prints its plan first (a pool's own query passes a callback).
type Query = (this: Client, ...args: unknown[]) => Promise<{ rows: Array<Record<string, string>> }>;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = async function (...args) {
  const [sql, values] = args;
  if (args.length <= 2 && typeof sql === "string" && /^\s*(WITH|SELECT)\b/i.test(sql)) {
    const plan = await original.call(this, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
    console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"), "\n");
  }
  return original.apply(this, args);
};

try {
  const site = (await getPool().query<{ id: string; timezone: string }>("SELECT id, timezone FROM sites ORDER BY created_at LIMIT 1")).rows[0];
  if (!site) throw new Error("no site; run bench-queries.ts first");
  const query = q.buildStatsQuery(site, q.parseStatsParams(new URLSearchParams([["period", period], ...filterArgs.map((f) => f.split("=") as [string, string])])));
  const [kind, dimension] = what.split(":");
  if (kind === "breakdown") await q.getBreakdown(query, dimension as Dimension, { limit: 10 });
  else if (kind === "timeseries") await q.getTimeseries(query);
  else if (kind === "goals") await q.getGoalConversions(query, [{ id: "g", eventName: "Signup", pagePath: null }, { id: "p", eventName: null, pagePath: "/pricing" }]);
  else if (kind === "dashboard") await (await import("@/scripts/bench/run-dashboard-queries")).runDashboardQueries(query, [{ id: "g", eventName: "Signup", pagePath: null }]);
  else await q.getTotals(query, query.range);
} finally {
  await closePool();
  await db.stop();
}
