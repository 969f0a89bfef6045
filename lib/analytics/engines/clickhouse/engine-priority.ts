import { writeFileSync } from "node:fs";
import { setPriority } from "node:os";

// The embedded engine's process runs at a lower CPU priority than the app. When the machine's
// cores are all busy (an ingestion burst on a small machine), the app's request handling, which
// a client waits on, runs first, and the engine's inserts and background merges take the time
// left over: they only need to keep up on average, and the flusher's batches grow meanwhile.
// An idle machine gives the engine all it asks for, so a dashboard on its own is as fast.
// Measured on the 2-core machine, ClickHouse ingestion in turns: docs/benchmark.md. The nice
// value is CLICKHOUSE_ENGINE_NICE (10 by default, so the engine keeps a tenth of the app's
// share, not none; 0 leaves it alone), as READ_BACKEND_NICE is for Postgres's dashboard scans.

/**
 * Lowers the CPU priority of the engine's process by `nice` (0: leaves it alone); best effort,
 * never throws. The process must lead a session of its own (forked `detached`): on Linux the
 * nice of its whole session is set, which would otherwise be the app's.
 */
export function lowerEnginePriority(pid: number, nice: number): void {
  if (nice <= 0) return;
  // Linux with autogroups (the default on most kernels): each session is one scheduling group,
  // weighed against the others by the group's nice; the engine's process is its session's only one.
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(nice));
  } catch {
    // No autogroups here (macOS, or a kernel without them): the process's own nice is what counts.
  }
  try {
    setPriority(pid, nice);
  } catch {
    // Gone already, or not ours to change: it runs at the normal priority.
  }
}
