import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as aggregate } from "@/app/api/v1/stats/aggregate/route";
import { GET as breakdown } from "@/app/api/v1/stats/breakdown/route";
import { GET as timeseries } from "@/app/api/v1/stats/timeseries/route";
import { insertVisit, rebuildSiteStats } from "@/tests/support/insert-visit";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { API_RATE_LIMIT } from "@/lib/api-keys/with-api-key";
import { closePool, getPool } from "@/lib/db/pool";

// The Stats API route handlers, called directly with a Request: keys, ownership, parameters.

let key = "";
let otherKey = "";
const DOMAIN = "stats-api.example";

beforeAll(async () => {
  const { userId, siteId } = await createSyntheticSite(getPool(), { domain: DOMAIN, timezone: "Europe/Berlin" });
  const other = await createSyntheticSite(getPool(), { domain: "someone-else.example", timezone: "Etc/UTC" });
  key = (await createApiKey(userId, "tests")).key;
  otherKey = (await createApiKey(other.userId, "other")).key;
  await insertVisit(siteId, {
    id: 1,
    visitor: 1,
    pages: [{ path: "/", at: "2026-05-04T08:00:00Z" }, { path: "/pricing", at: "2026-05-04T08:02:00Z" }],
    attrs: { country: "FR", browser: "Safari" },
  });
  await insertVisit(siteId, { id: 2, visitor: 2, pages: [{ path: "/", at: "2026-05-04T09:00:00Z" }] });
  await insertVisit(siteId, { id: 3, visitor: 3, pages: [{ path: "/blog", at: "2026-05-03T09:00:00Z" }] });
  await rebuildSiteStats(siteId);
});
afterAll(() => closePool());

