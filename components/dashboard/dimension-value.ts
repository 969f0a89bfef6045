import type { Dimension } from "@/lib/analytics/types";
import { countryName, flagEmoji } from "@/lib/analytics/format";

/** How a breakdown value reads on screen: country codes become names with a flag. */
export function displayValue(dimension: Dimension, value: string): { text: string; icon?: string } {
  if (value === "") return { text: dimension === "source" ? "Direct / None" : "(not set)" };
  if (dimension === "country") return { text: countryName(value), icon: flagEmoji(value) || undefined };
  if (dimension === "channel" || dimension === "device") return { text: value.charAt(0).toUpperCase() + value.slice(1) };
  return { text: value };
}
