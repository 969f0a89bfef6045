import type { AnalyticsStore } from "@/lib/analytics/analytics-store";
import { prisma } from "@/lib/db/prisma";

// Copies one site's events and visits from one analytics engine to another (npm run
// analytics:copy), so an installation can switch engines without losing history. Visits go
// in visit-id order, a page at a time with their events; after each page the position is
// saved in analytics_copies, so a stopped copy resumes where it was. The first page after a
// (re)start replaces what the target may hold of it (written just before a crash, before its
// position was saved); a finished copy is not repeated unless asked to start over.
//
// Rows the copy did not write are never removed unless asked: a copy that starts (or starts
// over) where the target holds more of the site's events than it wrote — ingested there since
// the engine was switched, or by a copy whose record is gone — leaves the site untouched
// ("refused"); `replace` deletes them and copies.

/** `rebuilding`: every row is copied, and the target now computes the site's pre-aggregates. */
export type CopyProgress = { siteId: string; events: number; totalEvents: number; visits: number; rebuilding?: boolean };
export type CopyResult = {
  visits: number;
  events: number;
  skipped: boolean;
  resumed: boolean;
  /** The target held events of the site that this copy did not write: nothing was copied or deleted. */
  refused: boolean;
  sourceEvents: number;
  targetEvents: number;
};

export type CopySiteOptions = {
  from: AnalyticsStore;
  to: AnalyticsStore;
  site: { id: string; timezone: string };
  /** Visits a page (each with its events). */
  pageVisits?: number;
  /** Copy again from the start: the rows this copy wrote to the target are removed first. */
  restart?: boolean;
  /** Also remove the target's rows of the site that this copy did not write (otherwise the site is refused). */
  replace?: boolean;
  onProgress?: (progress: CopyProgress) => void;
};

export async function copySite({ from, to, site, pageVisits = 20_000, restart = false, replace = false, onProgress }: CopySiteOptions): Promise<CopyResult> {
  const key = { siteId_engine: { siteId: site.id, engine: to.engine } };
  let saved = await prisma.analyticsCopy.findUnique({ where: key });
  const sourceEvents = await from.countEvents(site.id);
  const targetEvents = await to.countEvents(site.id);
  const written = { visits: Number(saved?.visits ?? 0), events: Number(saved?.events ?? 0) };
  if (saved?.finishedAt && !restart) return { ...written, skipped: true, resumed: false, refused: false, sourceEvents, targetEvents };
  // Not checked while a copy is under way: it may have written a page past its saved position
  // (a crash before the save), which its next page replaces.
  const underWay = saved !== null && saved.finishedAt === null;
  if (!replace && !underWay && targetEvents > written.events) {
    return { ...written, skipped: false, resumed: false, refused: true, sourceEvents, targetEvents };
  }
  if (restart || replace || !saved) {
    await to.deleteSites([site.id]);
    saved = await prisma.analyticsCopy.upsert({
      where: key,
      create: { siteId: site.id, engine: to.engine },
      update: { lastVisitId: null, visits: 0, events: 0, finishedAt: null, updatedAt: new Date() },
    });
  }
  const resumed = saved.lastVisitId !== null;
  let after = saved.lastVisitId === null ? null : String(saved.lastVisitId);
  let visits = Number(saved.visits);
  let events = Number(saved.events);
  let first = true;
  onProgress?.({ siteId: site.id, events, totalEvents: sourceEvents, visits });
  for (;;) {
    const page = await from.readSite(site.id, after, pageVisits);
    if (page.visits.length === 0) break;
    await to.bulkInsert(page, { replace: first });
    first = false;
    after = page.visits[page.visits.length - 1]!.visitId;
    visits += page.visits.length;
    events += page.events.length;
    await prisma.analyticsCopy.update({ where: key, data: { lastVisitId: BigInt(after), visits, events, updatedAt: new Date() } });
    onProgress?.({ siteId: site.id, events, totalEvents: sourceEvents, visits });
  }
  onProgress?.({ siteId: site.id, events, totalEvents: sourceEvents, visits, rebuilding: true });
  await to.rebuildSite(site);
  await prisma.analyticsCopy.update({ where: key, data: { finishedAt: new Date(), updatedAt: new Date() } });
  return { visits, events, skipped: false, resumed, refused: false, sourceEvents, targetEvents: await to.countEvents(site.id) };
}
