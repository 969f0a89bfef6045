import { createHash, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";

// Mail in this file goes to the local outbox: no Mailjet keys (set before anything reads the env).
delete process.env.MAILJET_API_KEY;
delete process.env.MAILJET_API_SECRET;

import { requestEmailChange } from "@/lib/account/change-email";
import { registerAccount } from "@/lib/account/register-account";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { emailProvider } from "@/lib/auth/email-provider";
import { getAppUrl, getEnv } from "@/lib/config/env";
import { decryptJson } from "@/lib/crypto/field-encryption";
import { newToken } from "@/lib/crypto/hash-token";
import { prisma } from "@/lib/db/prisma";
import { toAppPath, toAppUrl } from "@/lib/http/app-url";
import { stopQueue } from "@/lib/jobs/queue";
import type { MailMessage } from "@/lib/mail/types";

// Issue 7, finding 1: links and redirects are built on APP_URL, whatever URL a request (and so
// Auth.js) came with. The HTTP path with forged headers is e2e/forged-host-links.spec.ts; here
// the pieces are fed a foreign URL directly, and the mail is read back from the outbox.

const EVIL = "http://evil.example";

afterAll(async () => {
  await stopQueue();
});

async function newAccount(): Promise<{ id: string; email: string }> {
  const email = `links-${randomUUID().slice(0, 8)}@example.com`;
  const { userId } = await registerAccount(email);
  return { id: userId, email };
}

async function latestMail(userId: string, kind: string): Promise<MailMessage> {
  const mail = await prisma.mail.findFirst({ where: { userId, kind }, orderBy: { createdAt: "desc" } });
  if (!mail) throw new Error(`no ${kind} mail was stored`);
  return decryptJson<MailMessage>(mail.payload);
}

describe("toAppUrl", () => {
  it("keeps paths and APP_URL's own URLs, and sends anything else to the fallback", () => {
    const app = getAppUrl();
    expect(toAppUrl("/sites/example.com?period=7d")).toBe(`${app}/sites/example.com?period=7d`);
    expect(toAppUrl(`${app}/settings`)).toBe(`${app}/settings`);
    for (const foreign of [`${EVIL}/dashboard`, "//evil.example/x", "/\\evil.example/x", "javascript:alert(1)", "https://localhost:3000/x", "", null, undefined]) {
      expect(toAppUrl(foreign), String(foreign)).toBe(`${app}/dashboard`);
    }
    expect(toAppPath(`${EVIL}/steal?x=1`, "/login")).toBe("/login");
    expect(toAppPath(`${app}/settings?emailChanged=1`)).toBe("/settings?emailChanged=1");
  });
});

describe("the sign-in link", () => {
  it("is built on APP_URL from the token, even when Auth.js derived a URL on another host", async () => {
    const user = await newAccount();
    const token = newToken();
    const forged = `${EVIL}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: `${EVIL}/steal`, token, email: user.email })}`;
    await emailProvider.sendVerificationRequest({
      identifier: user.email,
      token,
      url: forged,
      expires: new Date(Date.now() + 15 * 60_000),
      provider: emailProvider,
      theme: {},
      request: new Request(forged),
    });

    const mail = await latestMail(user.id, "sign-in");
    expect(mail.to).toBe(user.email);
    const expected = `${getAppUrl()}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: "/dashboard", token })}`;
    expect(mail.text).toContain(expected);
    expect(mail.html).toContain(expected.replaceAll("&", "&amp;"));
    expect(`${mail.text}${mail.html}`).not.toContain("evil.example");
    expect(mail.text, "the address is not in the link").not.toMatch(new RegExp(`[?&]email=`));
  });

  it("opened on a request URL of another host, redirects to APP_URL only", async () => {
    const user = await newAccount();
    const raw = newToken();
    // As Auth.js stores it: sha256(token + secret).
    await createAuthAdapter().createVerificationToken?.({
      identifier: user.email,
      token: createHash("sha256").update(`${raw}${getEnv().AUTH_SECRET}`).digest("hex"),
      expires: new Date(Date.now() + 15 * 60_000),
    });
    const route = await import("@/app/api/auth/callback/[provider]/route");
    const url = new URL(`${EVIL}/api/auth/callback/email`);
    url.searchParams.set("token", raw);
    url.searchParams.set("callbackUrl", `${EVIL}/steal`);
    const response = await route.GET(new NextRequest(url, { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${getAppUrl()}/dashboard`);
    expect(await prisma.session.count({ where: { userId: user.id } }), "the link itself was good").toBe(1);
  });
});

describe("the e-mail change link", () => {
  it("is on APP_URL", async () => {
    const user = await newAccount();
    expect(await requestEmailChange(user.id, `changed-${randomUUID().slice(0, 8)}@example.com`)).toEqual({ ok: true });
    const mail = await latestMail(user.id, "email-change");
    expect(mail.text).toMatch(new RegExp(`${getAppUrl().replace(/[.:/]/g, "\\$&")}/settings/email/confirm\\?token=`));
  });
});
