import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as aggregateRoute } from "@/app/api/v1/stats/aggregate/route";
import { GET as breakdownRoute } from "@/app/api/v1/stats/breakdown/route";
import { GET as confirmGet, POST as confirmPost } from "@/app/reports/confirm/[token]/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/reports/unsubscribe/[token]/route";
import { formatDuration, formatExact, formatPercent } from "@/lib/analytics/format";
import { insertVisit, rebuildSiteStats, type FixtureVisit } from "@/tests/support/insert-visit";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { getEnv } from "@/lib/config/env";
import { closePool, getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { getReportFigures } from "@/lib/reports/figures";
import { lastCompletedPeriod, type ReportPeriod } from "@/lib/reports/periods";
import { sendDueReports } from "@/lib/reports/send-reports";
import { addReportRecipient, setOwnReport } from "@/lib/reports/subscriptions";
import type { FakeMailjet, FakeMailjetMessage } from "@/tests/fakes/fake-mailjet";
import { drainQueuedMail, useFakeMailjet } from "@/tests/support/fake-mailjet-env";
import { waitFor } from "@/tests/support/wait-for";

// E-mail reports end to end below the browser: hand-placed visits around local period
// boundaries of a site in Europe/Berlin and one in America/Los_Angeles, subscriptions, report
// passes at fixed instants (the test's clock), the real queue and job workers delivering
// through the real Mailjet client to the fake Mailjet, and the unsubscribe / confirm links
// answered by their route handlers with no session.
//
// The timeline (subscriptions exist from 25 March 2026; rows the routes write at the real
// time are moved onto it where noted):
//   Mon 30 Mar 07:15Z  Berlin's week 23–29 Mar is due; in Los Angeles it is 00:15, not yet.
//   Mon 30 Mar 07:45Z  Los Angeles' week is due too (two passes at once).
//   Wed  1 Apr 08:00Z  March is due in both zones (two queued jobs for the same pass).
//   Mon  6 Apr 08:00Z  the week 30 Mar – 5 Apr, with Mailjet failing for a while.

const APP_URL = "https://reports.ministat.test";
const tag = randomBytes(4).toString("hex");
const BERLIN_OWNER = `owner-berlin-${tag}@example.com`;
const LA_OWNER = `owner-la-${tag}@example.com`;
const RECIPIENT = `colleague-${tag}@example.com`;
const SUBSCRIBED_AT = new Date("2026-03-25T12:00:00Z");

let mailjet: FakeMailjet;
const berlin = { domain: `berlin-${tag}.example`, timezone: "Europe/Berlin", siteId: "", userId: "", apiKey: "" };
const la = { domain: `la-${tag}.example`, timezone: "America/Los_Angeles", siteId: "", userId: "", apiKey: "" };
type TestSite = typeof berlin;

/**
 * Every mail of this test's accounts is sent and its delivery job completed (no retry left to
 * send a duplicate), and every report job has finished: only then are counts final.
 */
async function settle(timeoutMs = 45_000): Promise<void> {
  await waitFor(
    "this test's mails and report jobs to finish",
    async () => {
      const { rows } = await getPool().query<{ open: number }>(
        `SELECT (SELECT count(*) FROM mails m WHERE m.user_id = ANY($1) AND (m.status <> 'sent'
                   OR EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $2 AND j.singleton_key = m.id AND j.state <> 'completed')))
              + (SELECT count(*) FROM pgboss.job j WHERE j.name = $3 AND j.state <> 'completed') AS open`,
        [[berlin.userId, la.userId], QUEUES.sendMail, QUEUES.sendReports],
      );
      return Number(rows[0]?.open) === 0 ? true : undefined;
    },
    timeoutMs,
  );
}

const reportsTo = (address: string, subject?: RegExp): FakeMailjetMessage[] =>
  mailjet.messages({ to: address }).filter((m) => m.subject.includes(" report for ") && !m.subject.startsWith("Confirm") && (!subject || subject.test(m.subject)));

async function statsApi(site: TestSite, handler: (r: Request) => Promise<Response>, query: string): Promise<Record<string, unknown>> {
  const response = await handler(new Request(`http://localhost/api/v1/stats/x?site_id=${site.domain}&${query}`, { headers: { authorization: `Bearer ${site.apiKey}` } }));
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

type Aggregate = { results: Record<string, { value: number; previous: number }>; previous_period: { from: string; to: string } };
type Breakdown = { results: Array<Record<string, string | number>> };

/** The report's figures, the Stats API's answer for the same period, and the e-mail's text agree. */
async function expectReportMatchesStatsApi(site: TestSite, period: ReportPeriod, mail: FakeMailjetMessage): Promise<void> {
  const range = (p: { from: string; to: string }) => `period=custom&from=${p.from}&to=${p.to}`;
  const metrics = "metrics=visitors,pageviews,bounce_rate,visit_duration";
  const current = (await statsApi(site, aggregateRoute, `${range(period)}&${metrics}`)) as Aggregate;
  const previous = (await statsApi(site, aggregateRoute, `${range(period.previous)}&${metrics}`)) as Aggregate;
  const sources = (await statsApi(site, breakdownRoute, `${range(period)}&property=source&limit=5&metrics=visitors`)) as Breakdown;
  const pages = (await statsApi(site, breakdownRoute, `${range(period)}&property=page&limit=5&metrics=visitors`)) as Breakdown;

  const figures = await getReportFigures({ id: site.siteId, timezone: site.timezone }, period);
  const pick = (r: Aggregate) => ({ visitors: r.results.visitors!.value, pageviews: r.results.pageviews!.value, bounceRate: r.results.bounce_rate!.value, visitDuration: r.results.visit_duration!.value });
  expect(pick(current)).toEqual({ visitors: figures.current.visitors, pageviews: figures.current.pageviews, bounceRate: figures.current.bounceRate, visitDuration: figures.current.visitDuration });
  expect(pick(previous)).toEqual({ visitors: figures.previous.visitors, pageviews: figures.previous.pageviews, bounceRate: figures.previous.bounceRate, visitDuration: figures.previous.visitDuration });
  expect(sources.results.map((r) => [r.source, r.visitors])).toEqual(figures.sources.map((r) => [r.value, r.visitors]));
  expect(pages.results.map((r) => [r.page, r.visitors])).toEqual(figures.pages.map((r) => [r.value, r.visitors]));
  if (period.frequency === "weekly") expect(current.previous_period).toEqual(period.previous); // the API's "previous" is the report's

  // The e-mail shows those very numbers.
  const c = pick(current);
  const p = pick(previous);
  expect(mail.text).toContain(`Unique visitors: ${formatExact(c.visitors)} (`);
  expect(mail.text).toContain(`before: ${formatExact(p.visitors)})`);
  expect(mail.text).toContain(`Total pageviews: ${formatExact(c.pageviews)} (`);
  expect(mail.text).toContain(`Bounce rate: ${formatPercent(c.bounceRate)} (`);
  expect(mail.text).toContain(`Visit duration: ${formatDuration(c.visitDuration)} (`);
  const listed = (title: string, rows: Breakdown["results"], key: string) =>
    `${title} (visitors)\n${rows.map((r) => `  ${String(r[key])}: ${formatExact(Number(r.visitors))}`).join("\n")}\n`;
  expect(mail.text).toContain(listed("Top sources", sources.results, "source"));
  expect(mail.text).toContain(listed("Top pages", pages.results, "page"));
  for (const row of [...sources.results, ...pages.results]) expect(mail.html).toContain(String(row.source ?? row.page));
}

function visits(site: TestSite, list: Array<Omit<FixtureVisit, "id" | "visitor">>): Promise<void[]> {
  return Promise.all(list.map((v, i) => insertVisit(site.siteId, { ...v, id: i + 1, visitor: i + 1 })));
}

const at = (iso: string, path = "/", source = "Direct / None"): Omit<FixtureVisit, "id" | "visitor"> => ({ pages: [{ path, at: iso }], attrs: { source } });

beforeAll(async () => {
  ({ mailjet } = await useFakeMailjet({ APP_URL }));
  expect(getEnv()).toMatchObject({ MAIL_RETRY_DELAY_SECONDS: 1, APP_URL });

  for (const site of [berlin, la]) {
    Object.assign(site, await createSyntheticSite(getPool(), { domain: site.domain, timezone: site.timezone }));
    site.apiKey = (await createApiKey(site.userId, "reports test")).key;
  }

  // Berlin: local midnight is 23:00Z before 29 March (CET), 22:00Z from then on (CEST).
  const sources = [...Array(7).fill("Google"), ...Array(6).fill("Hacker News"), ...Array(5).fill("Twitter"), ...Array(4).fill("Newsletter"), ...Array(3).fill("GitHub"), "Reddit"] as string[];
  const paths = ["/", "/pricing", "/blog/a", "/blog/b", "/docs", "/about", "/signup"];
  await visits(berlin, [
    at("2026-02-28T22:30:00Z"), // Sat 28 Feb 23:30: February
    at("2026-02-28T23:30:00Z"), // Sun 1 Mar 00:30: March
    at("2026-03-18T12:00:00Z"), at("2026-03-18T12:10:00Z"), at("2026-03-18T12:20:00Z"), // the week before
    at("2026-03-22T22:30:00Z"), // Sun 22 Mar 23:30: the week before
    at("2026-03-22T23:30:00Z"), // Mon 23 Mar 00:30: the reported week
    ...sources.map((source, i): Omit<FixtureVisit, "id" | "visitor"> => ({
      pages: [{ path: paths[i % 7]!, at: `2026-03-25T10:${String(i).padStart(2, "0")}:00Z` }, ...(i % 3 === 0 ? [{ path: "/pricing", at: `2026-03-25T10:${String(i).padStart(2, "0")}:40Z` }] : [])],
      attrs: { source },
    })),
    at("2026-03-29T21:30:00Z"), // Sun 29 Mar 23:30 (CEST): the reported week
    at("2026-03-29T22:30:00Z"), // Mon 30 Mar 00:30: the next week
    at("2026-03-31T21:30:00Z"), // Tue 31 Mar 23:30: March
    at("2026-03-31T22:30:00Z"), // Wed 1 Apr 00:30: April
    at("2026-04-02T09:00:00Z", "/docs"), at("2026-04-03T09:00:00Z", "/docs", "Google"), // the week 30 Mar – 5 Apr
  ]);
  // Los Angeles: local midnight is 08:00Z until 8 March (PST), 07:00Z after (PDT).
  await visits(la, [
    at("2026-03-01T07:30:00Z"), // Sat 28 Feb 23:30 PST: February
    at("2026-03-01T08:30:00Z"), // Sun 1 Mar 00:30: March
    at("2026-03-23T06:30:00Z"), // Sun 22 Mar 23:30 PDT: the week before
    at("2026-03-23T07:30:00Z"), // Mon 23 Mar 00:30: the reported week
    at("2026-03-25T18:00:00Z", "/", "Google"), at("2026-03-25T18:05:00Z", "/blog", "Google"), at("2026-03-25T18:10:00Z", "/", "Bing"),
    at("2026-03-30T06:30:00Z"), // Sun 29 Mar 23:30: the reported week
    at("2026-03-30T07:30:00Z"), // Mon 30 Mar 00:30: the next week
    at("2026-04-01T06:30:00Z"), // Tue 31 Mar 23:30: March
    at("2026-04-01T07:30:00Z"), // Wed 1 Apr 00:30: April
  ]);
  await rebuildSiteStats(berlin.siteId);
  await rebuildSiteStats(la.siteId);

  // Owners subscribe themselves (confirmed at once); Berlin's owner adds a colleague, who
  // must confirm first. The colleague's row is written at the real time (its link must work now).
  for (const [site, email] of [[berlin, BERLIN_OWNER], [la, LA_OWNER]] as const) {
    for (const frequency of ["weekly", "monthly"] as const) {
      expect(await setOwnReport({ id: site.userId, email }, site.siteId, frequency, true, SUBSCRIBED_AT)).toMatchObject({ ok: true });
    }
  }
  expect(await addReportRecipient({ id: berlin.userId, email: BERLIN_OWNER }, berlin.siteId, RECIPIENT, "weekly")).toMatchObject({ ok: true });

  await startJobWorkers();
  await drainQueuedMail({ userId: { notIn: [berlin.userId, la.userId] } });
  await settle();
}, 90_000);

afterAll(async () => {
  await stopJobWorkers();
  await mailjet.close();
  // Leave no confirmed subscriptions behind for other files' job workers.
  await prisma.user.deleteMany({ where: { id: { in: [berlin.userId, la.userId] } } });
  await closePool();
});

describe("e-mail reports", () => {
  let confirmLink = "";

  it("sends an added recipient only a confirmation link, with no report", () => {
    const received = mailjet.messages({ to: RECIPIENT });
    expect(received.map((m) => m.subject)).toEqual([`Confirm your weekly report for ${berlin.domain}`]);
    confirmLink = new RegExp(`${APP_URL}/reports/confirm/[A-Za-z0-9_-]+`).exec(received[0]!.text)?.[0] ?? "";
    expect(confirmLink).not.toBe("");
  });

  it("sends each weekly report once the week has ended in the site's time zone, once, even from two passes at once", async () => {
    const first = await sendDueReports(new Date("2026-03-30T07:15:00Z"));
    expect(first, "Berlin's week is over; in Los Angeles it is 00:15, within the delay").toMatchObject({ sent: 1, failed: 0 });
    const [a, b] = await Promise.all([sendDueReports(new Date("2026-03-30T07:45:00Z")), sendDueReports(new Date("2026-03-30T07:45:00Z"))]);
    expect(a.sent + b.sent, "Los Angeles' report, sent by exactly one of the two passes").toBe(1);
    expect(a.failed + b.failed).toBe(0);
    expect(await sendDueReports(new Date("2026-03-30T09:00:00Z")), "a later pass finds nothing left").toMatchObject({ sent: 0, failed: 0 });
    await settle();

    const berlinWeekly = reportsTo(BERLIN_OWNER);
    const laWeekly = reportsTo(LA_OWNER);
    expect(berlinWeekly.map((m) => m.subject)).toEqual([`Weekly report for ${berlin.domain}: 23 Mar – 29 Mar 2026`]);
    expect(laWeekly.map((m) => m.subject)).toEqual([`Weekly report for ${la.domain}: 23 Mar – 29 Mar 2026`]);
    expect(reportsTo(RECIPIENT), "not confirmed: nothing").toEqual([]);
    expect(berlinWeekly[0]!.text).toContain("Unique visitors: 28 (↑ 600%; before: 4)"); // the local week, not the UTC one
    expect(laWeekly[0]!.text).toContain("Unique visitors: 5 (↑ 400%; before: 1)");
    expect(berlinWeekly[0]!.text).toContain(`${APP_URL}/sites/${berlin.domain}?period=custom&from=2026-03-23&to=2026-03-29`);

    const deliveries = await prisma.reportDelivery.findMany({ where: { subscription: { siteId: { in: [berlin.siteId, la.siteId] } } }, include: { subscription: true } });
    expect(deliveries.map((d) => [d.subscription.frequency, d.periodStart.toISOString().slice(0, 10)])).toEqual([
      ["weekly", "2026-03-23"],
      ["weekly", "2026-03-23"],
    ]);
    for (const d of deliveries) expect(d.mailId).not.toBeNull();
  });

  it("gives the weekly reports the Stats API's numbers for the same local week", async () => {
    const week = lastCompletedPeriod("weekly", "Europe/Berlin", new Date("2026-03-30T12:00:00Z"));
    expect(week).toMatchObject({ from: "2026-03-23", to: "2026-03-29" });
    await expectReportMatchesStatsApi(berlin, week, reportsTo(BERLIN_OWNER)[0]!);
    await expectReportMatchesStatsApi(la, lastCompletedPeriod("weekly", "America/Los_Angeles", new Date("2026-03-30T12:00:00Z")), reportsTo(LA_OWNER)[0]!);
    expect((await getReportFigures({ id: berlin.siteId, timezone: berlin.timezone }, week)).sources.map((s) => s.value)).toEqual(["Google", "Hacker News", "Twitter", "Newsletter", "GitHub"]);
  });

  it("carries one-click unsubscribe headers pointing at a link that needs no session", () => {
    const mail = reportsTo(BERLIN_OWNER)[0]!;
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["List-Unsubscribe"]).toMatch(new RegExp(`^<${APP_URL}/reports/unsubscribe/[a-z0-9]+\\.[A-Za-z0-9_-]{43}>$`));
    expect(mail.text).toContain(mail.headers["List-Unsubscribe"]!.slice(1, -1));
  });

  it("confirms an added recipient only by the button (POST), not by opening the link", async () => {
    const token = confirmLink.split("/").at(-1)!;
    const context = { params: Promise.resolve({ token }) };
    const page = await confirmGet(new Request(confirmLink), context);
    expect(page.status).toBe(200);
    expect(page.headers.get("set-cookie")).toBeNull();
    const html = await page.text();
    expect(html).toContain(`Receive the weekly report for ${berlin.domain}?`);
    expect(html).toContain(`<form method="post" action="/reports/confirm/${token}"`);
    const pending = await prisma.reportSubscription.findFirstOrThrow({ where: { siteId: berlin.siteId, frequency: "weekly", confirmedAt: null } });

    const done = await confirmPost(new Request(confirmLink, { method: "POST" }), { params: Promise.resolve({ token }) });
    expect(done.status).toBe(200);
    expect(done.headers.get("set-cookie")).toBeNull();
    expect(await done.text()).toContain("Subscription confirmed");
    const confirmed = await prisma.reportSubscription.findUniqueOrThrow({ where: { id: pending.id } });
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(confirmed.confirmTokenHash).toBeNull();

    const again = await confirmPost(new Request(confirmLink, { method: "POST" }), { params: Promise.resolve({ token }) });
    expect(again.status, "a used link").toBe(404);
    expect(await again.text()).toContain("already used");
    const forged = await confirmGet(new Request(`${APP_URL}/reports/confirm/x`), { params: Promise.resolve({ token: "not-a-token-of-ours-at-all-123" }) });
    expect(forged.status).toBe(404);

    // On the test's timeline the colleague confirmed on Tue 31 March, after the week 23–29 March.
    await prisma.reportSubscription.update({ where: { id: pending.id }, data: { confirmedAt: new Date("2026-03-31T12:00:00Z") } });
  });

  it("sends the monthly reports once when the same pass runs twice through the queue", async () => {
    await enqueue(QUEUES.sendReports, { at: "2026-04-01T08:00:00.000Z" });
    await enqueue(QUEUES.sendReports, { at: "2026-04-01T08:00:00.000Z" });
    await settle();
    expect(reportsTo(BERLIN_OWNER, /^Monthly/).map((m) => m.subject)).toEqual([`Monthly report for ${berlin.domain}: March 2026`]);
    expect(reportsTo(LA_OWNER, /^Monthly/).map((m) => m.subject)).toEqual([`Monthly report for ${la.domain}: March 2026`]);
    expect(reportsTo(RECIPIENT), "its first week has not ended yet").toEqual([]);
    expect(reportsTo(BERLIN_OWNER), "the weekly report was not sent again").toHaveLength(2);
    expect(reportsTo(BERLIN_OWNER, /^Monthly/)[0]!.text).toContain("Unique visitors: 35 (↑ 3400%; before: 1)");
    expect(reportsTo(LA_OWNER, /^Monthly/)[0]!.text).toContain("Unique visitors: 9 (↑ 800%; before: 1)");
  });

  it("gives the monthly reports the Stats API's numbers for the local month and the month before", async () => {
    const march = lastCompletedPeriod("monthly", "Europe/Berlin", new Date("2026-04-01T12:00:00Z"));
    expect(march).toMatchObject({ from: "2026-03-01", to: "2026-03-31", previous: { from: "2026-02-01", to: "2026-02-28" } });
    await expectReportMatchesStatsApi(berlin, march, reportsTo(BERLIN_OWNER, /^Monthly/)[0]!);
    await expectReportMatchesStatsApi(la, lastCompletedPeriod("monthly", "America/Los_Angeles", new Date("2026-04-01T12:00:00Z")), reportsTo(LA_OWNER, /^Monthly/)[0]!);
  });

  it("unsubscribes with no session: GET only shows the page, the one-click POST ends the subscription", async () => {
    const link = reportsTo(BERLIN_OWNER, /^Weekly/)[0]!.headers["List-Unsubscribe"]!.slice(1, -1);
    const token = link.split("/").at(-1)!;
    const context = () => ({ params: Promise.resolve({ token }) });
    const subscription = await prisma.reportSubscription.findFirstOrThrow({ where: { id: token.split(".")[0] } });
    expect(subscription).toMatchObject({ siteId: berlin.siteId, frequency: "weekly" });

    const page = await unsubscribeGet(new Request(link), context());
    expect(page.status).toBe(200);
    expect(page.headers.get("set-cookie")).toBeNull();
    const html = await page.text();
    expect(html).toContain(`You will no longer receive the weekly report for ${berlin.domain}.`);
    expect(html).toMatch(/<form method="post" action="\/reports\/unsubscribe\/[^"]+"[^>]*><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit"/);
    expect(await prisma.reportSubscription.count({ where: { id: subscription.id } }), "GET changed nothing").toBe(1);

    const oneClick = () =>
      unsubscribePost(new Request(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), context());
    const done = await oneClick();
    expect(done.status).toBe(200);
    expect(done.headers.get("set-cookie")).toBeNull();
    expect(await done.text()).toContain(`You will no longer receive the weekly report for ${berlin.domain}.`);
    expect(await prisma.reportSubscription.count({ where: { id: subscription.id } })).toBe(0);
    expect(await prisma.reportSubscription.count({ where: { siteId: berlin.siteId, frequency: "monthly" } }), "the monthly report stays").toBe(1);

    expect((await oneClick()).status, "repeating it is fine").toBe(200);
    expect((await unsubscribeGet(new Request(link), context())).status).toBe(410);
    const forged = `${subscription.id}.${"A".repeat(43)}`;
    expect((await unsubscribePost(new Request(link, { method: "POST" }), { params: Promise.resolve({ token: forged }) })).status).toBe(404);
    expect((await unsubscribeGet(new Request(link), { params: Promise.resolve({ token: "../../etc" }) })).status).toBe(404);
  });

  it("delivers the next reports once Mailjet recovers — to the confirmed recipient, not to the unsubscribed owner — none lost, none doubled", async () => {
    const failedBefore = mailjet.stats().failed;
    mailjet.failNext(4);
    const result = await sendDueReports(new Date("2026-04-06T08:00:00Z"));
    expect(result).toMatchObject({ sent: 2, failed: 0 }); // stored and queued while Mailjet fails
    expect(await sendDueReports(new Date("2026-04-06T08:30:00Z"))).toMatchObject({ sent: 0 });
    await settle(60_000);

    expect(mailjet.stats().failed - failedBefore).toBe(4);
    expect(reportsTo(RECIPIENT).map((m) => m.subject)).toEqual([`Weekly report for ${berlin.domain}: 30 Mar – 5 Apr 2026`]);
    expect(reportsTo(LA_OWNER, /^Weekly/).map((m) => m.subject)).toEqual([`Weekly report for ${la.domain}: 23 Mar – 29 Mar 2026`, `Weekly report for ${la.domain}: 30 Mar – 5 Apr 2026`]);
    expect(reportsTo(BERLIN_OWNER, /^Weekly/), "unsubscribed: no new weekly report").toHaveLength(1);
    expect(reportsTo(RECIPIENT)[0]!.text).toContain("Unique visitors: 5 (↓ 82%; before: 28)");
    const mails = await prisma.mail.findMany({ where: { userId: { in: [berlin.userId, la.userId] }, kind: "report" } });
    expect(mails.every((m) => m.status === "sent")).toBe(true);
    expect(mails.reduce((sum, m) => sum + m.attempts, 0) - mails.length, "the failed attempts were retried").toBe(4);
  }, 90_000);
});
