import type { SeedProgress } from "./seed-site";

// One line per progress report of seedSiteTraffic, for the demo seed and the benchmark.
export function describeProgress(p: SeedProgress): string | null {
  if (p.phase === "write") {
    const rate = p.elapsedMs > 0 ? Math.round(p.events / (p.elapsedMs / 1000)) : 0;
    const percent = Math.min(100, Math.round((p.events / p.target) * 100));
    const ahead = p.generated > p.events ? `, ${p.generated.toLocaleString("en-US")} generated` : "";
    return `… ${p.events.toLocaleString("en-US")} events written${ahead} (~${percent}%, ${rate.toLocaleString("en-US")}/s)`;
  }
  const what = { clear: "removing the site's previous data", analyze: "VACUUM ANALYZE of visits and events", rollups: "rebuilding the pre-aggregates (Postgres rollups, ClickHouse kept day rows)" }[p.phase];
  if (p.done) return `… ${what}: ${(p.ms / 1000).toFixed(1)} s`;
  return p.elapsedMs === 0 ? `… ${what}` : `… ${what}: still running, ${Math.round(p.elapsedMs / 1000)} s so far`;
}
