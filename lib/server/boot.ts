import path from "node:path";
import { ConfigError, getEnv } from "@/lib/config/env";
import { loadLocalSecrets } from "@/lib/config/local-secrets";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { closePrisma } from "@/lib/db/prisma";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { onDatabaseRestarted, startAnalyticsServices, stopAnalyticsServices } from "./analytics-services";
import { ensureProductionBuild } from "./ensure-build";
import { startHttpServer } from "./http-server";

// The whole product in one process: (embedded) Postgres, migrations, job workers,
// the ingestion endpoint and Next.js. `npm start` and `npm run dev` call this.

export type BootOptions = { dev: boolean; log?: (line: string) => void };
export type RunningApp = { url: string; close: () => Promise<void> };

export async function boot(options: BootOptions): Promise<RunningApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = process.env.DATA_DIR ?? ".data";
  loadLocalSecrets(dataDir);

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    embedded = await startEmbeddedPostgres({ dataDir, port, log });
    embedded.onRestart(onDatabaseRestarted);
    process.env.DATABASE_URL = embedded.url;
    log(`Postgres (embedded) on 127.0.0.1:${port}, data in ${path.resolve(dataDir, "pg")}`);
  }

  try {
    const env = getEnv();
    const { applied } = await applyMigrations(env.DATABASE_URL);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    if (!options.dev) ensureProductionBuild(log);
    await startJobWorkers();
    await startAnalyticsServices({ dataDir, log });
    const server = await startHttpServer({ dev: options.dev, port: env.PORT, host: env.HOST, trustedProxyHops: env.TRUSTED_PROXY_HOPS });
    const url = `http://localhost:${env.PORT}`;
    log(`MiniStat is ready at ${url}`);
    return {
      url,
      // Stop taking requests, write every accepted event, then stop Postgres: the order
      // that lets a 202 mean "stored". Callers own the signals (scripts/start.ts).
      close: async () => {
        await server.close();
        await stopAnalyticsServices();
        await stopJobWorkers();
        await closePool();
        await closePrisma();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export function describeBootError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  return `MiniStat could not start: ${error instanceof Error ? error.message : String(error)}`;
}
