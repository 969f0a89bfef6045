import type { AnalyticsStore, SiteRows } from "@/lib/analytics/analytics-store";
import type { Visit } from "./visit";

// Bulk writer of generated visits through an analytics store (the ClickHouse engine's seed and
// benchmark): the same add/finish/close as TrafficWriter (writer.ts, Postgres's own unnest
// writer), 100,000 events a call — the size ClickHouse likes per insert — one call at a time
// while the next batch is generated.

const BATCH_EVENTS = 100_000;

export class StoreTrafficWriter {
  private rows: SiteRows;
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  written = { visits: 0, events: 0 };

  constructor(
    private readonly store: AnalyticsStore,
    private readonly siteId: string,
  ) {
    this.rows = { siteId, visits: [], events: [] };
  }

  /** Queues a visit and its events; returns a promise only when the caller must wait for the previous batch. */
  add(visit: Visit): Promise<void> | undefined {
    const { raw, visitor } = visit;
    const ids = { visitId: String(visit.visitId), visitorId: String(visitor.visitorId) };
    this.rows.visits.push({
      ...ids,
      startedAt: visit.startedAt,
      endedAt: visit.endedAt,
      entryPage: visit.entryPage,
      exitPage: visit.exitPage,
      pageviews: visit.pageviews,
      events: visit.customEvents,
      source: visit.source,
      referrerHost: visit.referrerHost,
      channel: visit.channel,
      utmSource: raw.utmSource,
      utmMedium: raw.utmMedium,
      utmCampaign: raw.utmCampaign,
      utmContent: raw.utmContent,
      utmTerm: raw.utmTerm,
      country: visitor.place.country,
      region: visitor.place.region,
      city: visitor.place.city,
      browser: visitor.agent.browser,
      os: visitor.agent.os,
      device: visitor.agent.device,
    });
    for (const e of visit.events) this.rows.events.push({ ...ids, ts: e.ts, name: e.name, pathname: e.pathname, props: e.props });
    if (this.rows.events.length < BATCH_EVENTS) return undefined;
    return this.startBatch();
  }

  /** Writes what is left and waits for it. */
  async finish(): Promise<void> {
    await this.startBatch();
    await this.running;
    if (this.failure) throw this.failure;
  }

  /** Stops after a failure: waits for the running batch. */
  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async startBatch(): Promise<void> {
    await this.running;
    if (this.failure) throw this.failure;
    const rows = this.rows;
    if (rows.visits.length === 0 && rows.events.length === 0) return;
    this.rows = { siteId: this.siteId, visits: [], events: [] };
    this.running = this.store.bulkInsert(rows).then(
      () => {
        this.written.visits += rows.visits.length;
        this.written.events += rows.events.length;
      },
      (error: unknown) => {
        this.failure ??= error;
      },
    );
  }
}
