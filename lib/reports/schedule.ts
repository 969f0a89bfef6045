import { getEnv } from "@/lib/config/env";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { sendDueReports, type ReportRunResult } from "./send-reports";

// When reports go out. Every app instance asks for a report pass every REPORTS_INTERVAL_SECONDS
// (lib/server/analytics-services.ts); the pass itself is a job in the queue (QUEUES.sendReports,
// handled in lib/jobs/worker.ts).
//
// Why a queued job and not the pass on the timer directly: the job is created with a
// singleton slot of one interval (pg-boss singletonSeconds + singletonKey), so however many
// instances tick, one pass runs per interval; and a pass whose worker dies mid-run is not
// lost — pg-boss expires the active job and retries it, or the next interval's job runs.
//
// Neither is what keeps a report from going out twice: that is send-reports.ts, where each
// report's delivery row and mail commit together under the (subscription, period) key. A pass
// run twice, two at once, or one re-run after a crash all send each report once.
//
// The job carries the instant it was scheduled for ({ at }): the pass computes the due periods
// as of then, so a retry does the same work as the original, and tests can run passes at a
// fixed time through the real queue and worker.

export type ReportRunJob = { at: string };

const SINGLETON_KEY = "report-pass";
// pg-boss refuses a singleton slot longer than the time it keeps completed jobs before
// archiving them (12 hours), since the slot is enforced on the job table; longer intervals
// still run at most one pass per 12 hours.
const MAX_SLOT_SECONDS = 12 * 3600;

export async function requestReportRun(at = new Date()): Promise<void> {
  const slot = Math.min(MAX_SLOT_SECONDS, Math.max(1, Math.ceil(getEnv().REPORTS_INTERVAL_SECONDS)));
  await enqueue(QUEUES.sendReports, { at: at.toISOString() } satisfies ReportRunJob, {
    singletonKey: SINGLETON_KEY,
    singletonSeconds: slot,
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 30 * 60,
  });
}

/** The job handler. Per-report failures are logged and retried by the next pass. */
export async function runReportJob(job: ReportRunJob): Promise<ReportRunResult> {
  const at = new Date(job.at);
  if (Number.isNaN(at.getTime())) throw new Error("report job without a valid time");
  const result = await sendDueReports(at);
  if (result.failed > 0) console.error(`[reports] pass at ${job.at}: ${result.sent} sent, ${result.failed} failed (retried next pass)`);
  return result;
}
