import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestEmailChange } from "@/lib/account/change-email";
import { registerAccount } from "@/lib/account/register-account";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { emailProvider } from "@/lib/auth/email-provider";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptField, decryptJson } from "@/lib/crypto/field-encryption";
import { getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import type { MailMessage } from "@/lib/mail/types";
import { receiveInboundReply } from "@/lib/support/inbound-reply";
import { openSupportThread } from "@/lib/support/open-thread";
import { replyAddressFor } from "@/lib/support/reply-address";
import { addInternalNote, getInboxThread, replyAsStaff } from "@/lib/support/staff-inbox";
import { setStaffRole } from "@/lib/support/staff-role";
import type { FakeMailjet } from "@/tests/fakes/fake-mailjet";
import { useFakeMailjet } from "@/tests/support/fake-mailjet-env";
import { mailjetParsePayload } from "@/tests/fakes/mailjet-parse";
import { waitFor } from "@/tests/support/wait-for";

// "All collected data is secured and encrypted": after registering alice@example.com, signing
// in by e-mail, asking to change the address and sending mail (through Mailjet, with one failed
// attempt so the queue stores an error too), a scan of every column of every table — the job
// queue's schema included — finds the address nowhere in plaintext. This is the query
// equivalent of grepping a pg_dump. The same for the support desk: a thread from an anonymous
// correspondent, with a staff reply (mailed through Mailjet), an e-mailed reply and a note.

const ALICE = "alice@example.com";
const NEW_ADDRESS = `alice.new-${randomUUID().slice(0, 8)}@example.org`;

const MARK = randomBytes(4).toString("hex");
const SUPPORT = {
  address: `zelda.quokka-${MARK}@example.net`,
  subject: `Quokka invoices vanish ${MARK}`,
  body: `My quokka-themed invoices disappear after the export ${MARK}`,
  site: `quokka-${MARK}.example.net`,
  staffReply: `Have you tried the platypus setting ${MARK}`,
  emailedReply: `The platypus setting fixed it ${MARK}`,
  note: `Correspondent sounds like a wombat ${MARK}`,
};

let mailjet: FakeMailjet;
let aliceId: string;
let magicLink: string;
let supportThreadId: string;

type Hit = { where: string; rows: number };

/**
 * For each needle: every column of every table of every non-system schema in which it occurs
 * (case-insensitive). One pass over each table for all its columns and all the needles: a query
 * per needle and column took 23–25 s for the support test's eight needles, close to its 30 s
 * limit, and a query per column still read each table once per column (45 s for the file when
 * the shared test database holds the other files' synthetic traffic and rollups).
 */
async function scanDatabaseFor(needles: string[]): Promise<Map<string, Hit[]>> {
  const pool = getPool();
  const { rows: columns } = await pool.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE'
        AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.table_schema NOT LIKE 'pg\\_%'
      ORDER BY 1, 2, 3`,
  );
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const tables = new Map<string, typeof columns>();
  for (const c of columns) {
    const table = `${q(c.table_schema)}.${q(c.table_name)}`;
    tables.set(table, [...(tables.get(table) ?? []), c]);
  }
  const hits = new Map<string, Hit[]>(needles.map((needle) => [needle, []]));
  for (const [table, tableColumns] of tables) {
    // Text, varchar, json/jsonb, enums, arrays: their text form; bytea: its bytes, read as text.
    // Each value lowered once (OFFSET 0 keeps the subquery from being merged into the counts,
    // which would lower it again for every needle), then looked for every needle in.
    const values = tableColumns.map((c, j) => `lower(${c.data_type === "bytea" ? `encode(${q(c.column_name)}, 'escape')` : `${q(c.column_name)}::text`}) AS c${j}`);
    const counts = tableColumns.flatMap((_, j) => needles.map((_, i) => `count(*) FILTER (WHERE strpos(c${j}, lower($${i + 1})) > 0)::int AS c${j}_n${i}`));
    const { rows } = await pool.query<Record<string, number>>(`SELECT ${counts.join(", ")} FROM (SELECT ${values.join(", ")} FROM ${table} OFFSET 0) lowered`, needles);
    tableColumns.forEach((c, j) =>
      needles.forEach((needle, i) => {
        const n = rows[0]?.[`c${j}_n${i}`] ?? 0;
        if (n > 0) hits.get(needle)?.push({ where: `${c.table_schema}.${c.table_name}.${c.column_name}`, rows: n });
      }),
    );
  }
  return hits;
}

const MAIL_TEXTS = ["Someone (hopefully you) asked to sign in", "as the e-mail address of your MiniStat account"];
const SUPPORT_PART = "quokka-themed invoices";
const NEEDLES = ["email-change", "mail.send", ALICE, encodeURIComponent(ALICE), NEW_ADDRESS, ...MAIL_TEXTS, ...Object.values(SUPPORT), SUPPORT_PART];
let scan: Promise<Map<string, Hit[]>> | undefined;

/**
 * Every column of every table of every non-system schema in which `needle` occurs (case-insensitive).
 * The tests below only read, so one scan for all of NEEDLES, made after beforeAll wrote everything,
 * answers them all (a scan per needle read the whole database eight times).
 */
async function scanDatabase(needle: string): Promise<Hit[]> {
  if (!NEEDLES.includes(needle)) throw new Error(`not in NEEDLES: ${needle}`);
  scan ??= scanDatabaseFor(NEEDLES);
  return (await scan).get(needle) ?? [];
}

beforeAll(async () => {
  ({ mailjet } = await useFakeMailjet());

  // Sign-up, as /register does it.
  ({ userId: aliceId } = await registerAccount("  Alice@Example.com "));

  // Sign-in: Auth.js stores a verification token through the adapter and asks the provider to
  // send the link (with the address in it, which the provider must drop).
  const adapter = createAuthAdapter();
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + 15 * 60_000);
  await adapter.createVerificationToken?.({ identifier: ALICE, token: randomBytes(32).toString("hex"), expires });
  const url = `http://localhost:3000/api/auth/callback/email?${new URLSearchParams({ callbackUrl: "http://localhost:3000/dashboard", token, email: ALICE })}`;
  const request = { identifier: ALICE, url, expires, token, provider: emailProvider, theme: {}, request: new Request(url) };
  await emailProvider.sendVerificationRequest(request as Parameters<typeof emailProvider.sendVerificationRequest>[0]);

  // A pending change of address (the link goes to the new address).
  expect(await requestEmailChange(aliceId, NEW_ADDRESS)).toEqual({ ok: true });

  // Deliver through Mailjet; the first send fails, so the queue keeps a failed attempt as well.
  mailjet.failNext(1);
  await startJobWorkers();
  const indexes = [emailBlindIndex(ALICE), emailBlindIndex(NEW_ADDRESS)];
  await waitFor("the mails to Alice to be delivered", async () => {
    const pending = await prisma.mail.count({ where: { recipientIndex: { in: indexes }, status: { not: "sent" } } });
    return pending === 0 && mailjet.messages({ to: ALICE }).length > 0 && mailjet.messages({ to: NEW_ADDRESS }).length > 0 ? true : undefined;
  });
  const signIn = mailjet.messages({ to: ALICE }).at(-1);
  magicLink = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(signIn?.text ?? "")?.[0] ?? "";

  // Support: the form, a staff reply through Mailjet, the customer's e-mailed answer, a note.
  const staffEmail = `staff-${MARK}@example.com`;
  const { userId: staffId } = await registerAccount(staffEmail);
  expect(await setStaffRole(staffEmail, true)).toEqual({ ok: true });
  const thread = await openSupportThread({ email: SUPPORT.address, subject: SUPPORT.subject, message: SUPPORT.body, site: SUPPORT.site });
  supportThreadId = thread.threadId;
  expect(await replyAsStaff(staffId, thread.threadId, SUPPORT.staffReply)).toEqual({ ok: true });
  const inbound = mailjetParsePayload({
    to: replyAddressFor(thread.reference),
    from: SUPPORT.address,
    text: `${SUPPORT.emailedReply}\n\nOn Monday, MiniStat wrote:\n> ${SUPPORT.staffReply}`,
    html: `<p>${SUPPORT.emailedReply}</p>`,
  });
  expect(await receiveInboundReply(inbound)).toMatchObject({ status: 200 });
  expect(await addInternalNote(staffId, thread.threadId, SUPPORT.note)).toEqual({ ok: true });
  await waitFor("the support mails to be delivered", async () => {
    const pending = await prisma.mail.count({ where: { recipientIndex: emailBlindIndex(SUPPORT.address), status: { not: "sent" } } });
    return pending === 0 && mailjet.messages({ to: SUPPORT.address }).length === 2 ? true : undefined;
  });
}, 60_000);

