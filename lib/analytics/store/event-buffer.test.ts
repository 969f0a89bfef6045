import { describe, expect, it } from "vitest";
import { bufferedCount, finishBatch, hasWaiting, pushEvent, takeBatch } from "./event-buffer";
import type { EventRecord, VisitRecord } from "./types";

const site = { siteId: "s", domain: "example.com", timezone: "Etc/UTC" };
const visit: VisitRecord = {
  site, visitId: "7", visitorId: "1", startedAt: 0, lastSeen: 0, entryPage: "/", exitPage: "/", pageviews: 0, events: 0,
  source: "Direct / None", referrerHost: null, channel: "direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null,
  utmTerm: null, country: null, region: null, city: null, browser: "Chrome", os: "Linux", device: "desktop", dirty: false, stored: false,
};
const event = (pathname: string): EventRecord => ({ site, ts: 0, name: "pageview", visitorId: "1", visitId: "7", pathname, props: null });

describe("event buffer", () => {
  it("lists a changed visit once per batch and counts in-flight events as buffered", () => {
    pushEvent(event("/a"), visit);
    pushEvent(event("/b"), visit);
    const batch = takeBatch();
    expect(batch.events.map((e) => e.pathname)).toEqual(["/a", "/b"]);
    expect(batch.visits).toEqual([visit]);
    expect(visit.dirty).toBe(false);
    expect(bufferedCount()).toBe(2);
    finishBatch(batch, null);
    expect(bufferedCount()).toBe(0);
    expect(hasWaiting()).toBe(false);
  });

  it("puts an unwritten batch back in front of what arrived meanwhile, keeping order", () => {
    pushEvent(event("/1"), visit);
    const batch = takeBatch();
    pushEvent(event("/2"), visit); // the visit changed again during the flush
    finishBatch(batch, batch);
    const retry = takeBatch();
    expect(retry.events.map((e) => e.pathname)).toEqual(["/1", "/2"]);
    expect(retry.visits).toEqual([visit]);
    finishBatch(retry, null);
    expect(bufferedCount()).toBe(0);
  });
});
