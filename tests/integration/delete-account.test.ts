import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyOfDatabaseUrl } from "@/tests/setup/worker-database";

// Mail in this file goes to the local outbox: no Mailjet keys (set before anything reads the env).
delete process.env.MAILJET_API_KEY;
delete process.env.MAILJET_API_SECRET;
// A fresh database of its own, copied from the migrated one: the checks below read every row of
// every table several times, and the worker's database holds what earlier files left (other
// files' synthetic traffic made one test take 15-21 s of its 30 s, against 0.5 s without).
process.env.DATABASE_URL = await copyOfDatabaseUrl(inject("databaseUrl"), inject("adminDatabaseUrl"), `delete_account_${randomBytes(4).toString("hex")}`);

import { deleteAccount } from "@/lib/account/delete-account";
import { requestEmailChange } from "@/lib/account/change-email";
import { findUserByEmail, findUserById } from "@/lib/account/find-user";
import { registerAccount } from "@/lib/account/register-account";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { getEnv } from "@/lib/config/env";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { encryptField } from "@/lib/crypto/field-encryption";
import { hashToken, newToken } from "@/lib/crypto/hash-token";
import { getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { stopQueue } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";
import { renderSignInMail } from "@/lib/mail/templates/sign-in";
import { replyAsCustomer } from "@/lib/support/customer-threads";
import { receiveInboundReply } from "@/lib/support/inbound-reply";
import { openSupportThread } from "@/lib/support/open-thread";
import { replyAddressFor } from "@/lib/support/reply-address";
import { addInternalNote, replyAsStaff } from "@/lib/support/staff-inbox";
import { mailjetParsePayload } from "@/tests/fakes/mailjet-parse";
import { newStaff } from "./helpers/support-desk";

// "Deleting the account deletes everything, immediately." The tables are read from the
// database catalog, not from a list kept by hand: a table added later that holds an account's
// data makes this test fail until deleteAccount removes it (and this test populates it).
//
// Which rows belong to an account is worked out generically:
//  - a row belongs to it if its text (any column, any type, JSON included) contains one of the
//    account's identifiers: its user id, its e-mail addresses (current and pending) or their
//    blind indexes, or the primary key of another row that belongs to it (computed to a fixpoint,
//    so mails are found by their recipient index, verification tokens by their identifier, ...);
//  - or if it references, through a foreign key, a row that belongs to it (any key type).

/** Tables that never hold data of an account, with the reason. Everything else must be populated below. */
const NOT_ACCOUNT_DATA: Record<string, string> = {
  ingest_spool_marks: "one row per app instance's ingestion spool: a sequence number, no account's data",
  stripe_events: "Stripe webhook event ids already processed (evt_… and the type), nothing of an account",
};

type Account = {
  label: string;
  userId: string;
  email: string;
  newEmail: string;
  sessionTokens: string[];
  siteIds: string[];
  supportThreadIds: string[];
  /** Lower-cased identifiers whose presence in a row makes it this account's. */
  needles: string[];
};

type Column = { schema: string; table: string; column: string; dataType: string };
type ForeignKey = { child: string; parent: string; childColumns: string[]; parentColumns: string[] };

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const DAY = 86_400_000;

let publicTables: string[] = [];
let allColumns: Column[] = [];
let foreignKeys: ForeignKey[] = [];
let singleTextPrimaryKeys = new Map<string, string>();

async function readCatalog(): Promise<void> {
  const pool = getPool();
  publicTables = (
    await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    )
  ).rows.map((r) => r.table_name);

  allColumns = (
    await pool.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_schema, c.table_name, c.column_name, c.data_type
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE t.table_type = 'BASE TABLE'
          AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
          AND c.table_schema NOT LIKE 'pg\\_%'
          AND NOT (c.table_schema = 'public' AND c.table_name = '_prisma_migrations')
        ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
    )
  ).rows.map((r) => ({ schema: r.table_schema, table: r.table_name, column: r.column_name, dataType: r.data_type }));

  foreignKeys = (
    await pool.query<{ child: string; parent: string; child_columns: string[]; parent_columns: string[] }>(
      `SELECT child.relname AS child, parent.relname AS parent,
              array_agg(ca.attname::text ORDER BY k.ord) AS child_columns,
              array_agg(pa.attname::text ORDER BY k.ord) AS parent_columns
         FROM pg_constraint con
         JOIN pg_class child ON child.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = child.relnamespace
         JOIN pg_class parent ON parent.oid = con.confrelid
         JOIN pg_namespace pn ON pn.oid = parent.relnamespace
         CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(child_att, parent_att, ord)
         JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = k.child_att
         JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.parent_att
        WHERE con.contype = 'f' AND n.nspname = 'public' AND pn.nspname = 'public'
        GROUP BY con.oid, child.relname, parent.relname`,
    )
  ).rows.map((r) => ({ child: r.child, parent: r.parent, childColumns: r.child_columns, parentColumns: r.parent_columns }));

  const primaryKeys = await pool.query<{ table_name: string; columns: string[]; types: string[] }>(
    `SELECT c.relname AS table_name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisprimary AND n.nspname = 'public'
      GROUP BY c.relname`,
  );
  singleTextPrimaryKeys = new Map(
    primaryKeys.rows
      .filter((r) => r.columns.length === 1 && /^(text|character varying|uuid|character)/.test(r.types[0] ?? ""))
      .map((r) => [r.table_name, r.columns[0]!]),
  );
}

