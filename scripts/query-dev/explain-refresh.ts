import { randomBytes } from "node:crypto";
import pg from "pg";

// Prints EXPLAIN ANALYZE of each statement of one day's rollup refresh on the benchmark data:
// `npx tsx scripts/query-dev/explain-refresh.ts [days-ago]`.

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.ENCRYPTION_KEYS ??= `1:${randomBytes(32).toString("base64")}`;
process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");
const { startScratchDb } = await import("./scratch-db");
const db = await startScratchDb(process.env.BENCH_DB ?? "query_bench_11700");
process.env.DATABASE_URL = db.url;
const { getPool, closePool } = await import("@/lib/db/pool");
const { refreshDailyRollups } = await import("@/lib/analytics/rollups");
const { addDays, localDate } = await import("@/lib/analytics/query");

const site = (await getPool().query<{ id: string; timezone: string }>("SELECT id, timezone FROM sites WHERE domain = coalesce($1, domain) ORDER BY created_at LIMIT 1", [process.env.BENCH_SITE ?? null])).rows[0];
if (!site) throw new Error("no site; run bench-queries.ts first");
type Query = (this: pg.Client, sql: unknown, values?: unknown) => Promise<pg.QueryResult>;
const original = pg.Client.prototype.query as unknown as Query;
Object.assign(pg.Client.prototype, {
  query(this: pg.Client, sql: unknown, values?: unknown) {
    if (typeof sql !== "string" || !/^\s*(WITH|DELETE)/.test(sql)) return original.call(this, sql, values);
    const started = performance.now();
    return original.call(this, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values).then((result) => {
      console.log(`--- ${Math.round(performance.now() - started)} ms: ${sql.slice(0, 60).replace(/\s+/g, " ")}`);
      console.log(result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"));
      return result;
    });
  },
});
await refreshDailyRollups(site.id, site.timezone, [addDays(localDate(site.timezone, new Date()), -Number(process.argv[2] ?? 3))]);
await closePool();
await db.stop();
