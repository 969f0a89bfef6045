import pg from "pg";
import { readFileSync } from "node:fs";
import { rawSourceCtes, rawDailyRows, utcBounds, type RawScope } from "@/lib/analytics/rollups/aggregate-sql";

const pw = readFileSync("/work/main/.data/query-dev/pg-password", "utf8").trim();
const c = new pg.Client({ connectionString: `postgres://postgres:${pw}@127.0.0.1:54470/query_bench_11700` });
await c.connect();
const [domain, filter] = [process.argv[2] ?? "bench-11700.example", process.argv[3] ?? ""];
const site = (await c.query("SELECT id FROM sites WHERE domain = $1", [domain])).rows[0].id;
const days = Number(process.argv[4] ?? 29);
const scope: RawScope = { site: "$1::text", timezone: "'UTC'", from: `(current_date - ${days})`, to: "current_date", conditions: filter ? [`v.${filter}`] : [] };
const { lo, hi } = utcBounds(scope);
const g = `SELECT fe.day, fe.pathname AS value, fe.visit_id, min(fe.visitor_id) AS visitor_id, count(*) AS n FROM fe WHERE fe.name = 'pageview' GROUP BY 1, 2, 3`;
const join = filter ? "JOIN fv x ON x.visit_id = g.visit_id" : `LEFT JOIN visits x ON x.site_id = $1 AND x.visit_id = g.visit_id AND x.started_at >= ${lo} - interval '1 day' AND x.started_at < ${hi}`;
const distinct = `SELECT g.day, g.value, count(DISTINCT g.visitor_id)::int AS visitors, count(*)::int AS visits, sum(g.n)::int AS pageviews, count(*) FILTER (WHERE x.pageviews <= 1 AND x.events = 0)::int AS bounces, coalesce(round(sum(extract(epoch FROM x.ended_at - x.started_at))), 0)::int8 AS d FROM (${g}) g ${join} GROUP BY 1, 2`;
const variants: Array<[string, string]> = [["gm", rawDailyRows(scope, "page")], ["distinct", distinct]];
for (let round = 0; round < 3; round++) {
  for (const [name, rows] of variants) {
    const t = performance.now();
    await c.query(`WITH ${rawSourceCtes(scope)} SELECT count(*) FROM (${rows}) r`, [site]);
    console.log(domain, filter, name, Math.round(performance.now() - t), "ms");
  }
}
await c.end();
