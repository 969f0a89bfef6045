import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

let cached: number | null | undefined;

/**
 * Gzipped size in bytes of our built tracker (public/js/script.js), measured rather
 * than claimed; null while the tracker has not been built.
 */
export function getTrackerGzipBytes(): number | null {
  if (cached !== undefined) return cached;
  try {
    cached = gzipSync(readFileSync(join(process.cwd(), "public", "js", "script.js")), { level: 9 }).length;
  } catch {
    cached = null;
  }
  return cached;
}
