import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { ClickHouseClient } from "@clickhouse/client";
import type { ClickHouse } from "./clickhouse";
import { openEmbeddedClickHouse } from "./embedded-engine";
import { openServer } from "./server-connection";
import { ClickHouseQueryError, ClickHouseTimeoutError, ClickHouseUnavailableError } from "./errors";
import { applyClickHouseMigrations } from "./migrate";
import { clickHouseOver, poolOf, type ClickHouseTransport } from "./transport";

// The ClickHouse engine's connection: the only module that loads @clickhouse/client and
// chdb/connection (both pinned; chdb plugs in through the client's @experimental `connection`
// option), so an upstream change touches this file. Loading it loads neither: they are
// imported when a ClickHouse is opened.
// - CLICKHOUSE_URL set: the official client over HTTP, in this process. The database is the
//   URL's path, else CLICKHOUSE_DATABASE; it is created if missing.
// - unset: the embedded engine (chdb), data under <DATA_DIR>/clickhouse, in a supervised
//   child process of its own (embedded-engine.ts says why), which runs this same client code.
// Then the migrations are applied (migrate.ts).
// Per-query settings go inline in the SQL, never as the client's clickhouse_settings: on the
// embedded engine those become a SET that stays for every later query. The one setting made
// here, for every query, is the JSON form of 64-bit integers (OUTPUT_SETTINGS).

export type OpenClickHouseOptions = {
  /** CLICKHOUSE_URL: a ClickHouse server (http(s)://user:password@host:8123/database). */
  url?: string;
  /** CLICKHOUSE_DATABASE: used when the URL names none, and by the embedded engine. */
  database?: string;
  /** DATA_DIR: the embedded engine keeps its data in <dataDir>/clickhouse. */
  dataDir?: string;
  /** A call without an answer after this long rejects (ClickHouseTimeoutError). */
  queryTimeoutMs?: number;
  /** CLICKHOUSE_ENGINE_NICE: the embedded engine's CPU priority (engine-priority.ts); 10 by default. */
  engineNice?: number;
  log?: (line: string) => void;
  /** The migrations to apply (tests); migrate.ts's MIGRATIONS_DIR by default. */
  migrationsDir?: string;
};

export type OpenClickHouse = ClickHouse & {
  /** Called each time the engine is back after being unreachable or restarted: retry now. */
  onRestart(listener: () => void): void;
  /** The embedded engine's process id (for tests that kill it); null with a server. */
  pid(): number | null;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_ENGINE_NICE = 10;
// A migration may rebuild a table with its rows (0006: ~12 s at 10M events), far longer than a
// query may take: its statements get this long, on a connection of their own for a server and
// on the engine's calls until the migrations are done for the embedded engine.
const MIGRATION_TIMEOUT_MS = 60 * 60_000;

export async function openClickHouse(options: OpenClickHouseOptions = {}): Promise<OpenClickHouse> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (options.url) {
    const database = databaseOfUrl(options.url, options.database ?? "ministat");
    const migrations = clickHouseOver(await connectOfficialClient({ url: options.url, database, timeoutMs: MIGRATION_TIMEOUT_MS }));
    try {
      await migrate(migrations, log, options.migrationsDir);
    } finally {
      await migrations.close();
    }
    const connection = await openServer({ url: options.url, database, timeoutMs, log });
    return { ...clickHouseOver(connection.transport), onRestart: connection.onRestart, pid: connection.pid };
  }
  const dataPath = path.resolve(options.dataDir ?? ".data", "clickhouse");
  const connection = await openEmbeddedClickHouse({
    path: dataPath,
    database: options.database ?? "ministat",
    timeoutMs: MIGRATION_TIMEOUT_MS,
    nice: options.engineNice ?? DEFAULT_ENGINE_NICE,
    log,
  });
  const ch = clickHouseOver(connection.transport);
  try {
    await migrate(ch, log, options.migrationsDir);
  } catch (error) {
    await ch.close();
    throw error;
  }
  connection.setCallTimeout(timeoutMs);
  return { ...ch, onRestart: connection.onRestart, pid: connection.pid };
}

/** Applies the migrations not applied yet, and says which. */
async function migrate(ch: ClickHouse, log: (line: string) => void, dir?: string): Promise<void> {
  const { applied } = await applyClickHouseMigrations(ch, dir);
  if (applied.length) log(`Applied ClickHouse migrations: ${applied.join(", ")}`);
}

export type ClientTarget =
  | { url: string; database: string; timeoutMs: number }
  | { path: string; database: string; sessions: number };

// 64-bit integers as JSON strings, whatever the engine's version (ClickHouse 25.8 changed the
// default to numbers): ids are exact and arrive as the strings the app uses for them.
const OUTPUT_SETTINGS = { output_format_json_quote_64bit_integers: 1 } as const;

/**
 * The official client as a text transport, on a server or on an embedded data directory.
 * Errors come back as ClickHouseQueryError / ClickHouseTimeoutError / ClickHouseUnavailableError.
 */
