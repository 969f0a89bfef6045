import { beforeAll, describe, expect, it } from "vitest";
import { generateTraffic } from "./generate";
import { localDate } from "./rhythm";
import type { Visit } from "./visit";

// The generator's promises to the demo and the benchmark: the requested volume, the
// advertised shape (bounce, direct share, signups, rhythm) and rows that the ingestion
// pipeline itself could have written.

const NOW = Date.parse("2026-11-24T15:30:00Z");
const TIMEZONE = "Europe/Vilnius";

async function collect(pageviews: number, seed = 1): Promise<Visit[]> {
  const visits: Visit[] = [];
  await generateTraffic({ domain: "demo.ministat.local", timezone: TIMEZONE, days: 30, pageviews, now: NOW, seed }, (v) => {
    visits.push(v);
    return undefined;
  });
  return visits;
}

const share = (visits: Visit[], test: (v: Visit) => boolean) => visits.filter(test).length / visits.length;

describe("generateTraffic", () => {
  let visits: Visit[] = [];
  beforeAll(async () => {
    visits = await collect(200_000);
  });

  it("produces the requested number of pageviews", () => {
    const pageviews = visits.reduce((sum, v) => sum + v.pageviews, 0);
    expect(Math.abs(pageviews - 200_000) / 200_000).toBeLessThan(0.02);
  });

  it("has the advertised shape", () => {
    expect(share(visits, (v) => v.pageviews <= 1 && v.customEvents === 0)).toBeGreaterThan(0.45);
    expect(share(visits, (v) => v.pageviews <= 1 && v.customEvents === 0)).toBeLessThan(0.6);
    expect(share(visits, (v) => v.channel === "direct")).toBeGreaterThan(0.35);
    expect(share(visits, (v) => v.channel === "direct")).toBeLessThan(0.45);
    const signups = share(visits, (v) => v.events.some((e) => e.name === "Signup"));
    expect(signups).toBeGreaterThan(0.02);
    expect(signups).toBeLessThan(0.04);
  });

  it("uses the ingestion's source and channel names", () => {
    const channels = new Set(visits.map((v) => v.channel));
    expect([...channels].every((c) => ["direct", "search", "social", "email", "paid", "referral"].includes(c))).toBe(true);
    expect(visits.filter((v) => v.channel === "direct").every((v) => v.source === "Direct / None" && v.referrerHost === null)).toBe(true);
    expect(visits.some((v) => v.source === "Google" && v.channel === "search")).toBe(true);
    expect(visits.some((v) => v.raw.utmMedium === "cpc" && v.channel === "paid")).toBe(true);
  });

  it("writes visits consistent with their events, inside the period", () => {
    const oldest = NOW - 31 * 86_400_000;
    const wrong = visits.filter((v) => {
      const pageviews = v.events.filter((e) => e.name === "pageview");
      return (
        pageviews.length !== v.pageviews ||
        v.events.length - pageviews.length !== v.customEvents ||
        pageviews[0]?.pathname !== v.entryPage ||
        pageviews[pageviews.length - 1]?.pathname !== v.exitPage ||
        v.events[0]?.ts !== v.startedAt ||
        v.events[v.events.length - 1]?.ts !== v.endedAt ||
        v.startedAt <= oldest ||
        v.endedAt > NOW
      );
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it("peaks in the afternoon and dips at weekends, in the site's time zone", () => {
    const hourOf = new Intl.DateTimeFormat("en-GB", { timeZone: TIMEZONE, hour: "numeric", hourCycle: "h23" });
    const byHour = new Array<number>(24).fill(0);
    const byWeekday = new Array<number>(7).fill(0);
    for (const v of visits) {
      const hour = Number(hourOf.format(new Date(v.startedAt)));
      byHour[hour] = (byHour[hour] ?? 0) + 1;
      const day = new Date(`${localDate(TIMEZONE, v.startedAt)}T12:00:00Z`).getUTCDay();
      byWeekday[day] = (byWeekday[day] ?? 0) + 1;
    }
    expect(byHour[15] ?? 0).toBeGreaterThan(5 * (byHour[4] ?? 0));
    const weekend = ((byWeekday[0] ?? 0) + (byWeekday[6] ?? 0)) / 2;
    const weekdays = [1, 2, 3, 4, 5].reduce((sum, d) => sum + (byWeekday[d] ?? 0), 0) / 5;
    expect(weekend).toBeLessThan(0.8 * weekdays);
  });

  it("is deterministic for a seed", async () => {
    const again = await collect(20_000, 7);
    const other = await collect(20_000, 7);
    expect(other.slice(0, 50).map((v) => [v.entryPage, v.source, v.visitor.place.city])).toEqual(again.slice(0, 50).map((v) => [v.entryPage, v.source, v.visitor.place.city]));
  });
});
