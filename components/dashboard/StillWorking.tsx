"use client";

import { useEffect, useState } from "react";

// Shown over a loading panel once it takes longer than a dashboard usually does: a filtered
// view of a big site may wait for its turn among the heavy queries (lib/analytics/query/
// read-gate.ts). Nothing for the first seconds, so a normal load never flashes it.

const FIRST_NOTE_MS = 2_500;
const SECOND_NOTE_MS = 10_000;

export function StillWorking() {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    const timers = [setTimeout(() => setStage(1), FIRST_NOTE_MS), setTimeout(() => setStage(2), SECOND_NOTE_MS)];
    return () => timers.forEach(clearTimeout);
  }, []);
  return (
    <p role="status" aria-live="polite" className="pointer-events-none absolute inset-x-0 bottom-6 px-5 text-center text-sm text-slate-600">
      {stage === 1 && "Still working on it…"}
      {stage === 2 && "Still working — many statistics are being computed right now, so this takes longer than usual."}
    </p>
  );
}
