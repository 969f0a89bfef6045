import PgBoss from "pg-boss";
import { getEnv } from "@/lib/config/env";
import { isServerShutdown } from "@/lib/db/pool";

// The Postgres-backed job queue (pg-boss). One instance per process, kept on globalThis
// so that Next's bundle and the server's own modules share it.

export const QUEUES = {
  sendMail: "mail.send",
  closeStripeCustomer: "billing.close-stripe-customer",
  sendReports: "reports.send",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const globalForBoss = globalThis as unknown as { ministatBoss?: Promise<PgBoss> };

export function getQueue(): Promise<PgBoss> {
  globalForBoss.ministatBoss ??= startBoss();
  return globalForBoss.ministatBoss;
}

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 4, schema: "pgboss" });
  boss.on("error", (error: Error) => {
    if (!isServerShutdown(error)) console.error(`job queue: ${error.message}`);
  });
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
  }
  return boss;
}

export async function enqueue(name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
  const boss = await getQueue();
  await boss.send(name, data, options);
}

export async function stopQueue(): Promise<void> {
  const pending = globalForBoss.ministatBoss;
  globalForBoss.ministatBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 10_000 });
}
