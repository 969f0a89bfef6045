import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { freePort } from "@/tests/support/free-port";

// Integration tests run against a real Postgres: the embedded one under .data/test
// (or TEST_DATABASE_ADMIN_URL), with a fresh database for every run.

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    // A cluster of its own per run (folder and port), so two runs at once cannot stop each other's.
    // Per project too: the projects' setups run in one process (integration, integration-clickhouse).
    const dataDir = `.data/test-${process.pid}-${project.name}`;
    const db = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? (await freePort())), database: "postgres" });
    adminUrl = db.url;
    stop = async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const name = `ministat_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  project.provide("databaseUrl", url.toString());
  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await stop?.();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