export async function connectOfficialClient(target: ClientTarget): Promise<ClickHouseTransport> {
  assertDatabaseName(target.database);
  const upstream = await import("@clickhouse/client");
  // The client logs each failed request itself; the error reaches our caller anyway, once.
  const createClient = (config: NonNullable<Parameters<typeof upstream.createClient>[0]>) =>
    upstream.createClient({ ...config, log: { level: upstream.ClickHouseLogLevel.OFF } });
  if ("path" in target) {
    // An embedded session runs one statement at a time (a SELECT 1 waited 29 s behind a 29 s
    // query); sessions on the same directory run side by side. Each keeps its own USE and SET.
    const { createChdbConnection } = await import("chdb/connection");
    const context: ErrorContext = { embedded: true };
    const clients = Array.from({ length: target.sessions }, () => {
      // chdb's connection is typed against @clickhouse/client-common, of which the client bundles
      // its own copy: the same contract, two declarations.
      const connection = createChdbConnection({ path: target.path }) as unknown as NonNullable<Parameters<typeof upstream.createClient>[0]>["connection"];
      return createClient({ connection });
    });
    await mapErrors(context, async () => {
      await createDatabaseIfMissing(clients[0]!, target.database);
      for (const client of clients) {
        await client.command({ query: `USE ${target.database}` });
        for (const [name, value] of Object.entries(OUTPUT_SETTINGS)) await client.command({ query: `SET ${name} = ${value}` });
      }
    });
    return poolOf(clients.map((client) => transportOf(client, context)));
  }
  // Over HTTP the client's settings travel with each request: nothing stays behind.
  const server = new URL(target.url);
  server.pathname = "/";
  const context: ErrorContext = { server: server.host, timeoutMs: target.timeoutMs };
  const bootstrap = createClient({ url: server.toString(), request_timeout: target.timeoutMs });
  try {
    await mapErrors(context, () => createDatabaseIfMissing(bootstrap, target.database));
  } finally {
    await bootstrap.close();
  }
  const client = createClient({ url: server.toString(), database: target.database, request_timeout: target.timeoutMs, clickhouse_settings: OUTPUT_SETTINGS });
  return transportOf(client, context);
}

function transportOf(client: ClickHouseClient, context: ErrorContext): ClickHouseTransport {
  return {
    query: (sql, params) =>
      mapErrors(context, async () => (await client.query({ query: sql, query_params: params, format: "JSONEachRow" })).text()),
    command: (sql, params) => mapErrors(context, async () => void (await client.command({ query: sql, query_params: params }))),
    // exec, not client.insert: the body is JSON text already, which insert would quote
    // again. `table` goes after INSERT INTO as it is, so it may carry inline settings
    // ("events (…) SETTINGS insert_deduplication_token = '…'"); never user input.
    insert: (table, body, format) =>
      mapErrors(context, async () => {
        const { stream } = await client.exec({ query: `INSERT INTO ${table} FORMAT ${format}`, values: Readable.from([body]) });
        await finished(stream.resume());
      }),
    close: () => client.close(),
  };
}

/** The database a server URL names in its path ("http://host:8123/analytics"), else the fallback. */
export function databaseOfUrl(url: string, fallback: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\/+|\/+$/g, "")) || fallback;
}

async function createDatabaseIfMissing(client: ClickHouseClient, database: string): Promise<void> {
  // Look first: a user allowed to use the database may not be allowed to create one.
  const found = await client.query({ query: "SELECT 1 FROM system.databases WHERE name = {name:String}", query_params: { name: database }, format: "JSONEachRow" });
  if ((await found.json()).length === 0) await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
}

// Spliced into DDL (CREATE DATABASE, USE take no bound parameters): a plain identifier only.
function assertDatabaseName(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`ClickHouse database name "${name}": use letters, digits and _ only`);
}

type ErrorContext = { embedded: true } | { server: string; timeoutMs: number };

async function mapErrors<T>(context: ErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toClickHouseError(error, context);
  }
}

// ClickHouse's own errors carry a numeric code (client-common's ClickHouseError; chdb's copy
// of that class is another class, so the shape is what is checked). Anything else from the
// HTTP client is the way to the server failing; from the embedded engine, it is the engine
// refusing the call (a dead engine process is the supervisor's to report).
function toClickHouseError(error: unknown, context: ErrorContext): Error {
  const { message = String(error), code, type } = (error ?? {}) as { message?: string; code?: unknown; type?: unknown };
  if (typeof code === "string" && /^\d+$/.test(code)) return new ClickHouseQueryError(message, { code, type: typeof type === "string" ? type : undefined });
  if ("embedded" in context) return new ClickHouseQueryError(message);
  if (message === "Timeout error.") return new ClickHouseTimeoutError(context.timeoutMs / 1000);
  return new ClickHouseUnavailableError(`ClickHouse at ${context.server} is unreachable: ${message}`, { cause: error });
}
