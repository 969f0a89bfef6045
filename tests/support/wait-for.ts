import { prisma } from "@/lib/db/prisma";
import { QUEUES } from "@/lib/jobs/queue";

// Polling helpers for integration tests that wait on real background work (the job queue,
// the fake Mailjet): no fixed sleeps, a named timeout that says what never happened.

/** Polls `probe` every 200 ms until it returns something other than undefined. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A duplicate send would come from a retry of the mail's job; once pg-boss has marked the job
 * completed, no retry is left to run. The definite signal that delivery is over.
 */
export async function waitForDeliveryJobCompleted(mailId: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(`the delivery job of mail ${mailId} to complete`, async () => {
    const jobs = await prisma.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.sendMail} AND singleton_key = ${mailId}`;
    return jobs.length > 0 && jobs.every((job) => job.state === "completed") ? true : undefined;
  }, timeoutMs);
}
