// Everything the benchmark starts (Postgres, the server, the load generator) registers
// how to stop it here. Stops run newest first, once, on a normal end, on an error, and
// on Ctrl-C / SIGTERM, so no server or Postgres is left behind holding its port.

type Stop = { name: string; run: () => Promise<void> };

const stops: Stop[] = [];
let stopping: Promise<void> | null = null;

/** Registers a stop; the returned function unregisters it (after stopping it by hand). */
export function onCleanup(name: string, run: () => Promise<void>): () => void {
  const stop = { name, run };
  stops.push(stop);
  return () => {
    const i = stops.indexOf(stop);
    if (i !== -1) stops.splice(i, 1);
  };
}

let interrupted = false;

/** True after Ctrl-C or SIGTERM. */
export function wasInterrupted(): boolean {
  return interrupted;
}

export function cleanupAll(log: (line: string) => void = console.error): Promise<void> {
  stopping ??= (async () => {
    while (stops.length > 0) {
      const stop = stops.pop();
      if (!stop) break;
      try {
        await stop.run();
      } catch (error) {
        log(`could not stop ${stop.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return stopping;
}

/** Ctrl-C and SIGTERM stop everything, then exit with the conventional code. */
export function cleanupOnSignals(log: (line: string) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      log(`\n${signal}: stopping everything the benchmark started …`);
      void cleanupAll(log).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}
