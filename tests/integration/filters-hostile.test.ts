import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBreakdown, getGoalConversions, getTotals, resolveRange } from "@/lib/analytics/query";
import { rebuildSiteRollups } from "@/lib/analytics/rollups";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { breakdown } from "@/lib/analytics/engines/clickhouse/queries/breakdown";
import { countEvents } from "@/lib/analytics/engines/clickhouse/queries/count-events";
import { goalConversions } from "@/lib/analytics/engines/clickhouse/queries/goal-conversions";
import { totals } from "@/lib/analytics/engines/clickhouse/queries/totals";
import type { Dimension, Filters, StatsQuery } from "@/lib/analytics/types";
import { closePool, getPool } from "@/lib/db/pool";
import { startTestClickHouse } from "@/tests/support/clickhouse-test-instance";
import { copySiteRows } from "@/tests/support/copy-site-rows";
import { insertVisit } from "@/tests/support/insert-visit";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";

// Filter and search values that would break a query built by pasting text (quotes,
// backslashes, ClickHouse's own {name:Type} placeholders, SQL, unicode), stored in page paths,
// countries, UTM sources and event names: both engines find exactly the visit that holds
// each, give the same numbers, and every table is intact afterwards.

const HOSTILE = [
  "it's",
  'say "hi"',
  "back\\slash",
  "\\'",
  "{x:String}",
  "{f_page:String}",
  "'); DROP TABLE events; --",
  "Ünïcödé 東京 🚀",
  "100%_off",
  "tab\there",
];
const DAY = "2026-05-04";
let ch: ClickHouse;
let base: StatsQuery;
let siteId = "";

beforeAll(async () => {
  ch = await startTestClickHouse();
  siteId = (await createSyntheticSite(getPool(), { domain: "hostile.example", timezone: "UTC" })).siteId;
  for (const [i, value] of HOSTILE.entries()) {
    const at = (minute: number) => `${DAY}T10:${String(i * 3 + minute).padStart(2, "0")}:00Z`;
    await insertVisit(siteId, {
      id: i + 1,
      visitor: i + 1,
      pages: [{ path: "/", at: at(0) }, { path: `/${value}`, at: at(1) }],
      customEvents: [{ name: value, at: at(2) }],
      attrs: { country: value, utm_source: value, city: value },
    });
  }
  await rebuildSiteRollups(siteId);
  await copySiteRows(ch, siteId);
  base = { site: { id: siteId, timezone: "UTC" }, range: resolveRange({ period: "custom", from: DAY, to: DAY }, "UTC"), filters: {} };
});
afterAll(async () => {
  await ch?.close();
  await closePool();
});

describe.each(HOSTILE)("the value %j", (value) => {
  it.each<[string, Filters]>([
    ["page", { page: `/${value}` }],
    ["country", { country: value }],
    ["utm_source", { utm_source: value }],
    ["event", { event: value }],
    ["country and page", { country: value, page: `/${value}` }],
  ])("as a %s filter keeps exactly its one visit on both engines", async (_name, filters) => {
    const q = { ...base, filters };
    const mine = await totals(ch, q, q.range);
    expect(mine).toMatchObject({ visitors: 1, visits: 1, pageviews: 2 });
    expect(mine).toEqual(await getTotals(q, q.range));
    expect(mine).toEqual(await getTotals({ ...q, source: "raw" }, q.range));
    const pages = await breakdown(ch, q, "page", { limit: 100 });
    expect(pages.map((r) => r.value).sort()).toEqual(["/", `/${value}`].sort());
    expect(pages).toEqual(await getBreakdown(q, "page", { limit: 100 }));
  });

  it.each<[Dimension, string]>([
    ["page", `/${value}`],
    ["country", value],
    ["utm_source", value],
    ["city", value],
    ["event", value],
  ])("is found by a search of the %s panel on both engines", async (dimension, stored) => {
    const rows = await breakdown(ch, base, dimension, { search: value, limit: 100 });
    expect(rows.map((r) => r.value)).toContain(stored);
    expect(rows).toEqual(await getBreakdown(base, dimension, { search: value, limit: 100 }));
    expect(rows).toEqual(await getBreakdown({ ...base, source: "raw" }, dimension, { search: value, limit: 100 }));
  });

  it("counts as a goal on both engines", async () => {
    const goals = [
      { id: "e", eventName: value, pagePath: null },
      { id: "p", eventName: null, pagePath: `/${value}` },
    ];
    const mine = await goalConversions(ch, base, goals);
    expect(mine.map((g) => g.visitors)).toEqual([1, 1]);
    expect(mine).toEqual(await getGoalConversions(base, goals));
  });
});

it("leaves every table intact", async () => {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE site_id = $1", [siteId]);
  expect(rows[0]?.n).toBe(HOSTILE.length * 3);
  expect(await countEvents(ch, siteId)).toBe(HOSTILE.length * 3);
  const tables = await ch.query<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name");
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["events", "spool_marks", "visits"]));
  const [visits] = await ch.query<{ n: number }>("SELECT toUInt32(count()) AS n FROM visits FINAL WHERE site_id = {site:String}", { site: siteId });
  expect(visits?.n).toBe(HOSTILE.length);
});
