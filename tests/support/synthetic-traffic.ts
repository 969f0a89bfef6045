import { randomBytes } from "node:crypto";
import type pg from "pg";

// Synthetic traffic written straight into visits and events with INSERT … SELECT
// generate_series: a weekly rhythm, long-tail pages, referrers, UTM campaigns, countries,
// regions, cities, browsers and custom events. Deterministic (hash-based, no random()), so
// tests can recompute what they expect and benchmarks are repeatable. Visitor ids change
// every UTC day, as the real ones do.

export type SyntheticOptions = { siteId: string; firstDay: string; days: number; visitsPerDay: number };
export type SyntheticCounts = { visits: number; pageviews: number; customEvents: number };

/** A uniform number in [0, 1) derived from an integer SQL expression. */
const u = (seed: string) => `((hashint8(${seed}) & 2147483647)::float8 / 2147483648.0)`;
const s = (k: number) => u(`g.id * 64 + ${k}`);
const pick = (values: string[], r: string, skew: number) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(",")}])[1 + floor(power(${r}, ${skew}) * ${values.length})::int]`;

const page = (id: string, k: string) => `CASE WHEN ${u(`${id} * 64 + 32 + ${k}`)} < 0.2 THEN '/'
  WHEN ${u(`${id} * 64 + 32 + ${k}`)} < 0.3 THEN '/pricing' WHEN ${u(`${id} * 64 + 32 + ${k}`)} < 0.35 THEN '/signup'
  ELSE '/blog/post-' || floor(power(${u(`${id} * 64 + 48 + ${k}`)}, 2.5) * 2000)::int END`;
const gap = (id: string) => `(10 + floor(${u(`${id} * 64 + 5`)} * 110))`;
const eventName = (id: string, j: string) => `CASE WHEN ${u(`${id} * 64 + 24 + ${j}`)} < 0.4 THEN 'Signup'
  WHEN ${u(`${id} * 64 + 24 + ${j}`)} < 0.7 THEN 'Download' ELSE 'Outbound Link: Click' END`;

const COUNTRIES = "US DE GB FR IN NL CA BR ES IT PL SE JP AU CH AT BE DK FI NO IE PT CZ RO HU GR TR MX AR CO ZA NG KE EG IL AE SG KR ID PH".split(" ");
const REFERRAL_CUT = 0.74;

const VISITS_SQL = `INSERT INTO visits (site_id, visit_id, visitor_id, started_at, ended_at, entry_page, exit_page, pageviews, events,
  source, referrer_host, channel, utm_source, utm_medium, utm_campaign, country, region, city, browser, os, device)
SELECT $1, g.id, g.visitor, g.started, g.started + make_interval(secs => (g.pv - 1) * ${gap("g.id")} + 5 * g.ev),
  ${page("g.id", "0")}, ${page("g.id", "(g.pv - 1)")}, g.pv, g.ev,
  CASE WHEN ${s(6)} < 0.4 THEN 'Direct / None' WHEN ${s(6)} < 0.62 THEN 'Google' WHEN ${s(6)} < 0.67 THEN 'Twitter'
       WHEN ${s(6)} < 0.71 THEN 'Hacker News' WHEN ${s(6)} < ${REFERRAL_CUT} THEN 'Newsletter'
       ELSE 'ref-' || floor(power(${s(7)}, 2) * 800)::int || '.example' END,
  CASE WHEN ${s(6)} < 0.4 THEN NULL WHEN ${s(6)} < 0.62 THEN 'www.google.com' WHEN ${s(6)} < 0.67 THEN 't.co'
       WHEN ${s(6)} < 0.71 THEN 'news.ycombinator.com' WHEN ${s(6)} < ${REFERRAL_CUT} THEN NULL
       ELSE 'ref-' || floor(power(${s(7)}, 2) * 800)::int || '.example' END,
  CASE WHEN ${s(6)} < 0.4 THEN 'direct' WHEN ${s(6)} < 0.62 THEN 'search' WHEN ${s(6)} < 0.67 THEN 'social'
       WHEN ${s(6)} < 0.71 THEN 'referral' WHEN ${s(6)} < ${REFERRAL_CUT} THEN 'email' ELSE 'referral' END,
  CASE WHEN ${s(8)} < 0.1 THEN ${pick(["newsletter", "twitter", "facebook", "reddit"], s(9), 1)} END,
  CASE WHEN ${s(8)} < 0.1 THEN ${pick(["email", "social", "cpc"], s(9), 1)} END,
  CASE WHEN ${s(8)} < 0.1 THEN 'campaign-' || floor(power(${s(10)}, 2) * 40)::int END,
  g.country, CASE WHEN ${s(12)} < 0.97 THEN g.country || '-R' || floor(power(${s(13)}, 2) * 12)::int END,
  CASE WHEN ${s(12)} < 0.95 THEN g.country || ' City ' || floor(power(${s(14)}, 2) * 60)::int END,
  ${pick(["Chrome", "Safari", "Firefox", "Edge", "Opera", "Samsung Internet"], s(15), 2.5)},
  ${pick(["Windows", "macOS", "iOS", "Android", "Linux", "ChromeOS"], s(16), 1.6)},
  ${pick(["desktop", "mobile", "tablet"], s(17), 1.7)}
