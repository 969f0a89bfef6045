import type { FlushKey } from "@/lib/analytics/types";

// Who hears about committed days: the rollup refresher marks them dirty. One listener,
// set at boot; its failure is logged and never fails or repeats the flush.

type FlushListener = (keys: FlushKey[]) => void;

let listener: FlushListener | null = null;

export function setFlushListener(fn: FlushListener | null): void {
  listener = fn;
}

/** Called after each successful flush with the (site, UTC day) pairs it touched. */
export function onFlushed(keys: FlushKey[]): void {
  if (listener === null) return;
  try {
    listener(keys);
  } catch (error) {
    console.error(`[ingest] flush listener failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
