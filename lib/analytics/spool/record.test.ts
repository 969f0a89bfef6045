import { describe, expect, it } from "vitest";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";
import { decodeRecord, encodeRecord } from "./record";

const site = { siteId: "site-1", domain: "example.com", timezone: "Europe/Berlin" };
const visit: VisitRecord = {
  site, visitId: "9007199254740993", visitorId: "4611686018427387904", startedAt: 1_764_000_000_000, lastSeen: 1_764_000_030_000,
  entryPage: "/", exitPage: "/pricing", pageviews: 2, events: 1, source: "Google", referrerHost: "google.com", channel: "Organic Search",
  utmSource: "news\"letter", utmMedium: null, utmCampaign: "black\\friday", utmContent: null, utmTerm: null,
  country: "DE", region: "Berlin", city: "Berlin", browser: "Firefox", os: "Linux", device: "desktop",
};
const event: EventRecord = { seq: 42, site, ts: 1_764_000_030_000, name: "Signup", visitorId: visit.visitorId, visitId: visit.visitId, pathname: "/pricing", props: '{"plan":"pro"}' };

describe("spool records", () => {
  it("round-trip an event and its visit, big ids and odd characters included", () => {
    const line = encodeRecord(event, visit);
    expect(line).not.toContain("\n");
    // Every field comes back but the site, which travels as its id.
    const withoutSite = (record: object, drop: string[]) => Object.fromEntries(Object.entries(record).filter(([key]) => !drop.includes(key)));
    expect(decodeRecord(line)).toEqual({
      seq: 42,
      siteId: "site-1",
      event: withoutSite(event, ["site", "seq"]),
      visit: withoutSite(visit, ["site"]),
    });
  });

  it("refuse torn, foreign and mistyped lines", () => {
    const line = encodeRecord(event, visit);
    expect(decodeRecord(line.slice(0, -5))).toBeNull();
    expect(decodeRecord("")).toBeNull();
    expect(decodeRecord('{"seq":1}')).toBeNull();
    expect(decodeRecord(line.replace(/^\[1,/, "[2,"))).toBeNull(); // another format version
    expect(decodeRecord(line.replace("42,", '"42",'))).toBeNull();
  });
});
