import { listTimeZones } from "@/lib/sites/schemas";

// Time zones for the site form, grouped by region and labelled with their current UTC offset.

export type TimeZoneOption = { value: string; label: string };
export type TimeZoneGroup = { region: string; zones: TimeZoneOption[] };

// Offsets move with daylight saving time, so the list is rebuilt once a day.
let cached: { groups: TimeZoneGroup[]; day: string } | undefined;

function offsetOf(zone: string, now: Date): string {
  const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName");
  return part?.value === "GMT" ? "UTC" : (part?.value.replace("GMT", "UTC") ?? "");
}

export function getTimeZoneGroups(now = new Date()): TimeZoneGroup[] {
  const day = now.toISOString().slice(0, 10);
  if (cached?.day === day) return cached.groups;
  const groups = new Map<string, TimeZoneOption[]>([["UTC", [{ value: "Etc/UTC", label: "UTC" }]]]);
  for (const zone of listTimeZones()) {
    const slash = zone.indexOf("/");
    if (slash === -1 || zone.startsWith("Etc/")) continue;
    const region = zone.slice(0, slash);
    const place = zone.slice(slash + 1).replace(/_/g, " ").replace(/\//g, " – ");
    const list = groups.get(region) ?? [];
    list.push({ value: zone, label: `${place} (${offsetOf(zone, now)})` });
    groups.set(region, list);
  }
  cached = { groups: [...groups].map(([region, zones]) => ({ region, zones })), day };
  return cached.groups;
}
