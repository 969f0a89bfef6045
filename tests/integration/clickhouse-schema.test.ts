import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClickHouse } from "@/lib/analytics/engines/clickhouse/clickhouse";
import { startTestClickHouse } from "../support/clickhouse-test-instance";

// The ClickHouse schema applies, and a visit's newest state wins however its rows arrived.

let ch: ClickHouse;
beforeAll(async () => {
  ch = await startTestClickHouse();
});
afterAll(async () => {
  await ch?.close();
});

describe("ClickHouse schema", () => {
  it("keeps the newest version of a visit and finds it by a page it viewed", async () => {
    const visit = { site_id: "s1", visit_id: "7", visitor_id: "9", started_at: "2026-11-30 10:00:00.000", entry_page: "/", source: "Direct / None", channel: "direct", browser: "Firefox", os: "Linux", device: "desktop" };
    await ch.insert("visits", [{ ...visit, ended_at: "2026-11-30 10:05:00.000", exit_page: "/pricing", pageviews: 2, events: 0, pages: ["/", "/pricing"], version: 2 }]);
    await ch.insert("visits", [{ ...visit, ended_at: "2026-11-30 10:00:00.000", exit_page: "/", pageviews: 1, events: 0, pages: ["/"], version: 1 }]);
    const rows = await ch.query<{ pageviews: number; exit_page: string }>(
      "SELECT pageviews, exit_page FROM visits FINAL WHERE site_id = {site:String} AND has(pages, {page:String})",
      { site: "s1", page: "/pricing" },
    );
    expect(rows).toEqual([{ pageviews: 2, exit_page: "/pricing" }]);
  });
});
