import { closeStripeCustomer, type StripeCustomerToClose } from "@/lib/billing/close-stripe-customer";
import { deliverMail } from "@/lib/mail/deliver-mail";
import { getQueue, QUEUES, stopQueue } from "./queue";

// Starts the job handlers in this process. Each handler is one function in lib/.

export async function startJobWorkers(): Promise<void> {
  const boss = await getQueue();
  await boss.work<{ mailId: string }>(QUEUES.sendMail, { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) await deliverMail(job.data.mailId);
  });
  await boss.work<StripeCustomerToClose>(QUEUES.closeStripeCustomer, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await closeStripeCustomer(job.data);
  });
}

export async function stopJobWorkers(): Promise<void> {
  await stopQueue();
}
