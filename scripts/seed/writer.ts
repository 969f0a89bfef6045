import pg from "pg";
import { numberArray, textArray } from "@/lib/analytics/store/pg-array";
import type { Visit } from "./visit";

// Bulk writer for generated visits and events: rows are collected column by column and
// sent as one array parameter per column to INSERT … SELECT FROM unnest(…) (the same
// shape the ingestion flusher uses), 50,000 events per statement, on two connections at
// once so Postgres uses both cores while this process generates the next batch.
// synchronous_commit is off: a crash mid-seed only means seeding again. Where the role
// may (a superuser, as on the embedded Postgres), foreign-key triggers are skipped too:
// the rows all belong to the one site the caller holds, and the per-row check of
// events.site_id → sites costs about a third of the insert.

const VISIT_COLUMNS = [
  ["visit_id", "int8"], ["visitor_id", "int8"], ["started_at", "ms"], ["ended_at", "ms"], ["entry_page", "text"], ["exit_page", "text"],
  ["pageviews", "int4"], ["events", "int4"], ["source", "text"], ["referrer_host", "text"], ["channel", "text"], ["utm_source", "text"],
  ["utm_medium", "text"], ["utm_campaign", "text"], ["utm_content", "text"], ["utm_term", "text"], ["country", "text"], ["region", "text"],
  ["city", "text"], ["browser", "text"], ["os", "text"], ["device", "text"],
] as const;
const EVENT_COLUMNS = [["ts", "ms"], ["name", "text"], ["visitor_id", "int8"], ["visit_id", "int8"], ["pathname", "text"], ["props", "jsonb"]] as const;

type Kind = "int8" | "int4" | "ms" | "text" | "jsonb";
type Cell = string | number | null;

function insertSql(table: string, columns: ReadonlyArray<readonly [string, Kind]>): string {
  const names = columns.map(([name]) => name);
  const select = columns.map(([name, kind]) => (kind === "ms" ? `to_timestamp(${name} / 1000.0)` : name));
  const arrays = columns.map(([, kind], i) => `$${i + 2}::${kind === "ms" ? "float8" : kind}[]`);
  return `INSERT INTO ${table} (site_id, ${names.join(", ")}) SELECT $1, ${select.join(", ")} FROM unnest(${arrays.join(", ")}) AS u(${names.join(", ")})`;
}

const INSERT_VISITS = insertSql("visits", VISIT_COLUMNS);
const INSERT_EVENTS = insertSql("events", EVENT_COLUMNS);

export type WriterOptions = { databaseUrl: string; siteId: string; batchEvents?: number; connections?: number };

export class TrafficWriter {
  private visits: Cell[][] = VISIT_COLUMNS.map(() => []);
  private events: Cell[][] = EVENT_COLUMNS.map(() => []);
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  private readonly pool: pg.Pool;
  private readonly prepared = new WeakSet<pg.PoolClient>();
  private readonly batchEvents: number;
  private readonly connections: number;
  written = { visits: 0, events: 0 };

  constructor(private readonly options: WriterOptions) {
    this.batchEvents = options.batchEvents ?? 50_000;
    this.connections = options.connections ?? 2;
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: this.connections, options: "-c synchronous_commit=off" });
  }

  /** Queues a visit and its events; returns a promise only when the caller must wait for a free connection. */
  add(visit: Visit): Promise<void> | undefined {
    const { raw, visitor } = visit;
    const row: Cell[] = [
      visit.visitId, visitor.visitorId, visit.startedAt, visit.endedAt, visit.entryPage, visit.exitPage, visit.pageviews, visit.customEvents,
      visit.source, visit.referrerHost, visit.channel, raw.utmSource, raw.utmMedium, raw.utmCampaign, raw.utmContent, raw.utmTerm,
      visitor.place.country, visitor.place.region, visitor.place.city, visitor.agent.browser, visitor.agent.os, visitor.agent.device,
    ];
    row.forEach((cell, i) => this.visits[i]?.push(cell));
    for (const e of visit.events) {
      const [ts, name, visitorIds, visitIds, pathname, props] = this.events;
      ts?.push(e.ts);
      name?.push(e.name);
      visitorIds?.push(visitor.visitorId);
      visitIds?.push(visit.visitId);
      pathname?.push(e.pathname);
      props?.push(e.props);
    }
    if ((this.events[0]?.length ?? 0) < this.batchEvents) return undefined;
    this.startBatch();
    return this.inFlight.size >= this.connections ? this.waitForSlot() : undefined;
  }

  /** Writes what is left and waits for every statement; then closes the connections. */
  async finish(): Promise<void> {
    try {
      this.startBatch();
      while (this.inFlight.size > 0) await Promise.race(this.inFlight);
      if (this.failure) throw this.failure;
    } finally {
      await this.pool.end();
    }
  }

  /** Stops after a failure: waits for running statements, then closes the connections. */
  async close(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    await this.pool.end();
  }

  private async waitForSlot(): Promise<void> {
    while (this.inFlight.size >= this.connections) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private async prepare(client: pg.PoolClient): Promise<void> {
    if (this.prepared.has(client)) return;
    await skipTriggers(client);
    this.prepared.add(client);
  }

  private startBatch(): void {
    const visitCount = this.visits[0]?.length ?? 0;
    const eventCount = this.events[0]?.length ?? 0;
    if (visitCount === 0 && eventCount === 0) return;
    const visitParams = [this.options.siteId, ...encode(VISIT_COLUMNS, this.visits)];
    const eventParams = [this.options.siteId, ...encode(EVENT_COLUMNS, this.events)];
    this.visits = VISIT_COLUMNS.map(() => []);
    this.events = EVENT_COLUMNS.map(() => []);
    const job = (async () => {
      const client = await this.pool.connect();
      try {
        await this.prepare(client);
        await client.query(INSERT_VISITS, visitParams);
        await client.query(INSERT_EVENTS, eventParams);
        this.written.visits += visitCount;
        this.written.events += eventCount;
      } finally {
        client.release();
      }
    })()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }
}

async function skipTriggers(client: pg.PoolClient): Promise<void> {
  await client.query("SET session_replication_role = replica").catch(() => {
    // Not a superuser: keep the checks, it is only slower.
  });
}

function encode(columns: ReadonlyArray<readonly [string, Kind]>, values: Cell[][]): string[] {
  return columns.map(([, kind], i) => {
    const column = values[i] ?? [];
    return kind === "text" || kind === "jsonb" ? textArray(column as Array<string | null>) : numberArray(column as number[]);
  });
}
