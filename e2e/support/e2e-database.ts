import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, E2E_PG_PORT } from "./e2e-env";

// The e2e instance's own embedded Postgres (scripts/e2e-server.ts), for specs that must see
// what the database is doing: hold a lock to make dashboard queries slow, and read
// pg_stat_activity for the app's read connections.

/** The connection string of the e2e instance's embedded Postgres (its password is in its data directory). */
export function e2eDatabaseUrl(): string {
  const password = readFileSync(path.resolve(E2E_DATA_DIR, "pg-password"), "utf8").trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${E2E_PG_PORT}/ministat`;
}

export async function connectE2eDatabase(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  return client;
}

/** Queries of the app's read pool that Postgres is running (or that wait for a lock) now. */
export async function activeReadQueries(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ministat-read' AND state = 'active'");
  return rows[0]?.n ?? 0;
}