const byteaColumns = (schema: string, table: string) =>
  allColumns.filter((c) => c.schema === schema && c.table === table && c.dataType === "bytea").map((c) => c.column);

/** SQL: the row `alias` of `table` contains one of the needles ($1, lower-cased) anywhere. */
function containsNeedle(schema: string, table: string, alias: string): string {
  const bytea = byteaColumns(schema, table).map((c) => ` OR position(convert_to(ms_needle.v, 'UTF8') IN ${alias}.${q(c)}) > 0`);
  return `EXISTS (SELECT 1 FROM unnest($1::text[]) AS ms_needle(v) WHERE strpos(lower(${alias}::text), ms_needle.v) > 0${bytea.join("")})`;
}

/** SQL: the row `alias` of public.`table` belongs to the account (needles in $1), directly or through foreign keys. */
function ownedPredicate(table: string, alias: string, depth = 0, seen: string[] = []): string {
  const parts = [containsNeedle("public", table, alias)];
  if (depth < 8) {
    for (const fk of foreignKeys.filter((f) => f.child === table && !seen.includes(f.parent))) {
      const parentAlias = `ms_p${depth}_${parts.length}`;
      const join = fk.childColumns.map((c, i) => `${parentAlias}.${q(fk.parentColumns[i]!)} = ${alias}.${q(c)}`).join(" AND ");
      parts.push(
        `EXISTS (SELECT 1 FROM public.${q(fk.parent)} AS ${parentAlias} WHERE ${join} AND ${ownedPredicate(fk.parent, parentAlias, depth + 1, [...seen, table])})`,
      );
    }
  }
  return `(${parts.join(" OR ")})`;
}

async function countOwned(table: string, needles: string[]): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM public.${q(table)} AS ms_r WHERE ${ownedPredicate(table, "ms_r")}`,
    [needles],
  );
  return rows[0]?.n ?? -1;
}

async function countAll(table: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM public.${q(table)}`);
  return rows[0]?.n ?? -1;
}

