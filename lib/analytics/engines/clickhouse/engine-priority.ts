import { writeFileSync } from "node:fs";
import { setPriority } from "node:os";

// The embedded engine's process runs at a lower CPU priority than the app. When the machine's
// cores are all busy (an ingestion burst on a small machine), the app's request handling, which
// a client waits on, runs first, and the engine's inserts and background merges take the time
// left over: they only need to keep up on average, and the flusher's batches grow meanwhile.
// An idle machine gives the engine all it asks for, so a dashboard on its own is as fast.
// Measured on the 2-core machine, ClickHouse ingestion in turns: docs/benchmark.md.

/** The engine's nice value: 10 of 19, so it keeps a tenth of the share the app gets, not none. */
export const ENGINE_NICE = 10;

/** Lowers the CPU priority of the engine's process (a session of its own); best effort, never throws. */
export function lowerEnginePriority(pid: number, nice = ENGINE_NICE): void {
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
