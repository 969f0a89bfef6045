// The receive-time source for events. Visits split after 30 idle minutes and salts
// change at UTC midnight, both decided by this clock; tests inject one so they can
// cross those boundaries without waiting. Production always reads Date.now().

let source: () => number = Date.now;

/** Milliseconds since the epoch, as the ingestion pipeline sees it. */
export function now(): number {
  return source();
}

export function setClock(fn: () => number): void {
  source = fn;
}

export function resetClock(): void {
  source = Date.now;
}