/** Adds the primary keys of the account's rows to its needles, until nothing new turns up. */
async function closeNeedles(seeds: string[]): Promise<string[]> {
  const needles = new Set(seeds.map((s) => s.toLowerCase()));
  for (let round = 0; round < 10; round++) {
    const before = needles.size;
    for (const [table, column] of singleTextPrimaryKeys) {
      const { rows } = await getPool().query<{ key: string }>(
        `SELECT ms_r.${q(column)}::text AS key FROM public.${q(table)} AS ms_r WHERE ${ownedPredicate(table, "ms_r")}`,
        [[...needles]],
      );
      // Short keys could be shared natural keys ("pro", "de"); generated ids and hashes are long.
      for (const { key } of rows) if (key.length >= 16) needles.add(key.toLowerCase());
    }
    if (needles.size === before) break;
  }
  return [...needles];
}

/** Every column (of any schema) in which one of the needles occurs, as "schema.table.column: rows". */
async function columnsContaining(needles: string[], schemas?: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const c of allColumns) {
    if (schemas && !schemas.includes(c.schema)) continue;
    const test =
      c.dataType === "bytea"
        ? `position(convert_to(ms_needle.v, 'UTF8') IN ms_r.${q(c.column)}) > 0`
        : `strpos(lower(ms_r.${q(c.column)}::text), ms_needle.v) > 0`;
    const { rows } = await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${q(c.schema)}.${q(c.table)} AS ms_r
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS ms_needle(v) WHERE ${test})`,
      [needles.map((n) => n.toLowerCase())],
    );
    const n = rows[0]?.n ?? 0;
    if (n > 0) found.push(`${c.schema}.${c.table}.${c.column}: ${n}`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// A populated account: everything a customer of MiniStat has.

const adapter = createAuthAdapter();
/** Answers support threads; not one of the accounts under test. */
let staffId: string;

async function populate(label: string): Promise<Account> {
  const tag = `${label}-${randomUUID().slice(0, 8)}`;
  const email = `${tag}@example.com`;
  const newEmail = `${tag}-new@example.org`;
  // Support: a message through the form before the address had an account (found by address only).
  const beforeSignUp = await openSupportThread({ email, subject: `Is there a trial? ${tag}`, message: "Asking before I sign up." });
  const { userId, created } = await registerAccount(email);
  expect(created).toBe(true);

  // Auth.js: two signed-in devices and an unused magic link.
  const sessionTokens = [newToken(), newToken()];
  for (const sessionToken of sessionTokens) {
    await adapter.createSession?.({ sessionToken, userId, expires: new Date(Date.now() + 30 * DAY) });
  }
  await adapter.createVerificationToken?.({ identifier: email, token: randomBytes(32).toString("hex"), expires: new Date(Date.now() + 15 * 60_000) });

  // Mail: a sign-in link sent before the account was known (found only by the address) and
  // a pending change of address (mail to the new address, linked to the user).
  await sendMail(renderSignInMail(email, `http://localhost:3000/api/auth/callback/email?token=${newToken()}`, 15), { kind: "sign-in" });
  expect(await requestEmailChange(userId, newEmail)).toEqual({ ok: true });

  // Analytics: two sites with everything that hangs off a site, and a Stats API key.
  const siteIds: string[] = [];
  const today = new Date(new Date().toISOString().slice(0, 10));
  for (const n of [1, 2]) {
    const site = await prisma.site.create({ data: { userId, domain: `${tag}-${n}.example.net`, timezone: "Europe/Berlin" } });
    siteIds.push(site.id);
    await prisma.goal.createMany({
      data: [
        { siteId: site.id, eventName: "Signup" },
        { siteId: site.id, pagePath: "/thanks" },
      ],
    });
    await prisma.sharedLink.create({ data: { siteId: site.id, slug: `${tag}-${n}-${newToken(6)}`, passwordHash: null } });
    await prisma.salt.createMany({
      data: [
        { siteId: site.id, day: today, salt: randomBytes(32) },
        { siteId: site.id, day: new Date(today.getTime() - DAY), salt: randomBytes(32) },
      ],
    });
    const visitorId = BigInt(`0x${randomBytes(7).toString("hex")}`);
    const visitId = BigInt(`0x${randomBytes(7).toString("hex")}`);
    const started = new Date(Date.now() - 10 * 60_000);
    await prisma.visit.create({
      data: {
        siteId: site.id, visitId, visitorId, startedAt: started, endedAt: new Date(), entryPage: "/", exitPage: "/pricing",
        pageviews: 2, events: 3, source: "Google", referrerHost: "www.google.com", channel: "Organic Search",
        utmSource: "newsletter", utmMedium: "email", utmCampaign: "spring", utmContent: null, utmTerm: null,
        country: "DE", region: "DE-BE", city: "Berlin", browser: "Firefox", os: "Linux", device: "Desktop",
      },
    });
    await prisma.event.createMany({
      data: [
        { siteId: site.id, timestamp: started, name: "pageview", visitorId, visitId, pathname: "/", props: {} },
        { siteId: site.id, timestamp: new Date(started.getTime() + 60_000), name: "pageview", visitorId, visitId, pathname: "/pricing" },
        { siteId: site.id, timestamp: new Date(started.getTime() + 90_000), name: "Signup", visitorId, visitId, pathname: "/pricing", props: { plan: "pro" } },
      ],
    });
    const totals = { visitors: 1, visits: 1, pageviews: 2, bounces: 0, durationSum: 600n, events: 3 };
    await prisma.dailyStat.createMany({
      data: [
        { siteId: site.id, day: today, dimension: "total", value: "", ...totals },
        { siteId: site.id, day: today, dimension: "page", value: "/pricing", ...totals },
      ],
    });
    await prisma.dailyFilterStat.create({ data: { siteId: site.id, day: today, filter: "country", filterValue: "DE", dimension: "page", value: "/pricing", ...totals } });
    await prisma.hourlyStat.create({ data: { siteId: site.id, hour: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000), ...totals } });
    await prisma.pageFilterGap.create({ data: { siteId: site.id, day: new Date(today.getTime() - DAY) } });
  }
  await prisma.apiKey.create({ data: { userId, name: "CI dashboard", prefix: `ms_${newToken(4)}`, keyHash: newToken() } });

  // Billing: the Stripe customer and subscription, this month's 80 % usage e-mail, the trial e-mail.
  await prisma.billingAccount.create({
    data: { userId, stripeCustomerId: `cus_${tag}`, stripeSubscriptionId: `sub_${tag}`, status: "active", planKey: "10k", interval: "monthly" },
  });
  await prisma.usageNotice.create({ data: { userId, month: new Date(`${new Date().toISOString().slice(0, 7)}-01`), threshold: 80 } });
  await prisma.trialNotice.create({ data: { userId, kind: "ending" } });

  // Support, signed in: a thread with a staff reply, the customer's answers (form and e-mail) and
  // an internal note; and a thread from the pending new address (no account has it yet).
  const signedIn = await openSupportThread({ email, subject: `Goals ${tag}`, message: "My goal shows zero.", site: `${tag}-1.example.net`, userId });
  expect(await replyAsStaff(staffId, signedIn.threadId, "Check the page path.")).toEqual({ ok: true });
  expect(await replyAsCustomer(userId, signedIn.threadId, "It starts with a slash.")).toEqual({ ok: true });
  expect(await receiveInboundReply(mailjetParsePayload({ to: replyAddressFor(signedIn.reference), from: email, text: "Also by e-mail." }))).toMatchObject({ status: 200 });
  expect(await addInternalNote(staffId, signedIn.threadId, "Escalated.")).toEqual({ ok: true });
  const fromNewAddress = await openSupportThread({ email: newEmail, subject: `From my new address ${tag}`, message: "Hello again." });

  // E-mail reports and traffic alerts of the first site: the owner (confirmed, with one sent
  // report) and a colleague who has not confirmed yet.
  const reportMail = await sendMail({ to: email, subject: "Weekly report", text: "…", html: "<p>…</p>" }, { kind: "report", userId });
  const ownReport = await prisma.reportSubscription.create({
    data: { siteId: siteIds[0]!, frequency: "weekly", emailEncrypted: encryptField(email), emailIndex: emailBlindIndex(email), confirmedAt: new Date() },
  });
  await prisma.reportDelivery.create({ data: { subscriptionId: ownReport.id, periodStart: new Date(today.getTime() - 7 * DAY), mailId: reportMail } });
  const colleague = `${tag}-colleague@example.net`;
  await prisma.reportSubscription.create({
    data: { siteId: siteIds[0]!, frequency: "monthly", emailEncrypted: encryptField(colleague), emailIndex: emailBlindIndex(colleague), confirmTokenHash: hashToken(newToken()) },
  });
  await prisma.trafficAlert.create({ data: { siteId: siteIds[0]!, threshold: 50, lastSentAt: new Date(Date.now() - 2 * 3_600_000) } });
  await prisma.analyticsCopy.create({ data: { siteId: siteIds[0]!, engine: "clickhouse", lastVisitId: 1n, visits: 1, events: 2 } });
  // What the report limits remember: a link that went to the colleague, and an address that unsubscribed.
  await prisma.reportRecipientTrace.create({ data: { kind: "confirmation", userId, siteId: siteIds[0]!, frequency: "monthly", emailIndex: emailBlindIndex(colleague) } });
  await prisma.reportRecipientTrace.create({ data: { kind: "unsubscribe", userId, siteId: siteIds[0]!, emailIndex: emailBlindIndex(`${tag}-gone@example.net`) } });

  const seeds = [userId, email, newEmail, emailBlindIndex(email), emailBlindIndex(newEmail)];
  const supportThreadIds = [beforeSignUp.threadId, signedIn.threadId, fromNewAddress.threadId];
  return { label, userId, email, newEmail, sessionTokens, siteIds, supportThreadIds, needles: await closeNeedles(seeds) };
}

