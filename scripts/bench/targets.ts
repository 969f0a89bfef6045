// The targets of issues 3, 7 and 10, in one place: the report marks each figure ✓ or ✗
// against these and the JSON carries them next to the figures.

export const TARGETS = {
  ingestEventsPerSecond: 10_000,
  ingestP99Ms: 50,
  dashboard1mP50Ms: 100,
  dashboard10mP50Ms: 400,
  filteredVsUnfiltered: 3,
  // Issue 10: filtered views. Postgres at 1M; ClickHouse at 10M (1M: ≤ max(3× unfiltered, floor)).
  postgresFiltered1mP50Ms: 600,
  clickhouseFiltered10mP50Ms: 1_000,
  clickhouseFilteredFloorMs: 250,
  trackerDefaultGzipBytes: 700,
  trackerExtendedGzipBytes: 1_200,
  seedEventsPerSecond: 100_000,
  // Issue 7: with 200 heavy dashboards loading at once.
  contentionIngestP99Ms: 100,
  postgresIdleSeconds: 30,
} as const;

export type Check = { target: string; ok: boolean };

export function atLeast(value: number, target: number, unit = ""): Check {
  return { target: `≥ ${target.toLocaleString("en-US")}${unit}`, ok: value >= target };
}

export function below(value: number, target: number, unit = ""): Check {
  return { target: `< ${target.toLocaleString("en-US")}${unit}`, ok: value < target };
}

export function atMost(value: number, target: number, unit = ""): Check {
  return { target: `≤ ${target.toLocaleString("en-US")}${unit}`, ok: value <= target };
}

export function mark(check: Check | null): string {
  if (check === null) return "";
  return `${check.ok ? "✓" : "✗"} (target ${check.target})`;
}
