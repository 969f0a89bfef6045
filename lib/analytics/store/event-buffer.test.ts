import { describe, expect, it } from "vitest";
import { EventBuffer, type BufferedVisit } from "./event-buffer";
import type { EventRecord } from "@/lib/analytics/types";

const site = { siteId: "s", domain: "example.com", timezone: "Etc/UTC" };

// Each test builds its own buffer and visit: nothing carries over from one test to the next.
function newVisit(): BufferedVisit {
  return {
    site, visitId: "7", visitorId: "1", startedAt: 0, lastSeen: 0, entryPage: "/", exitPage: "/", pageviews: 0, events: 0,
    source: "Direct / None", referrerHost: null, channel: "direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null,
    utmTerm: null, country: null, region: null, city: null, browser: "Chrome", os: "Linux", device: "desktop",
  };
}
let seq = 0;
const event = (pathname: string): EventRecord => ({ seq: ++seq, site, ts: 0, name: "pageview", visitorId: "1", visitId: "7", pathname, props: null });

describe("event buffer", () => {
  it("lists a changed visit once per batch and counts in-flight events as buffered", () => {
    const buffer = new EventBuffer();
    const visit = newVisit();
    buffer.push(event("/a"), visit);
    buffer.push(event("/b"), visit);
    const batch = buffer.takeBatch();
    expect(batch.events.map((e) => e.pathname)).toEqual(["/a", "/b"]);
    expect(batch.visits).toEqual([visit]);
    expect(visit.dirty).toBe(false);
    expect(buffer.bufferedCount()).toBe(2);
    buffer.finishBatch(batch, null);
    expect(buffer.bufferedCount()).toBe(0);
    expect(buffer.hasWaiting()).toBe(false);
  });

  it("puts an unwritten batch back in front of what arrived meanwhile, keeping order", () => {
    const buffer = new EventBuffer();
    const visit = newVisit();
    buffer.push(event("/1"), visit);
    const batch = buffer.takeBatch();
    buffer.push(event("/2"), visit); // the visit changed again during the flush
    buffer.finishBatch(batch, batch);
    const retry = buffer.takeBatch();
    expect(retry.events.map((e) => e.pathname)).toEqual(["/1", "/2"]);
    expect(retry.events[0]!.seq).toBeLessThan(retry.events[1]!.seq);
    expect(retry.visits).toEqual([visit]);
    buffer.finishBatch(retry, null);
    expect(buffer.bufferedCount()).toBe(0);
  });

  it("is full at its limit, counting events in flight", () => {
    const buffer = new EventBuffer(2);
    const visit = newVisit();
    buffer.push(event("/1"), visit);
    expect(buffer.isFull()).toBe(false);
    buffer.takeBatch();
    buffer.push(event("/2"), visit);
    expect(buffer.isFull()).toBe(true);
  });
});