// ---------------------------------------------------------------------------------------------

let a: Account;
let b: Account;
/** A thread (with a staff reply) from an address that never had an account: it is kept. */
let stranger: { threadId: string; messages: number };
const before = new Map<string, { total: number; a: number; b: number }>();

beforeAll(async () => {
  expect(getEnv().MAILJET_API_KEY, "this file sends through the local outbox").toBeUndefined();
  staffId = (await newStaff("delete-staff")).userId;
  const strangerThread = await openSupportThread({ email: `never-registered-${randomUUID().slice(0, 8)}@example.net`, subject: "Before I buy", message: "Do you store IPs?" });
  expect(await replyAsStaff(staffId, strangerThread.threadId, "No, never.")).toEqual({ ok: true });
  stranger = { threadId: strangerThread.threadId, messages: 2 };
  a = await populate("delete-a");
  b = await populate("keep-b");
  await readCatalog();
  // Recompute with the final catalog (the closure depends on it).
  a.needles = await closeNeedles(a.needles);
  b.needles = await closeNeedles(b.needles);
  for (const table of publicTables) {
    before.set(table, { total: await countAll(table), a: await countOwned(table, a.needles), b: await countOwned(table, b.needles) });
  }
}, 120_000);

afterAll(async () => {
  await stopQueue();
});

