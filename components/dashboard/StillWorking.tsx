// Shown over a loading panel once it takes longer than a dashboard usually does: a filtered
// view of a big site may wait for its turn among the heavy queries (lib/analytics/query/
// read-gate.ts). Nothing for the first seconds, so a normal load never flashes it.
// CSS only: a Suspense fallback that the server streamed while the panel was pending is
// never hydrated, so no effect or timer would run in it. Each note starts hidden
// (@starting-style) and turns visible after its delay.

const reveal = "visible opacity-100 transition-[opacity,visibility] transition-discrete duration-300 starting:invisible starting:opacity-0";

export function StillWorking() {
  return (
    <div role="status" className="pointer-events-none absolute inset-x-0 bottom-6 space-y-1 px-5 text-center text-sm text-slate-600">
      <p className={`${reveal} delay-[2500ms]`}>Still working on it…</p>
      <p className={`${reveal} delay-[10000ms]`}>Many statistics are being computed right now, so this takes longer than usual.</p>
    </div>
  );
}
