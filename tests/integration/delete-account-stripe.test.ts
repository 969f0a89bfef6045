import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/account/delete-account";
import { prisma } from "@/lib/db/prisma";
import { QUEUES } from "@/lib/jobs/queue";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import type { FakeStripe } from "@/tests/fakes/fake-stripe";
import { freePort } from "@/tests/support/free-port";
import { checkout, newCustomer, startStripeRig, type StripeRig } from "@/tests/support/stripe-flows";
import { stripeTestEnv } from "@/tests/support/stripe-test-env";

// Item 9 of issue 8: deleting an account cancels its Stripe subscription at once and deletes
// the Stripe customer; the local data goes immediately even when Stripe is down, and the job
// (holding only Stripe's ids) retries until Stripe answers. The real pg-boss worker runs here.

const stripePort = await freePort();
Object.assign(process.env, stripeTestEnv(`http://127.0.0.1:${stripePort}`), { STRIPE_RETRY_DELAY_SECONDS: "1" });

let fake: FakeStripe;
let rig: StripeRig;

beforeAll(async () => {
  rig = await startStripeRig(stripePort);
  fake = rig.fake;
  await startJobWorkers();
});

afterAll(async () => {
  await stopJobWorkers();
  await rig?.close();
});

// pg-boss marks the job completed once both Stripe calls succeeded: the definite signal.
async function closingJob(customerId: string): Promise<{ state: string; retry_count: number }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [job] = await prisma.$queryRaw<{ state: string; retry_count: number }[]>`
      SELECT state::text, retry_count FROM pgboss.job WHERE name = ${QUEUES.closeStripeCustomer} AND singleton_key = ${customerId}`;
    if (job && (job.state === "completed" || job.state === "failed")) return job;
    if (Date.now() > deadline) throw new Error(`the Stripe closing job of ${customerId} did not finish within 20 s (state: ${job?.state ?? "none"})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("deleting an account with a Stripe subscription", () => {
  it("cancels the subscription and deletes the customer", async () => {
    const customer = await newCustomer();
    const subscriptionId = await checkout(fake, customer);
    expect(await deleteAccount(customer.userId)).toBe(true);
    expect(await prisma.user.count({ where: { id: customer.userId } })).toBe(0);
    expect(await prisma.billingAccount.count({ where: { userId: customer.userId } })).toBe(0);

    expect((await closingJob(customer.customerId)).state).toBe("completed");
    expect(fake.requests({ method: "DELETE", path: `/v1/subscriptions/${subscriptionId}` })).toHaveLength(1);
    expect(fake.requests({ method: "DELETE", path: `/v1/customers/${customer.customerId}` })).toHaveLength(1);
    expect(fake.subscriptions({ customer: customer.customerId })[0]?.status).toBe("canceled");
    expect(fake.customers().some((c) => c.id === customer.customerId)).toBe(false);
    // The canceled subscription's webhook finds no account any more: acknowledged, nothing stored.
    await fake.idle();
    expect(fake.deliveries({ type: "customer.subscription.deleted" }).at(-1)?.status).toBe(200);
    expect(await prisma.billingAccount.count({ where: { stripeCustomerId: customer.customerId } })).toBe(0);
  });

  it("deletes the local data at once while Stripe fails, and closes the customer on a retry", async () => {
    const customer = await newCustomer();
    const subscriptionId = await checkout(fake, customer);
    fake.failNext(6); // the first attempt (three tries of the client) and the job's first retry
    expect(await deleteAccount(customer.userId)).toBe(true);
    expect(await prisma.user.count({ where: { id: customer.userId } })).toBe(0);

    const job = await closingJob(customer.customerId);
    expect(job.state).toBe("completed");
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    expect(fake.subscriptions({ customer: customer.customerId })[0]?.status).toBe("canceled");
    expect(fake.customers().some((c) => c.id === customer.customerId)).toBe(false);
    expect(fake.requests({ method: "DELETE", path: `/v1/subscriptions/${subscriptionId}` }).length).toBeGreaterThanOrEqual(1);
  });
});
