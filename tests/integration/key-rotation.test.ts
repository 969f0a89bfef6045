import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { requestEmailChange } from "@/lib/account/change-email";
import { registerAccount } from "@/lib/account/register-account";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { getEnv } from "@/lib/config/env";
import { normalizeEmail } from "@/lib/crypto/blind-index";
import { decryptField, encryptField, isStale } from "@/lib/crypto/field-encryption";
import { getKeyRing, parseKeyRing } from "@/lib/crypto/keys";
import { ENCRYPTED_COLUMNS, reencryptAll } from "@/lib/crypto/reencrypt-all";
import { createDatabaseIfMissing } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { closePool, getPool } from "@/lib/db/pool";
import { closePrisma } from "@/lib/db/prisma";
import { stopQueue } from "@/lib/jobs/queue";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailMessage } from "@/lib/mail/types";
import { addReportRecipient, setOwnReport } from "@/lib/reports/subscriptions";
import { createSite } from "@/lib/sites/sites";
import { openSupportThread } from "@/lib/support/open-thread";

// Key rotation (README, "Key rotation"; `npm run keys:rotate`): after ENCRYPTION_KEYS gains a
// version 2, reencryptAll() rewrites every value still encrypted with version 1.
//
// 1. Every encrypted column of the schema is listed in ENCRYPTED_COLUMNS, so a new one cannot be
//    forgotten by the rotation.
// 2. Real rows in every listed column (written by the domain code), all but one value per column
//    rewritten in place with the old key only; one rotation re-encrypts exactly those, with the
//    plaintext intact, NULL left NULL and the current values untouched; a second one finds nothing.
//
// This file works in a database of its own (created here, dropped at the end): reencryptAll()
// reads whole tables, and the run's shared database holds other files' rows, encrypted with
// their own random keys (tests/setup/env.ts) or not at all (createSyntheticSite writes
// email_encrypted = 'synthetic'), which no key ring here can read, and whose number would make
// the exact counts meaningless.

const OLD_KEY = randomBytes(32).toString("base64");
const NEW_KEY = randomBytes(32).toString("base64");
/** The ring of the deployment before the rotation: version 1 encrypts. */
const OLD_RING = parseKeyRing(`1:${OLD_KEY}`);
/** The ring once the old key is removed (README step 3): everything must still decrypt. */
const NEW_ONLY_RING = parseKeyRing(`2:${NEW_KEY}`);

const tag = randomBytes(4).toString("hex");
const DATABASE = `ministat_key_rotation_${Date.now()}_${tag}`;
const adminUrl = inject("adminDatabaseUrl");
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
})();

// lib/config/env caches the environment on first use: configure it before anything reads it.
process.env.ENCRYPTION_KEYS = `2:${NEW_KEY},1:${OLD_KEY}`;
process.env.DATABASE_URL = databaseUrl;
delete process.env.MAILJET_API_KEY;
delete process.env.MAILJET_API_SECRET;

type Column = { table: string; key: string; column: string };
const nameOf = (entry: Column) => `${entry.table}.${entry.column}`;
/** key → stored value, for one encrypted column (the whole table: the database is this file's). */
type ColumnValues = Map<string, string | null>;
type PrimaryKey = { columns: string[]; types: string[] };

const address = (label: string) => `${label}-${tag}@example.com`;
const ALICE = address("Alice.Rotation"); // mixed case: stored normalized
const BOB = address("bob-rotation");
const OWNER = address("owner-rotation");
const SUPPORT = [
  { email: address("zoe-support"), subject: `Key rotation question ${tag}`, message: `Does rotation lose data? ${tag}`, site: `rotation-${tag}.example.net` },
  { email: address("yann-support"), subject: `Second thread ${tag}`, message: `Another question about keys ${tag}`, site: `other-${tag}.example.org` },
  { email: address("xena-support"), subject: `No site named ${tag}`, message: `A question about no site at all ${tag}` }, // site_encrypted NULL
];
const REPORT_RECIPIENT = address("reader-rotation");
const DIRECT_MAIL: MailMessage = { to: address("direct-mail"), subject: `Direct ${tag}`, text: `Plain text ${tag}`, html: `<p>HTML ${tag}</p>` };
const VERIFICATION_IDENTIFIERS = [ALICE, BOB];

// What the rows below are checked against: the encrypted columns the schema really has (each
// read by its table's primary key), not ENCRYPTED_COLUMNS, so a column missing from that list
// shows up as a stale value left behind, not only in the catalog test.
let schemaColumns: Column[];
let primaryKeys: Map<string, PrimaryKey>;
let before: Map<string, ColumnValues>; // as the domain code wrote it (version 2)
let plaintext: Map<string, Map<string, string>>; // key → plaintext, per column
let staged: Map<string, ColumnValues>; // after making values stale
let expectedCounts: Record<string, number>;
let firstRun: Record<string, number>;
let afterFirstRun: Map<string, ColumnValues>;
let secondRun: Record<string, number>;
let afterSecondRun: Map<string, ColumnValues>;

