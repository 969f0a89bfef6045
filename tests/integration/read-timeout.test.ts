import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as aggregate } from "@/app/api/v1/stats/aggregate/route";
import { settleRead } from "@/components/dashboard/settle-read";
import { getBreakdown, getTopStats, resolveRange } from "@/lib/analytics/query";
import { createSyntheticSite, insertSyntheticTraffic } from "@/tests/support/synthetic-traffic";
import { withReadErrors } from "@/lib/analytics/query/read-error-response";
import { ReadTimeoutError } from "@/lib/analytics/query/read-errors";
import type { StatsQuery } from "@/lib/analytics/types";
import { rebuildSiteRollups } from "@/lib/analytics/rollups";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { closePool, getPool } from "@/lib/db/pool";
import { lockVisits } from "./helpers/read-activity";

// READ_STATEMENT_TIMEOUT_SECONDS: a dashboard read that runs past it is stopped by Postgres
// and reported as such — a clear error in lib, a "took too long" panel on the page, a 504
// with a message from the routes and the Stats API — never a 500. The read is made slow by
// a lock on visits held by the test.

process.env.READ_STATEMENT_TIMEOUT_SECONDS = "1";

const DOMAIN = "read-timeout.example";
let query: StatsQuery;
let key = "";

beforeAll(async () => {
  const { userId, siteId } = await createSyntheticSite(getPool(), { domain: DOMAIN, timezone: "Etc/UTC" });
  await insertSyntheticTraffic(getPool(), { siteId, firstDay: "2026-03-01", days: 3, visitsPerDay: 50 });
  await rebuildSiteRollups(siteId);
  key = (await createApiKey(userId, "tests")).key;
  query = { site: { id: siteId, timezone: "Etc/UTC" }, range: resolveRange({ period: "custom", from: "2026-03-01", to: "2026-03-03" }, "Etc/UTC"), filters: { event: "Signup" } }; // an event filter: always read from raw visits and events
});
afterAll(() => closePool());

describe("the read statement timeout", () => {
  it("stops a slow read with a ReadTimeoutError that says what to do", async () => {
    expect(await getBreakdown(query, "country")).not.toHaveLength(0); // fast without the lock
    const lock = await lockVisits();
    try {
      const error = await getBreakdown(query, "country").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReadTimeoutError);
      expect((error as Error).message).toBe("This view took longer than 1 s to compute and was stopped. A shorter period or fewer filters will answer faster.");
    } finally {
      await lock.release();
    }
  });

  it("turns into a 'took too long' panel state and a 504 from the routes, not a 500", async () => {
    const lock = await lockVisits();
    try {
      const panel = await settleRead(getTopStats(query));
      expect(panel).toMatchObject({ ok: false, unavailable: { reason: "timeout" } });

      const route = withReadErrors(async () => Response.json(await getBreakdown(query, "page")));
      const response = await route();
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual({ error: { code: "query_timeout", message: expect.stringMatching(/took longer than 1 s/) } });

      const api = await aggregate(new Request(`http://localhost/api/v1/stats/aggregate?site_id=${DOMAIN}&date=2026-03-01,2026-03-03&event=Signup`, { headers: { authorization: `Bearer ${key}` } }));
      expect(api.status).toBe(504);
      expect(await api.json()).toEqual({ error: { code: "query_timeout", message: expect.stringMatching(/shorter period or fewer filters/) } });
    } finally {
      await lock.release();
    }
  });

  it("leaves other errors alone: a bug is still a bug", async () => {
    const route = withReadErrors(async (): Promise<Response> => {
      throw new Error("a bug");
    });
    await expect(route()).rejects.toThrow("a bug");
  });
});