const call = async (handler: (r: Request) => Promise<Response>, query: string, bearer: string | null = key) => {
  const response = await handler(new Request(`http://localhost/api/v1/stats/x?${query}`, { headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: { code: string; message: string } } & Record<string, unknown> };
};

describe("Stats API", () => {
  it("returns totals with the previous period", async () => {
    const { status, body, headers } = await call(aggregate, `site_id=${DOMAIN}&period=custom&from=2026-05-04&to=2026-05-04&metrics=visitors,pageviews,bounce_rate`);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      site_id: DOMAIN,
      period: { from: "2026-05-04", to: "2026-05-04" },
      previous_period: { from: "2026-05-03", to: "2026-05-03" },
      results: {
        visitors: { value: 2, previous: 1, change: 100 },
        pageviews: { value: 3, previous: 1, change: 200 },
        bounce_rate: { value: 50, previous: 100, change: -50 },
      },
    });
  });

  it("applies the dashboard's filters and the date shorthand", async () => {
    const { body } = await call(aggregate, `site_id=${DOMAIN}&date=2026-05-03,2026-05-04&country=FR&metrics=visitors,bounce_rate`);
    // No visits before: nothing to compare the bounce rate with either (the dashboard's "new").
    expect(body.results).toEqual({ visitors: { value: 1, previous: 0, change: null }, bounce_rate: { value: 0, previous: 0, change: null } });
  });

  it("returns a time series", async () => {
    const { status, body } = await call(timeseries, `site_id=${DOMAIN}&date=2026-05-02,2026-05-04&metrics=visits,visit_duration`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ interval: "day" });
    expect(body.results).toEqual([
      { date: "2026-05-02", visits: 0, visit_duration: 0 },
      { date: "2026-05-03", visits: 1, visit_duration: 0 },
      { date: "2026-05-04", visits: 2, visit_duration: 60 },
    ]);
  });

  it("returns a paged breakdown", async () => {
    const query = `site_id=${DOMAIN}&date=2026-05-03,2026-05-04&property=page&metrics=visitors,pageviews`;
    expect((await call(breakdown, query)).body.results).toEqual([
      { page: "/", visitors: 2, pageviews: 2 },
      { page: "/blog", visitors: 1, pageviews: 1 },
      { page: "/pricing", visitors: 1, pageviews: 1 },
    ]);
    expect((await call(breakdown, `${query}&limit=1&page=2`)).body).toMatchObject({ page: 2, limit: 1, results: [{ page: "/blog" }] });
    // page=/… is the page filter, also on the paged endpoint: the pages seen in visits that viewed /pricing.
    expect((await call(breakdown, `${query}&page=/pricing&page=1`)).body.results).toEqual([
      { page: "/", visitors: 1, pageviews: 1 },
      { page: "/pricing", visitors: 1, pageviews: 1 },
    ]);
  });

  it("answers 401 without a key, with a wrong key and with a revoked key", async () => {
    const missing = await call(aggregate, `site_id=${DOMAIN}`, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(missing.body.error?.code).toBe("unauthorized");
    expect((await call(aggregate, `site_id=${DOMAIN}`, "ms_not-a-real-key")).status).toBe(401);
    const { userId } = await createSyntheticSite(getPool(), { domain: "revoked-key.example", timezone: "Etc/UTC" });
    const revoked = await createApiKey(userId, "to revoke");
    expect((await call(aggregate, "site_id=revoked-key.example", revoked.key)).status).toBe(200);
    await revokeApiKey(userId, revoked.id);
    const after = await call(aggregate, "site_id=revoked-key.example", revoked.key);
    expect(after).toMatchObject({ status: 401, body: { error: { code: "unauthorized", message: expect.stringMatching(/revoked/) } } });
  });

  it("answers another user's site exactly like a site that does not exist", async () => {
    const foreign = await call(aggregate, `site_id=${DOMAIN}`, otherKey);
    const missing = await call(aggregate, "site_id=no-such-site.example", otherKey);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.code).toBe("site_not_found");
    expect(missing.status).toBe(404);
    expect(foreign.body.error?.message.replace(DOMAIN, "X")).toBe(missing.body.error?.message.replace("no-such-site.example", "X"));
    expect((await call(timeseries, `site_id=${DOMAIN}`, otherKey)).status).toBe(404);
    expect((await call(breakdown, `site_id=${DOMAIN}&property=page`, otherKey)).status).toBe(404);
  });

  it.each([
    ["no site_id", "period=7d", /site_id is required/],
    ["an unknown period", `site_id=${DOMAIN}&period=fortnight`, /period must be one of/],
    ["an impossible date", `site_id=${DOMAIN}&period=custom&from=2026-02-30&to=2026-03-01`, /real date/],
    ["a reversed range", `site_id=${DOMAIN}&date=2026-03-02,2026-03-01`, /must not be after/],
    ["an unknown metric", `site_id=${DOMAIN}&metrics=visitors,sessions`, /Unknown metric sessions/],
    ["a misspelt filter", `site_id=${DOMAIN}&contry=DE`, /Unknown parameter contry/],
    ["a repeated filter", `site_id=${DOMAIN}&country=DE&country=FR`, /only once/],
  ])("answers 400 with a message for %s", async (_label, query, message) => {
    const { status, body } = await call(aggregate, query);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_request", message: expect.stringMatching(message) });
  });

  it.each([
    ["a missing property", "", /property is required/],
    ["an unknown property", "&property=planet", /property is required, one of/],
    ["a limit that is too large", "&property=page&limit=5000", /at most 1000/],
    ["a page that is not a number", "&property=page&page=two", /page must be a number/],
    ["events in the totals", "&property=page&metrics=views_per_visit", /Unknown metric views_per_visit/],
  ])("answers 400 on a breakdown with %s", async (_label, extra, message) => {
    const { status, body } = await call(breakdown, `site_id=${DOMAIN}${extra}`);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(message);
  });

  it("limits each key and says when to retry", async () => {
    const { userId } = await createSyntheticSite(getPool(), { domain: "rate-limited.example", timezone: "Etc/UTC" });
    const { key: busy } = await createApiKey(userId, "busy");
    for (let i = 0; i < API_RATE_LIMIT.limit; i++) expect((await call(aggregate, "period=7d", busy)).status).toBe(400);
    const limited = await call(aggregate, "site_id=rate-limited.example", busy);
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect((await call(aggregate, `site_id=${DOMAIN}`)).status).toBe(200);
  });
});