/** Every column of the public schema named *_encrypted, plus mails.payload. */
async function encryptedColumnsOfSchema(): Promise<{ table: string; column: string }[]> {
  const { rows } = await getPool().query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column
       FROM information_schema.columns
      WHERE table_schema = 'public'
        AND (column_name LIKE '%\\_encrypted' OR (table_name = 'mails' AND column_name = 'payload'))
      ORDER BY 1, 2`,
  );
  return rows;
}

async function primaryKeysOfSchema(): Promise<Map<string, PrimaryKey>> {
  const { rows } = await getPool().query<PrimaryKey & { table: string }>(
    `SELECT c.relname AS table,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (con.conkey)
      WHERE con.contype = 'p'
      GROUP BY c.relname`,
  );
  return new Map(rows.map(({ table, ...key }) => [table, key]));
}

async function readColumn({ table, key, column }: Column): Promise<ColumnValues> {
  const { rows } = await getPool().query<{ k: string; v: string | null }>(`SELECT "${key}" AS k, "${column}" AS v FROM "${table}" ORDER BY 1`);
  return new Map(rows.map((row) => [row.k, row.v]));
}

async function readAll(): Promise<Map<string, ColumnValues>> {
  const all = new Map<string, ColumnValues>();
  for (const entry of schemaColumns) all.set(nameOf(entry), await readColumn(entry));
  return all;
}

function plaintexts(name: string): string[] {
  return [...(plaintext.get(name)?.values() ?? [])].sort();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await createDatabaseIfMissing(adminUrl, DATABASE);
  await applyMigrations(databaseUrl);
  // Nothing read the environment before this file configured it.
  expect(getEnv().DATABASE_URL).toBe(databaseUrl);
  expect(getKeyRing().current).toBe(2);
  expect((await getPool().query<{ db: string }>("SELECT current_database() AS db")).rows[0]?.db).toBe(DATABASE);

  primaryKeys = await primaryKeysOfSchema();
  schemaColumns = (await encryptedColumnsOfSchema()).map(({ table, column }) => {
    const key = primaryKeys.get(table)?.columns;
    if (key?.length !== 1) throw new Error(`${table} has no single-column primary key`);
    return { table, key: key[0]!, column };
  });

  // Real rows, through the domain code (mail goes to the local outbox: it stays queued, no worker runs).
  const { userId: aliceId } = await registerAccount(`  ${ALICE.toUpperCase()} `);
  const { userId: bobId } = await registerAccount(BOB);
  const { userId: ownerId } = await registerAccount(OWNER);

  const adapter = createAuthAdapter();
  for (const identifier of VERIFICATION_IDENTIFIERS) {
    await adapter.createVerificationToken?.({ identifier, token: randomBytes(32).toString("hex"), expires: new Date(Date.now() + 15 * 60_000) });
  }

  expect(await requestEmailChange(aliceId, address("alice-new"))).toEqual({ ok: true });
  expect(await requestEmailChange(bobId, address("bob-new"))).toEqual({ ok: true });

  for (const thread of SUPPORT) await openSupportThread(thread);

  const site = await createSite(ownerId, { domain: `rotation-${tag}.example`, timezone: "Europe/Berlin" });
  if (!site.ok) throw new Error(site.message);
  const owner = { id: ownerId, email: OWNER };
  expect(await setOwnReport(owner, site.site.id, "weekly", true)).toMatchObject({ ok: true });
  expect(await addReportRecipient(owner, site.site.id, REPORT_RECIPIENT, "monthly")).toMatchObject({ ok: true });

  await sendMail(DIRECT_MAIL, { kind: "notice" });

  before = await readAll();
  plaintext = new Map([...before].map(([name, values]) => [name, new Map([...values].flatMap(([k, v]) => (v === null ? [] : [[k, decryptField(v)] as const])))]));

  // Stale: every value but the first of each column, rewritten in place with the old key only.
  expectedCounts = {};
  for (const entry of schemaColumns) {
    const name = nameOf(entry);
    const present = [...before.get(name)!].filter(([, v]) => v !== null);
    for (const [k, v] of present.slice(1)) {
      const stale = encryptField(decryptField(v!), OLD_RING);
      await getPool().query(`UPDATE "${entry.table}" SET "${entry.column}" = $1 WHERE "${entry.key}" = $2`, [stale, k]);
    }
    expectedCounts[name] = Math.max(0, present.length - 1);
  }
  staged = await readAll();

  // Small batches, so the keyset pagination crosses batch boundaries in every table.
  firstRun = await reencryptAll(2);
  afterFirstRun = await readAll();
  secondRun = await reencryptAll();
  afterSecondRun = await readAll();
}, 60_000);

afterAll(async () => {
  await stopQueue();
  await closePrisma();
  await closePool();
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`));
});

