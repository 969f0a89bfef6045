"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { input } from "@/components/ui/styles";
import type { TimeZoneGroup } from "./time-zone-options";

// A time zone <select> (type to jump). With no saved zone it preselects the browser's own.
export function TimeZoneSelect({ id, groups, value, error }: { id: string; groups: TimeZoneGroup[]; value?: string; error?: string }) {
  // The saved zone or the visitor's pick; without either, the browser's own zone (the server,
  // which cannot know it, renders UTC until hydration).
  const [chosen, setChosen] = useState<string | null>(value ?? null);
  const browser = useSyncExternalStore(neverChanges, browserTimeZone, () => null);
  const detectedZone = browser && groups.some((g) => g.zones.some((z) => z.value === browser)) ? browser : null;
  const zone = chosen ?? detectedZone ?? "Etc/UTC";
  const detected = chosen === null && detectedZone !== null;
  const select = useRef<HTMLSelectElement>(null);

  // React 19 resets a form after its action runs; marking the chosen option as the default
  // makes that reset keep it instead of jumping back to the first zone.
  useEffect(() => {
    for (const option of select.current?.options ?? []) option.defaultSelected = option.value === zone;
  }, [zone]);

  return (
    <>
      <select
        ref={select}
        id={id}
        name="timezone"
        value={zone}
        onChange={(event) => setChosen(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        className={input}
      >
        {groups.map((group) => (
          <optgroup key={group.region} label={group.region}>
            {group.zones.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {detected ? "Detected from your browser. " : ""}Days in your reports start at midnight in this zone.
      </p>
    </>
  );
}

// The browser's zone does not change while the page is open; nothing to subscribe to.
function neverChanges() {
  return () => {};
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
