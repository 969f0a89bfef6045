import { describe, expect, it } from "vitest";
import type { EventRecord, VisitRecord } from "@/lib/analytics/types";
import { mergeStored, snapshotVisits, VisitMemory, visitKey } from "./visit-states";

const site = { siteId: "s", domain: "example.com", timezone: "Etc/UTC" };

function newVisit(visitId = "7"): VisitRecord {
  return {
    site, visitId, visitorId: "1", startedAt: 1_000, lastSeen: 1_000, entryPage: "/", exitPage: "/", pageviews: 0, events: 0,
    source: "Direct / None", referrerHost: null, channel: "Direct", utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null,
    utmTerm: null, country: null, region: null, city: null, browser: "Chrome", os: "Linux", device: "desktop",
  };
}

let seq = 0;
/** Counts the event into the visit (as ingest/sessions.ts recordInVisit does) and returns it. */
function hit(visit: VisitRecord, pathname: string, at: number, name = "pageview"): EventRecord {
  visit.lastSeen = at;
  if (name === "pageview") {
    visit.pageviews++;
    visit.exitPage = pathname;
  } else visit.events++;
  return { seq: ++seq, site, ts: at, name, visitorId: visit.visitorId, visitId: visit.visitId, pathname, props: null };
}

describe("visit states", () => {
  it("holds a batch's distinct pages and custom events, complete when the batch has every event the visit counted", () => {
    const visit = newVisit();
    const events = [hit(visit, "/", 1_000), hit(visit, "/a", 2_000), hit(visit, "/a", 3_000, "Signup"), hit(visit, "/", 4_000)];
    const state = snapshotVisits({ events, visits: [visit] }, new VisitMemory()).get(visitKey("s", "7"))!;
    expect([...state.pages]).toEqual(["/", "/a"]);
    expect([...state.eventNames]).toEqual(["Signup"]);
    expect(state.complete).toBe(true);
    expect(state.values).toEqual(visit);
    expect(state.values).not.toBe(visit);
    hit(visit, "/late", 5_000); // counted after the snapshot: not in this write's values
    expect(state.values.pageviews).toBe(3);
  });

  it("accumulates across writes through its memory, and is incomplete without it when earlier events are missing", () => {
    const visit = newVisit();
    const memory = new VisitMemory();
    const first = snapshotVisits({ events: [hit(visit, "/", 1_000), hit(visit, "/a", 2_000)], visits: [visit] }, memory);
    memory.remember(first.values());
    const later = [hit(visit, "/b", 3_000)];
    expect([...snapshotVisits({ events: later, visits: [visit] }, memory).get(visitKey("s", "7"))!.pages]).toEqual(["/", "/a", "/b"]);
    // A writer without that memory (a restart) must read the stored row first.
    const forgotten = snapshotVisits({ events: later, visits: [{ ...visit }] }, new VisitMemory()).get(visitKey("s", "7"))!;
    expect(forgotten.complete).toBe(false);
  });

  it("merges a stored row by the Postgres rule: counters and end only grow, exit page follows the later end, start and country kept", () => {
    const older = newVisit();
    const events = [hit(older, "/b", 2_000)];
    const state = snapshotVisits({ events, visits: [older] }, new VisitMemory()).get(visitKey("s", "7"))!;
    mergeStored(state, { startedAt: 1_000, country: "DE", endedAt: 9_000, exitPage: "/z", pageviews: 5, events: 2, pages: ["/", "/z"], eventNames: ["Signup"] });
    expect(state).toMatchObject({ complete: true, values: { startedAt: 1_000, country: "DE", lastSeen: 9_000, exitPage: "/z", pageviews: 5, events: 2 } });
    expect([...state.pages].sort()).toEqual(["/", "/b", "/z"]);
    expect([...state.eventNames]).toEqual(["Signup"]);

    const newer = newVisit();
    const newest = snapshotVisits({ events: [hit(newer, "/", 1_000), hit(newer, "/n", 20_000)], visits: [newer] }, new VisitMemory()).get(visitKey("s", "7"))!;
    mergeStored(newest, { startedAt: 1_000, country: null, endedAt: 9_000, exitPage: "/z", pageviews: 1, events: 0, pages: ["/"], eventNames: [] });
    expect(newest.values).toMatchObject({ lastSeen: 20_000, exitPage: "/n", pageviews: 2, events: 0 });
  });
});