afterAll(async () => {
  await stopJobWorkers();
  await mailjet.close();
});

describe("no personal data in plaintext", () => {
  it("the address is really stored (encrypted): decrypting email_encrypted gives it back", async () => {
    const { rows } = await getPool().query<{ email_encrypted: string; email_index: string }>(
      "SELECT email_encrypted, email_index FROM users WHERE id = $1",
      [aliceId],
    );
    expect(rows).toHaveLength(1);
    expect(decryptField(rows[0]!.email_encrypted)).toBe(ALICE);
    expect(rows[0]!.email_index).toBe(emailBlindIndex(ALICE));

    const mails = await prisma.mail.findMany({ where: { recipientIndex: emailBlindIndex(ALICE) } });
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.map((m) => decryptJson<MailMessage>(m.payload).to)).toContain(ALICE);
    const change = await prisma.emailChangeRequest.findFirstOrThrow({ where: { userId: aliceId } });
    expect(decryptField(change.newEmailEncrypted)).toBe(NEW_ADDRESS);
  });

  it("the mail really went out through Mailjet, and the link in it carries no address", () => {
    expect(mailjet.stats().failed).toBe(1);
    expect(magicLink).toContain("token=");
    expect(decodeURIComponent(magicLink)).not.toContain(ALICE);
  });

  it("the scan sees every schema, the job queue's included (self-check)", async () => {
    expect((await scanDatabase("email-change")).map((h) => h.where)).toContain("public.mails.kind");
    expect((await scanDatabase("mail.send")).map((h) => h.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^pgboss\./)]));
  });

  it("finds alice@example.com nowhere in the database, in any case", async () => {
    expect(await scanDatabase(ALICE)).toEqual([]);
    expect(await scanDatabase(encodeURIComponent(ALICE)), "URL-encoded").toEqual([]);
  });

  it("finds the pending new address and the mail texts nowhere either", async () => {
    expect(await scanDatabase(NEW_ADDRESS)).toEqual([]);
    for (const text of MAIL_TEXTS) expect(await scanDatabase(text), text).toEqual([]);
  });

  it("finds no support subject, message, site, reply, note or correspondent address either", async () => {
    // Really stored (encrypted), and really mailed: the scan below looks for things that exist.
    const view = await getInboxThread(supportThreadId);
    expect(view?.thread).toMatchObject({ email: SUPPORT.address, subject: SUPPORT.subject, site: SUPPORT.site });
    expect(view?.thread.messages.map((m) => m.body)).toEqual([SUPPORT.body, SUPPORT.staffReply, SUPPORT.emailedReply, SUPPORT.note]);
    expect(mailjet.messages({ to: SUPPORT.address }).map((m) => m.subject)).toContain(`Re: ${SUPPORT.subject} [${view?.thread.reference}]`);

    for (const [what, needle] of Object.entries(SUPPORT)) {
      expect(await scanDatabase(needle), what).toEqual([]);
    }
    expect(await scanDatabase(SUPPORT_PART), "part of the message").toEqual([]);
  });
});
