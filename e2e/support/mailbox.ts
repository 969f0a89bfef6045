import { E2E_BASE_URL, E2E_MAILJET_URL } from "./e2e-env";

// Reads what MiniStat sent through the fake Mailjet (tests/fakes/fake-mailjet.ts), over its
// control API: the fake runs inside the web-server process, not in the test process.

/** customId is MiniStat's mail id (waitForMailQueue in ./mail-queue.ts takes it). */
export type SentMail = { to: string; subject: string; text: string; html: string; receivedAt: string; customId: string | null };

export async function sentMails(to: string): Promise<SentMail[]> {
  const response = await fetch(`${E2E_MAILJET_URL}/__fake/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`fake Mailjet answered ${response.status} to GET /__fake/messages`);
  return (await response.json()) as SentMail[];
}

/** Waits until more than `alreadySeen` messages have reached `to`; returns the newest one. */
export async function waitForMail(to: string, options: { alreadySeen?: number; timeoutMs?: number } = {}): Promise<SentMail> {
  const alreadySeen = options.alreadySeen ?? 0;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await sentMails(to);
    const newest = mails.at(-1);
    if (mails.length > alreadySeen && newest) return newest;
    if (Date.now() > deadline) {
      throw new Error(`no new e-mail to ${to} within ${timeoutMs / 1000} s (fake Mailjet holds ${mails.length}, expected more than ${alreadySeen})`);
    }
    await sleep(250);
  }
}

const MAGIC_LINK = new RegExp(`${escapeRegExp(E2E_BASE_URL)}/api/auth/callback/email\\?[^\\s"'<>()]+`);

/** The sign-in link in an e-mail's text part. */
export function magicLinkIn(mail: SentMail): string {
  const link = MAGIC_LINK.exec(mail.text)?.[0];
  if (!link) throw new Error(`no ${E2E_BASE_URL}/api/auth/callback/email link in the text part of "${mail.subject}":\n${mail.text}`);
  return link;
}

export async function waitForMagicLink(to: string, options: { alreadySeen?: number; timeoutMs?: number } = {}): Promise<string> {
  return magicLinkIn(await waitForMail(to, options));
}

/** The next `count` sends answer 500 (0 clears pending failures). */
export async function failNextSends(count: number): Promise<void> {
  const response = await fetch(`${E2E_MAILJET_URL}/__fake/fail?count=${count}`, { method: "POST" });
  if (!response.ok) throw new Error(`fake Mailjet answered ${response.status} to POST /__fake/fail`);
}

export async function mailjetStats(): Promise<{ accepted: number; failed: number; rejected: number; unauthorized: number; failuresLeft: number }> {
  const response = await fetch(`${E2E_MAILJET_URL}/__fake/stats`);
  if (!response.ok) throw new Error(`fake Mailjet answered ${response.status} to GET /__fake/stats`);
  return (await response.json()) as { accepted: number; failed: number; rejected: number; unauthorized: number; failuresLeft: number };
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
