import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/config/env";
import { prisma, type Prisma } from "@/lib/db/prisma";
import { startFakeMailjet, type FakeMailjet } from "@/tests/fakes/fake-mailjet";
import { waitFor } from "./wait-for";

// For integration test files whose mail goes out through the real node-mailjet client to the
// local fake of Mailjet's Send API. lib/config/env caches the environment on first use, so
// this runs first in beforeAll, before anything reads it.

export type FakeMailjetEnv = { mailjet: FakeMailjet; apiKey: string; apiSecret: string };

/** Starts the fake and points this process's environment at it (plus `extra` variables). */
export async function useFakeMailjet(extra: Record<string, string> = {}): Promise<FakeMailjetEnv> {
  const apiKey = `test-key-${randomBytes(4).toString("hex")}`;
  const apiSecret = `test-secret-${randomBytes(8).toString("hex")}`;
  const mailjet = await startFakeMailjet({ port: 0, apiKey, apiSecret });
  Object.assign(process.env, { MAILJET_API_KEY: apiKey, MAILJET_API_SECRET: apiSecret, MAILJET_API_URL: mailjet.url, ...extra });
  if (getEnv().MAILJET_API_URL !== mailjet.url) throw new Error("the environment was read before useFakeMailjet(): call it first");
  return { mailjet, apiKey, apiSecret };
}

/**
 * Lets the job worker deliver the Mailjet mail that other test files left queued (`where`
 * narrows which): it would reach this file's fake and use up its simulated failures. Gives up
 * quietly after 15 s (mail of another file's keys cannot be decrypted here and stays queued).
 */
export async function drainQueuedMail(where: Prisma.MailWhereInput = {}): Promise<void> {
  await waitFor(
    "mail left queued by other tests to be delivered",
    async () => ((await prisma.mail.count({ where: { transport: "mailjet", status: "queued", lastError: null, ...where } })) === 0 ? true : undefined),
    15_000,
  ).catch(() => undefined);
}
