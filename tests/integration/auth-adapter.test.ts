import { createHash, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adapter } from "next-auth/adapters";

// Mail in this file goes to the local outbox: no Mailjet keys (set before anything reads the env).
delete process.env.MAILJET_API_KEY;
delete process.env.MAILJET_API_SECRET;

import { confirmEmailChange, requestEmailChange } from "@/lib/account/change-email";
import { findUserByEmail } from "@/lib/account/find-user";
import { registerAccount } from "@/lib/account/register-account";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { getEnv } from "@/lib/config/env";
import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { decryptField, decryptJson } from "@/lib/crypto/field-encryption";
import { hashToken, newToken } from "@/lib/crypto/hash-token";
import { getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { stopQueue } from "@/lib/jobs/queue";
import type { MailMessage } from "@/lib/mail/types";

// The Auth.js adapter over our own tables: sessions stored hashed, e-mail stored encrypted and
// found by its blind index, magic-link tokens single-use; plus sign-out everywhere and the
// confirmed change of e-mail address.

const adapter = createAuthAdapter();

function method<K extends keyof Adapter>(name: K): NonNullable<Adapter[K]> {
  const fn = adapter[name];
  if (!fn) throw new Error(`the adapter has no ${name}`);
  return fn as NonNullable<Adapter[K]>;
}
const createSession = method("createSession");
const getSessionAndUser = method("getSessionAndUser");
const updateSession = method("updateSession");
const deleteSession = method("deleteSession");
const createVerificationToken = method("createVerificationToken");
const useVerificationToken = method("useVerificationToken");
const getUserByEmail = method("getUserByEmail");

const DAY = 86_400_000;
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** Auth.js stores a magic-link token as sha256(token + secret), hex. */
const authJsTokenHash = (raw: string) => createHash("sha256").update(`${raw}${getEnv().AUTH_SECRET}`).digest("hex");

async function newAccount(label: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(label);
  const { userId, created } = await registerAccount(email);
  expect(created).toBe(true);
  return { id: userId, email };
}

async function newSession(userId: string): Promise<string> {
  const sessionToken = newToken();
  await createSession({ sessionToken, userId, expires: new Date(Date.now() + 30 * DAY) });
  return sessionToken;
}

/** Number of rows of `table` whose whole text form contains `needle` (case-insensitive). */
async function rowsContaining(table: string, needle: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(lower(t::text), lower($1)) > 0`, [needle]);
  return rows[0]?.n ?? -1;
}

// The real route handler of the magic link (app/api/auth/callback/[provider]/route.ts), i.e.
// Auth.js with our adapter, called with a request as Next.js would.
async function openMagicLink(rawToken: string): Promise<Response> {
  let route: typeof import("@/app/api/auth/callback/[provider]/route");
  try {
    route = await import("@/app/api/auth/callback/[provider]/route");
  } catch (error) {
    // next-auth imports "next/server" without an extension, which Node's ESM loader (used for
    // externalized dependencies) cannot resolve; Vite can, when next-auth is inlined.
    throw new Error(
      `cannot load the Auth.js route in Vitest (${(error as Error).message}); the integration project in vitest.config.ts needs server: { deps: { inline: ["next-auth"] } }`,
      { cause: error },
    );
  }
  const url = new URL("http://localhost:3000/api/auth/callback/email");
  url.searchParams.set("token", rawToken);
  url.searchParams.set("callbackUrl", "http://localhost:3000/dashboard");
  return route.GET(new NextRequest(url));
}

async function latestChangeLinkToken(userId: string): Promise<{ token: string; to: string }> {
  const mail = await prisma.mail.findFirst({ where: { userId, kind: "email-change" }, orderBy: { createdAt: "desc" } });
  if (!mail) throw new Error("no e-mail-change mail was stored");
  const message = decryptJson<MailMessage>(mail.payload);
  const match = /\/settings\/email\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(message.text);
  if (!match?.[1]) throw new Error("the e-mail-change mail has no confirmation link");
  return { token: decodeURIComponent(match[1]), to: message.to };
}

beforeAll(() => {
  expect(getEnv().MAILJET_API_KEY).toBeUndefined();
});

afterAll(async () => {
  await stopQueue();
});

describe("sessions", () => {
  it("are stored as the hash of the cookie token, never the token itself", async () => {
    const user = await newAccount("session");
    const token = await newSession(user.id);

    const stored = await prisma.session.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(stored[0]?.tokenHash).not.toBe(token);
    expect(await rowsContaining("sessions", token), "the cookie token appears in the sessions table").toBe(0);
  });

  it("getSessionAndUser finds the session by the cookie token and returns the decrypted e-mail", async () => {
    const email = uniqueEmail("Mixed.Case");
    const { userId } = await registerAccount(`  ${email.toUpperCase()} `);
    const token = await newSession(userId);

    const found = await getSessionAndUser(token);
    expect(found?.session).toMatchObject({ sessionToken: token, userId });
    expect(found?.session.expires.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(found?.user).toMatchObject({ id: userId, email: email.toLowerCase() });

    const row = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(row.emailEncrypted).not.toContain(email.toLowerCase());
    expect(decryptField(row.emailEncrypted)).toBe(email.toLowerCase());
  });

  it("a tampered or hashed cookie token finds nothing", async () => {
    const user = await newAccount("tamper-session");
    const token = await newSession(user.id);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await getSessionAndUser(flipped)).toBeNull();
    expect(await getSessionAndUser(hashToken(token)), "a stolen database row is not a cookie").toBeNull();
    expect(await getSessionAndUser("")).toBeNull();
  });

  it("updateSession renews the expiry and deleteSession ends the session", async () => {
    const user = await newAccount("renew");
    const token = await newSession(user.id);
    const later = new Date(Date.now() + 31 * DAY);
    expect((await updateSession({ sessionToken: token, expires: later }))?.expires.getTime()).toBe(later.getTime());
    expect((await getSessionAndUser(token))?.session.expires.getTime()).toBe(later.getTime());
    expect(await updateSession({ sessionToken: newToken(), expires: later })).toBeNull();

    await deleteSession(token);
    expect(await getSessionAndUser(token)).toBeNull();
  });
});

describe("magic-link tokens", () => {
  it("store only the blind index and an encrypted copy of the address", async () => {
    const user = await newAccount("link-store");
    const hashed = authJsTokenHash(newToken());
    await createVerificationToken({ identifier: user.email, token: hashed, expires: new Date(Date.now() + 15 * 60_000) });

    const row = await prisma.verificationToken.findUniqueOrThrow({ where: { token: hashed } });
    expect(row.identifier).toBe(emailBlindIndex(user.email));
    expect(decryptField(row.identifierEncrypted)).toBe(user.email);
    expect(await rowsContaining("verification_tokens", user.email)).toBe(0);
  });

  it("useVerificationToken works once; the second use gets null", async () => {
    const user = await newAccount("link-once");
    const hashed = authJsTokenHash(newToken());
    const expires = new Date(Date.now() + 15 * 60_000);
    await createVerificationToken({ identifier: user.email, token: hashed, expires });

    expect(await useVerificationToken({ identifier: user.email, token: hashed })).toEqual({ identifier: user.email, token: hashed, expires });
    expect(await useVerificationToken({ identifier: user.email, token: hashed })).toBeNull();
    expect(await prisma.verificationToken.count({ where: { token: hashed } })).toBe(0);
  });

  it("a tampered token gets null and does not use up the real one", async () => {
    const user = await newAccount("link-tamper");
    const hashed = authJsTokenHash(newToken());
    await createVerificationToken({ identifier: user.email, token: hashed, expires: new Date(Date.now() + 15 * 60_000) });

    const tampered = `${hashed.slice(0, -1)}${hashed.endsWith("0") ? "1" : "0"}`;
    expect(await useVerificationToken({ identifier: user.email, token: tampered })).toBeNull();
    expect(await useVerificationToken({ identifier: user.email, token: "" })).toBeNull();
    expect((await useVerificationToken({ identifier: user.email, token: hashed }))?.identifier).toBe(user.email);
  });

  it("an expired token is returned with its past expiry, so that Auth.js rejects it", async () => {
    const user = await newAccount("link-expired");
    const hashed = authJsTokenHash(newToken());
    const expires = new Date(Date.now() - 60_000);
    await createVerificationToken({ identifier: user.email, token: hashed, expires });

    const used = await useVerificationToken({ identifier: user.email, token: hashed });
    expect(used?.expires.getTime()).toBe(expires.getTime());
    expect(used?.expires.getTime()).toBeLessThan(Date.now());
  });
});

describe("the magic-link route (Auth.js with this adapter)", () => {
  const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("ministat.session="));

  it("signs in with a valid link: one persistent session cookie, stored hashed; the link works once", async () => {
    const user = await newAccount("route-ok");
    const raw = newToken();
    await createVerificationToken({ identifier: user.email, token: authJsTokenHash(raw), expires: new Date(Date.now() + 15 * 60_000) });

    const response = await openMagicLink(raw);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/dashboard");
    expect(response.headers.getSetCookie(), "only the session cookie is passed on").toHaveLength(1);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const expires = /Expires=([^;]+)/i.exec(cookie ?? "")?.[1];
    expect(Date.parse(expires ?? "")).toBeGreaterThan(Date.now() + 29 * DAY);

    const token = /^ministat\.session=([^;]+)/.exec(cookie ?? "")?.[1] ?? "";
    expect((await getSessionAndUser(token))?.user).toMatchObject({ id: user.id, email: user.email });
    expect(await rowsContaining("sessions", token)).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);

    const again = await openMagicLink(raw);
    expect(again.headers.get("location")).toMatch(/\/login\/error\?error=Verification/);
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it("refuses an expired link and a tampered link without starting a session", async () => {
    const user = await newAccount("route-refused");
    const expiredRaw = newToken();
    await createVerificationToken({ identifier: user.email, token: authJsTokenHash(expiredRaw), expires: new Date(Date.now() - 60_000) });
    const validRaw = newToken();
    await createVerificationToken({ identifier: user.email, token: authJsTokenHash(validRaw), expires: new Date(Date.now() + 15 * 60_000) });

    for (const raw of [expiredRaw, `${validRaw.slice(0, -2)}xx`]) {
      const response = await openMagicLink(raw);
      expect(response.status, `link token ${JSON.stringify(raw)}`).toBe(302);
      expect(response.headers.get("location")).toMatch(/\/login\/error\?error=Verification/);
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    // A link without its token: an error page too (Auth.js calls it a "Configuration" error), not a 500.
    const empty = await openMagicLink("");
    expect(empty.status).toBe(302);
    expect(empty.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/login\/error\?error=/);
    expect(sessionCookieOf(empty)).toBeUndefined();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await useVerificationToken({ identifier: user.email, token: authJsTokenHash(validRaw) }))?.identifier, "tampering did not use up the real link").toBe(user.email);
  });
});

describe("sign out everywhere", () => {
  it("removes every session of one user and no other", async () => {
    const a = await newAccount("everywhere-a");
    const b = await newAccount("everywhere-b");
    const aTokens = [await newSession(a.id), await newSession(a.id), await newSession(a.id)];
    const bTokens = [await newSession(b.id), await newSession(b.id)];

    expect(await signOutEverywhere(a.id)).toBe(3);
    for (const token of aTokens) expect(await getSessionAndUser(token)).toBeNull();
    for (const token of bTokens) expect((await getSessionAndUser(token))?.user.id).toBe(b.id);
    expect(await prisma.session.count({ where: { userId: b.id } })).toBe(2);
    expect(await signOutEverywhere(a.id)).toBe(0);
  });
});

describe("change of e-mail address", () => {
  async function userRow(id: string) {
    const row = await prisma.user.findUniqueOrThrow({ where: { id } });
    return { emailIndex: row.emailIndex, email: decryptField(row.emailEncrypted) };
  }

  it("refuses the current address and an address of another account", async () => {
    const a = await newAccount("change-own");
    const b = await newAccount("change-other");
    expect(await requestEmailChange(a.id, a.email.toUpperCase())).toEqual({ ok: false, message: expect.stringMatching(/already your/i) });
    expect(await requestEmailChange(a.id, b.email)).toEqual({ ok: false, message: expect.stringMatching(/another MiniStat account/i) });
    expect(await prisma.emailChangeRequest.count({ where: { userId: a.id } })).toBe(0);
  });

  it("a wrong or expired confirmation token gives a readable error and changes nothing", async () => {
    const user = await newAccount("change-refused");
    const before = await userRow(user.id);
    const newEmail = uniqueEmail("change-refused-new");
    expect(await requestEmailChange(user.id, newEmail)).toEqual({ ok: true });
    const { token, to } = await latestChangeLinkToken(user.id);
    expect(to, "the link goes to the NEW address").toBe(newEmail);

    for (const wrong of ["wrong-token", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, ""]) {
      const result = await confirmEmailChange(wrong);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/expired or was already used/i);
    }
    expect(await userRow(user.id)).toEqual(before);
    expect(await prisma.emailChangeRequest.count({ where: { userId: user.id } }), "a wrong token does not cancel the request").toBe(1);

    await prisma.emailChangeRequest.updateMany({ where: { userId: user.id }, data: { expires: new Date(Date.now() - 1000) } });
    const expired = await confirmEmailChange(token);
    expect(expired.ok).toBe(false);
    if (!expired.ok) expect(expired.message).toMatch(/expired/i);
    expect(await userRow(user.id)).toEqual(before);
    expect((await findUserByEmail(user.email))?.id).toBe(user.id);
    expect(await findUserByEmail(newEmail)).toBeNull();
  });

  it("the right token switches the e-mail: blind index updated, the old address no longer finds the user", async () => {
    const user = await newAccount("change-ok");
    const session = await newSession(user.id);
    const newEmail = uniqueEmail("change-ok-new");
    expect(await requestEmailChange(user.id, newEmail.toUpperCase())).toEqual({ ok: true });
    const { token } = await latestChangeLinkToken(user.id);

    const pending = await prisma.emailChangeRequest.findFirstOrThrow({ where: { userId: user.id } });
    expect(pending.tokenHash).toBe(hashToken(token));
    expect(await rowsContaining("email_change_requests", token)).toBe(0);
    expect(await rowsContaining("email_change_requests", newEmail)).toBe(0);
    expect((await findUserByEmail(user.email))?.id, "until confirmed, the old address stays in use").toBe(user.id);

    expect(await confirmEmailChange(token)).toEqual({ ok: true });

    expect(await userRow(user.id)).toEqual({ emailIndex: emailBlindIndex(newEmail), email: newEmail });
    expect(await findUserByEmail(user.email)).toBeNull();
    expect(await getUserByEmail(user.email)).toBeNull();
    expect((await findUserByEmail(newEmail))?.id).toBe(user.id);
    expect((await getSessionAndUser(session))?.user.email, "the signed-in session sees the new address").toBe(newEmail);
    expect(await prisma.emailChangeRequest.count({ where: { userId: user.id } })).toBe(0);

    const reused = await confirmEmailChange(token);
    expect(reused.ok, "a confirmation link works once").toBe(false);
  });
});
