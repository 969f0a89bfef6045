import { newSalt } from "@/lib/analytics/enrich/visitor-id";
import { getWritePool } from "@/lib/db/pool";
import { addDays, utcDay } from "@/lib/analytics/dates";

// The per-site salt of a UTC day, from the salts table and then from memory. Created
// with INSERT … ON CONFLICT DO NOTHING and read back, so several instances racing on
// the first event of the day all end up with the one salt that won.

const cache = new Map<string, Buffer>();
const pending = new Map<string, Promise<Buffer>>();

const key = (siteId: string, day: string) => `${siteId}|${day}`;

export function getCachedSalt(siteId: string, day: string): Buffer | undefined {
  return cache.get(key(siteId, day));
}

export function getSalt(siteId: string, day: string): Promise<Buffer> {
  const k = key(siteId, day);
  const cached = cache.get(k);
  if (cached !== undefined) return Promise.resolve(cached);
  let load = pending.get(k);
  if (load === undefined) {
    load = loadSalt(siteId, day)
      .then((salt) => {
        cache.set(k, salt);
        return salt;
      })
      .finally(() => pending.delete(k));
    pending.set(k, load);
  }
  return load;
}

async function loadSalt(siteId: string, day: string): Promise<Buffer> {
  const pool = getWritePool();
  await pool.query("INSERT INTO salts (site_id, day, salt) VALUES ($1, $2::date, $3) ON CONFLICT DO NOTHING", [siteId, day, newSalt()]);
  const { rows } = await pool.query<{ salt: Buffer }>("SELECT salt FROM salts WHERE site_id = $1 AND day = $2::date", [siteId, day]);
  const salt = rows[0]?.salt;
  // Only possible if the site was deleted in between; the caller then drops the event.
  if (salt === undefined) throw new Error("salt vanished (site deleted?)");
  return salt;
}

/**
 * Deletes salts older than 2 days (UTC): only today's and yesterday's remain, and after
 * that nobody, us included, can recompute or link a visitor id. Also drops them from
 * this instance's memory. Run daily; returns the number of rows deleted.
 */
export async function rotateSalts(now: Date = new Date()): Promise<number> {
  const oldestKept = addDays(utcDay(now.getTime()), -1);
  forgetSaltsBefore(oldestKept);
  const { rowCount } = await getWritePool().query("DELETE FROM salts WHERE day < $1::date", [oldestKept]);
  return rowCount ?? 0;
}

/** Memory only: salts of days before `day` are never used again by this instance. */
export function forgetSaltsBefore(day: string): void {
  for (const k of cache.keys()) {
    if (k.slice(k.lastIndexOf("|") + 1) < day) cache.delete(k);
  }
}