describe("deleteAccount", () => {
  it("is tested against every table of the public schema, each populated for both accounts", () => {
    expect(publicTables.length).toBeGreaterThanOrEqual(14);
    const unpopulated = publicTables.filter((t) => !(t in NOT_ACCOUNT_DATA) && (before.get(t)?.a ?? 0) === 0);
    expect(
      unpopulated,
      "these tables have no rows of the test account: populate them in populate() (or list them in NOT_ACCOUNT_DATA with the reason)",
    ).toEqual([]);
    expect(publicTables.filter((t) => !(t in NOT_ACCOUNT_DATA) && (before.get(t)?.b ?? 0) === 0)).toEqual([]);
    expect(Object.keys(NOT_ACCOUNT_DATA).filter((t) => !publicTables.includes(t)), "NOT_ACCOUNT_DATA names tables that no longer exist").toEqual([]);
  });

  it("the two accounts' rows are told apart (sanity check of the ownership rules)", async () => {
    for (const table of publicTables) {
      const both = await getPool().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM public.${q(table)} AS ms_r WHERE ${ownedPredicate(table, "ms_r")} AND ${ownedPredicate(table, "ms_r").replaceAll("$1", "$2")}`,
        [a.needles, b.needles],
      );
      expect(both.rows[0]?.n, `rows of ${table} that seem to belong to both accounts`).toBe(0);
    }
    expect(a.needles).not.toEqual(expect.arrayContaining([b.userId]));
  });

  it("removes every row of account A, in every table, and leaves account B's rows intact", async () => {
    expect(await deleteAccount(a.userId)).toBe(true);

    const left: string[] = [];
    const changed: string[] = [];
    for (const table of publicTables) {
      const was = before.get(table)!;
      const ownedByA = await countOwned(table, a.needles);
      if (ownedByA > 0) left.push(`${table}: ${ownedByA} of ${was.a}`);
      const ownedByB = await countOwned(table, b.needles);
      const total = await countAll(table);
      if (ownedByB !== was.b || total !== was.total - was.a) {
        changed.push(`${table}: B ${was.b} → ${ownedByB}, all rows ${was.total} → ${total} (expected ${was.total - was.a})`);
      }
    }
    expect(left, "rows of the deleted account still in the database").toEqual([]);
    expect(
      changed,
      "tables where B's rows changed, or whose row count did not drop by exactly A's rows (a row of A left behind without its keys, e.g. ON DELETE SET NULL?)",
    ).toEqual([]);
  });

  it("leaves no column anywhere holding A's ids, sites, e-mail addresses or their blind indexes", async () => {
    // By foreign-key columns (user_id, site_id) and by blind index (email_index, recipient_index,
    // identifier, new_email_index) — and any other column, text or JSON, of any table.
    const aSites = await prisma.site.count({ where: { id: { in: a.siteIds } } });
    expect(aSites).toBe(0);
    expect(await columnsContaining(a.needles, ["public"])).toEqual([]);
  });

  it("leaves A's e-mail address and its blind index nowhere in the database, the job queue included", async () => {
    const personal = [a.email, a.newEmail, emailBlindIndex(a.email), emailBlindIndex(a.newEmail)];
    expect(await columnsContaining(personal)).toEqual([]);
  });

  it("A can no longer be found or signed in; B still can", async () => {
    expect(await findUserById(a.userId)).toBeNull();
    expect(await findUserByEmail(a.email)).toBeNull();
    for (const token of a.sessionTokens) expect(await adapter.getSessionAndUser?.(token)).toBeNull();

    expect((await findUserByEmail(b.email))?.id).toBe(b.userId);
    for (const token of b.sessionTokens) expect((await adapter.getSessionAndUser?.(token))?.user.email).toBe(b.email);
    expect(await prisma.site.count({ where: { id: { in: b.siteIds } } })).toBe(2);
  });

  it("deletes A's support threads (linked, from before sign-up, from the pending address), keeps B's and a never-registered address's", async () => {
    expect(await prisma.supportThread.count({ where: { id: { in: a.supportThreadIds } } })).toBe(0);
    expect(await prisma.supportMessage.count({ where: { threadId: { in: a.supportThreadIds } } })).toBe(0);
    expect(await prisma.supportThread.count({ where: { id: { in: b.supportThreadIds } } })).toBe(3);
    expect(await prisma.supportThread.count({ where: { id: stranger.threadId, userId: null } })).toBe(1);
    expect(await prisma.supportMessage.count({ where: { threadId: stranger.threadId } })).toBe(stranger.messages);
  });

  it("deleting again reports that there is no such account", async () => {
    expect(await deleteAccount(a.userId)).toBe(false);
  });
});
