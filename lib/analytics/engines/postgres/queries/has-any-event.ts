import { readQuery } from "@/lib/analytics/query/read-query";

// "Waiting for the first pageview" until this turns true.

export async function hasAnyEvent(siteId: string): Promise<boolean> {
  const { rows } = await readQuery<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM events WHERE site_id = $1) AS found", [siteId], { site: siteId });
  return rows[0]?.found ?? false;
}
