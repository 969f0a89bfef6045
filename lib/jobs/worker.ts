import { closeStripeCustomer, type StripeCustomerToClose } from "@/lib/billing/close-stripe-customer";
import { deliverMail, markMailFailed } from "@/lib/mail/deliver-mail";
import { requeueStrandedMails } from "@/lib/mail/send-mail";
import { runReportJob, type ReportRunJob } from "@/lib/reports/schedule";
import { getQueue, QUEUES, stopQueue } from "./queue";

// Starts the job handlers in this process. Each handler is one function in lib/.

const STRANDED_MAIL_SWEEP_MS = 5 * 60_000;
let sweepTimer: NodeJS.Timeout | undefined;

export async function startJobWorkers(): Promise<void> {
  const boss = await getQueue();
  await boss.work<{ mailId: string }>(QUEUES.sendMail, { pollingIntervalSeconds: 0.5, batchSize: 5, includeMetadata: true }, async (jobs) => {
    // Each mail fails alone: one that Mailjet refuses is retried later, the others of the
    // batch complete (pg-boss completes the jobs of a batch that are still active).
    for (const job of jobs) {
      try {
        await deliverMail(job.data.mailId);
      } catch (error) {
        if (job.retryCount >= job.retryLimit) await markMailFailed(job.data.mailId);
        await boss.fail(QUEUES.sendMail, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }
  });
  await boss.work<StripeCustomerToClose>(QUEUES.closeStripeCustomer, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await closeStripeCustomer(job.data);
  });
  await boss.work<ReportRunJob>(QUEUES.sendReports, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await runReportJob(job.data);
  });
  const sweep = () => requeueStrandedMails().catch((error: Error) => console.error(`stranded mail sweep: ${error.message}`));
  void sweep();
  sweepTimer = setInterval(sweep, STRANDED_MAIL_SWEEP_MS);
  sweepTimer.unref();
}

export async function stopJobWorkers(): Promise<void> {
  clearInterval(sweepTimer);
  await stopQueue();
}