FROM (
  SELECT x.*, 1 + CASE WHEN ${u("x.id * 64 + 2")} < 0.4 THEN 0 ELSE 1 + floor(power(${u("x.id * 64 + 3")}, 1.5) * 7)::int END AS pv,
    CASE WHEN ${u("x.id * 64 + 4")} < 0.05 THEN 1 WHEN ${u("x.id * 64 + 4")} < 0.08 THEN 2 ELSE 0 END AS ev,
    ${pick(COUNTRIES, u("x.id * 64 + 11"), 2.2)} AS country
  FROM (
    SELECT d.n * 10000000::int8 + i AS id, d.n * 10000000::int8 + floor(i * 0.8)::int AS visitor,
      d.day + make_interval(secs => (${u("(d.n * 10000000::int8 + i) * 64 + 0")} + ${u("(d.n * 10000000::int8 + i) * 64 + 1")}) * 43199) AS started
    FROM (SELECT n, (($2::date + n)::timestamp AT TIME ZONE 'UTC') AS day FROM generate_series(0, $3::int - 1) n) d
    CROSS JOIN LATERAL generate_series(1, round($4::int * CASE WHEN extract(isodow FROM d.day AT TIME ZONE 'UTC') >= 6 THEN 0.7 ELSE 1.1 END)::int) i
  ) x
) g`;

const EVENTS_SQL = `INSERT INTO events (site_id, ts, name, visitor_id, visit_id, pathname)
SELECT v.site_id, v.started_at + make_interval(secs => k * ${gap("v.visit_id")}), 'pageview', v.visitor_id, v.visit_id, ${page("v.visit_id", "k")}
FROM visits v CROSS JOIN LATERAL generate_series(0, v.pageviews - 1) k
WHERE v.site_id = $1
UNION ALL
SELECT v.site_id, v.started_at + make_interval(secs => (v.pageviews - 1) * ${gap("v.visit_id")} + 5 * (j + 1)), ${eventName("v.visit_id", "j")},
  v.visitor_id, v.visit_id, v.exit_page
FROM visits v CROSS JOIN LATERAL generate_series(0, v.events - 1) j
WHERE v.site_id = $1`;

/** Fills an empty site with synthetic visits and their events. */
export async function insertSyntheticTraffic(db: pg.Pool | pg.ClientBase, o: SyntheticOptions): Promise<SyntheticCounts> {
  await db.query(VISITS_SQL, [o.siteId, o.firstDay, o.days, o.visitsPerDay]);
  await db.query(EVENTS_SQL, [o.siteId]);
  const { rows } = await db.query<SyntheticCounts>(
    `SELECT count(*)::int AS visits, coalesce(sum(pageviews), 0)::int AS pageviews, coalesce(sum(events), 0)::int AS "customEvents"
     FROM visits WHERE site_id = $1`,
    [o.siteId],
  );
  return rows[0] ?? { visits: 0, pageviews: 0, customEvents: 0 };
}

/** A user and a site to hold synthetic traffic; returns their ids. */
export async function createSyntheticSite(db: pg.Pool | pg.ClientBase, input: { domain: string; timezone: string }): Promise<{ userId: string; siteId: string }> {
  const userId = `u_${randomBytes(8).toString("hex")}`;
  const siteId = `s_${randomBytes(8).toString("hex")}`;
  await db.query("INSERT INTO users (id, email_encrypted, email_index, updated_at) VALUES ($1, 'synthetic', $1, now())", [userId]);
  await db.query("INSERT INTO sites (id, user_id, domain, timezone) VALUES ($1, $2, $3, $4)", [siteId, userId, input.domain, input.timezone]);
  return { userId, siteId };
}
