import path from "node:path";
import { pathToFileURL } from "node:url";
import { ANALYTICS_ENGINES, type AnalyticsEngine, type AnalyticsStore } from "@/lib/analytics/analytics-store";
import { createPostgresStore } from "@/lib/analytics/engines/postgres";

// The process's analytics store, of the engine ANALYTICS_ENGINE names (postgres by default).
// Opened on first use and kept on globalThis, like the pools: Next bundles this module more
// than once, and every copy must write and read through the same store. The ClickHouse
// engine is imported only when selected, so a Postgres installation loads nothing of it.

const storeKey = Symbol.for("ministat.analyticsStore");
const globalForStore = globalThis as unknown as { [storeKey]?: Promise<AnalyticsStore> };

export function selectedEngine(): AnalyticsEngine {
  return parseEngine(process.env.ANALYTICS_ENGINE?.trim() || "postgres", "ANALYTICS_ENGINE");
}

/** `value` as an engine name, or an error that says which names there are. */
export function parseEngine(value: string, what: string): AnalyticsEngine {
  if (!(ANALYTICS_ENGINES as readonly string[]).includes(value)) {
    throw new Error(`${what} must be one of ${ANALYTICS_ENGINES.join(", ")}; it is "${value}"`);
  }
  return value as AnalyticsEngine;
}

export function getAnalyticsStore(): Promise<AnalyticsStore> {
  globalForStore[storeKey] ??= openStore(selectedEngine()).catch((error: unknown) => {
    delete globalForStore[storeKey]; // the next use tries again
    throw error;
  });
  return globalForStore[storeKey];
}

/** Lets go of the store (shutdown, tests); the next getAnalyticsStore() opens a new one. */
export async function closeAnalyticsStore(): Promise<void> {
  const store = globalForStore[storeKey];
  delete globalForStore[storeKey];
  if (store) await (await store).close();
}

/** A store of the given engine, opened, of the caller's own (copies between engines); close it when done. */
export async function openStore(engine: AnalyticsEngine): Promise<AnalyticsStore> {
  const store = engine === "postgres" ? createPostgresStore() : await openClickHouseStore();
  await store.open();
  return store;
}

// The ClickHouse engine is loaded by path, out of sight of Next's bundler: it forks its engine
// process from a source file, which a bundle cannot hold. The app's boot (scripts/start.ts,
// under tsx) opens the store before the first request, and Next's copies of this module find
// it on globalThis; scripts and tests load it the same way.
const CLICKHOUSE_ENGINE = ["lib", "analytics", "engines", "clickhouse", "index.ts"];

async function openClickHouseStore(): Promise<AnalyticsStore> {
  const file = pathToFileURL(path.join(/* turbopackIgnore: true */ process.cwd(), ...CLICKHOUSE_ENGINE)).href;
  const engine = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ file)) as typeof import("@/lib/analytics/engines/clickhouse");
  return engine.createClickHouseStore();
}