describe("key rotation: the list of encrypted columns", () => {
  it("names every encrypted column of the schema (every *_encrypted, plus mails.payload), and only those", () => {
    expect(schemaColumns.length).toBeGreaterThanOrEqual(9);
    expect(ENCRYPTED_COLUMNS.map(nameOf).sort()).toEqual(schemaColumns.map(nameOf).sort());
  });

  it("pages each table by its primary key, a single text column", () => {
    for (const { table, key } of ENCRYPTED_COLUMNS) {
      expect(primaryKeys.get(table), table).toEqual({ columns: [key], types: ["text"] });
    }
  });
});

describe("key rotation: reencryptAll()", () => {
  it("the rows come from the domain code, and every column held current and stale values", () => {
    expect(plaintexts("users.email_encrypted")).toEqual([ALICE, BOB, OWNER].map(normalizeEmail).sort());
    expect(plaintexts("verification_tokens.identifier_encrypted")).toEqual(VERIFICATION_IDENTIFIERS.map(normalizeEmail).sort());
    expect(plaintexts("email_change_requests.new_email_encrypted")).toEqual([address("alice-new"), address("bob-new")].sort());
    expect(plaintexts("support_threads.email_encrypted")).toEqual(SUPPORT.map((t) => t.email).sort());
    expect(plaintexts("support_threads.subject_encrypted")).toEqual(SUPPORT.map((t) => t.subject).sort());
    expect(plaintexts("support_threads.site_encrypted")).toEqual(SUPPORT.flatMap((t) => (t.site ? [t.site] : [])).sort());
    expect(plaintexts("support_messages.body_encrypted")).toEqual(SUPPORT.map((t) => t.message).sort());
    expect(plaintexts("report_subscriptions.email_encrypted")).toEqual([OWNER, REPORT_RECIPIENT].sort());
    const mailRecipients = plaintexts("mails.payload").map((json) => (JSON.parse(json) as MailMessage).to);
    // Two address changes, three support confirmations, one report confirmation, one direct mail.
    expect(mailRecipients.sort()).toEqual(
      [address("alice-new"), address("bob-new"), ...SUPPORT.map((t) => t.email), REPORT_RECIPIENT, DIRECT_MAIL.to].sort(),
    );
    expect(plaintexts("mails.payload")).toContain(JSON.stringify(DIRECT_MAIL));

    expect([...before.get("support_threads.site_encrypted")!.values()].filter((v) => v === null)).toHaveLength(1);
    for (const entry of schemaColumns) {
      const name = nameOf(entry);
      const values = [...staged.get(name)!.values()].filter((v): v is string => v !== null);
      expect(expectedCounts[name], `${name}: this file writes no rows in this column yet, make some`).toBeGreaterThanOrEqual(1);
      expect(values.filter((v) => isStale(v)).length, name).toBe(expectedCounts[name]);
      expect(values.filter((v) => v.startsWith("v1.")).length, name).toBe(expectedCounts[name]);
      expect(values.filter((v) => !isStale(v)).length, `${name}: one value left current`).toBe(1);
    }
  });

  it("re-encrypts exactly the stale values and counts them per table.column", () => {
    expect(firstRun).toEqual(expectedCounts);
  });

  it("leaves no value stale, every value readable with the new key alone and equal to the original plaintext", () => {
    for (const entry of schemaColumns) {
      const name = nameOf(entry);
      const values = afterFirstRun.get(name)!;
      expect([...values.keys()], `${name}: the same rows`).toEqual([...staged.get(name)!.keys()]);
      for (const [k, v] of values) {
        const was = staged.get(name)!.get(k)!;
        if (was === null) {
          expect(v, `${name} ${k}: NULL stays NULL`).toBeNull();
          continue;
        }
        expect(v, `${name} ${k}`).not.toBeNull();
        expect(isStale(v!), `${name} ${k}`).toBe(false);
        expect(v!.startsWith("v2."), `${name} ${k}`).toBe(true);
        expect(decryptField(v!, NEW_ONLY_RING), `${name} ${k}`).toBe(plaintext.get(name)!.get(k));
        if (isStale(was)) expect(v, `${name} ${k}: rewritten`).not.toBe(was);
        else expect(v, `${name} ${k}: a current value is not rewritten`).toBe(was);
      }
    }
  });

  it("the old key can no longer read the rotated values", () => {
    for (const v of afterFirstRun.get("users.email_encrypted")!.values()) expect(() => decryptField(v!, OLD_RING)).toThrow();
  });

  it("a second run finds nothing to do", () => {
    expect(secondRun).toEqual(Object.fromEntries(schemaColumns.map((entry) => [nameOf(entry), 0])));
    expect(afterSecondRun, "and changes nothing").toEqual(afterFirstRun);
  });
});
