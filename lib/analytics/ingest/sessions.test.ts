import { describe, expect, it } from "vitest";
import type { VisitRecord } from "@/lib/analytics/types";
import { findOpenVisit, newVisitId, openVisit, recordInVisit, sweepIdleVisits, VISIT_IDLE_MS } from "./sessions";

const T = Date.parse("2031-05-01T10:00:00Z");

function visit(at: number): VisitRecord {
  const site = { siteId: "s", domain: "example.com", timezone: "Etc/UTC" };
  return {
    site, visitId: newVisitId(), visitorId: "1", startedAt: at, lastSeen: at, entryPage: "/", exitPage: "/", pageviews: 0, events: 0,
    source: "Direct / None", referrerHost: null, channel: "direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null,
    utmTerm: null, country: null, region: null, city: null, browser: "Chrome", os: "Linux", device: "desktop",
  };
}

describe("sessions", () => {
  it("continue a visit up to 30 idle minutes and not a millisecond more", () => {
    const v = visit(T);
    openVisit("s:1", v);
    expect(findOpenVisit("s:1", T + VISIT_IDLE_MS)).toBe(v);
    expect(findOpenVisit("s:1", T + VISIT_IDLE_MS + 1)).toBeUndefined();
    expect(findOpenVisit("s:2", T)).toBeUndefined();
  });

  it("count pageviews (moving the exit page) apart from custom events", () => {
    const v = visit(T);
    recordInVisit(v, "pageview", "/", T);
    recordInVisit(v, "Signup", "/join", T + 1_000);
    recordInVisit(v, "pageview", "/docs", T + 2_000);
    recordInVisit(v, "Download", "/files", T + 3_000);
    expect(v).toMatchObject({ pageviews: 2, events: 2, entryPage: "/", exitPage: "/docs", lastSeen: T + 3_000 });
  });

  it("never move lastSeen backwards", () => {
    const v = visit(T);
    recordInVisit(v, "pageview", "/", T - 5_000);
    expect(v.lastSeen).toBe(T);
  });

  it("forget idle visits when swept", () => {
    openVisit("s:old", visit(T - VISIT_IDLE_MS - 1));
    openVisit("s:new", visit(T));
    expect(sweepIdleVisits(T)).toBeGreaterThanOrEqual(1);
    expect(findOpenVisit("s:new", T)).toBeDefined();
    expect(findOpenVisit("s:old", T - VISIT_IDLE_MS)).toBeUndefined();
  });

  it("make visit ids positive 63-bit integers, different each time", () => {
    const ids = Array.from({ length: 2_000 }, newVisitId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(BigInt(id)).toBeGreaterThan(0n);
      expect(BigInt(id)).toBeLessThan(1n << 63n);
    }
  });
});
