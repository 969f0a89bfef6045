import { isSiteLocked } from "@/lib/billing/account-access";
import { decryptField } from "@/lib/crypto/field-encryption";
import { Prisma, prisma } from "@/lib/db/prisma";
import { enqueueMail, storeMail } from "@/lib/mail/send-mail";
import { renderReportMail } from "@/lib/mail/templates/report";
import { deleteExpiredConfirmations } from "./confirmation";
import { getReportFigures, type ReportFigures } from "./figures";
import { reportDashboardUrl, reportUnsubscribeUrl } from "./links";
import { deleteOldRecipientTraces } from "./recipient-traces";
import { dueReportPeriod, periodEndsAfter, periodStartDate, type ReportPeriod } from "./periods";

// One pass of the report sender: every confirmed subscription whose last completed period
// (dueReportPeriod, in its site's time zone) has no report_deliveries row yet gets its report.
//
// Exactly once per subscription and period, however many passes run, at the same time or
// after a crash: the delivery row and the stored mail are written in ONE transaction, and the
// row's primary key (subscription_id, period_start) lets only one transaction commit — a second
// pass, or a concurrent worker, gets a unique violation and writes nothing. The mail is queued
// for delivery after the commit; should the process die in between, the stranded-mail sweep
// (lib/mail/send-mail.ts) queues it. A pass that dies half-way leaves the remaining
// subscriptions without a row, and the next pass sends those.
//
// Only the latest due period is sent, and only when it ended after the subscription was
// confirmed: a new subscriber, or a sender that was down for weeks, produces no backlog.
// Accounts whose trial or subscription has ended (their dashboards are locked) get no reports.

export type ReportRunResult = { sent: number; skipped: number; failed: number };

type Due = {
  id: string;
  frequency: ReportPeriod["frequency"];
  emailEncrypted: string;
  site: { id: string; domain: string; timezone: string; userId: string };
  period: ReportPeriod;
};

export async function sendDueReports(now = new Date()): Promise<ReportRunResult> {
  await deleteExpiredConfirmations(now);
  await deleteOldRecipientTraces(prisma, now);
  const result: ReportRunResult = { sent: 0, skipped: 0, failed: 0 };
  // Each site's figures are read once per period, however many recipients it has.
  const figures = new Map<string, Promise<ReportFigures | null>>();
  for (const due of await findDueSubscriptions(now)) {
    try {
      const key = `${due.site.id}|${due.period.from}|${due.period.to}`;
      if (!figures.has(key)) figures.set(key, readFigures(due, now));
      const siteFigures = await figures.get(key)!;
      if (siteFigures && (await sendReport(due, siteFigures))) result.sent++;
      else result.skipped++;
    } catch (error) {
      result.failed++;
      // Ids only: the address and the figures stay out of the logs.
      console.error(`[reports] report of subscription ${due.id} for ${due.period.from} failed: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
    }
  }
  return result;
}

async function findDueSubscriptions(now: Date): Promise<Due[]> {
  const rows = await prisma.reportSubscription.findMany({
    where: { confirmedAt: { not: null } },
    select: {
      id: true,
      frequency: true,
      emailEncrypted: true,
      confirmedAt: true,
      site: { select: { id: true, domain: true, timezone: true, userId: true } },
      deliveries: { select: { periodStart: true }, orderBy: { periodStart: "desc" }, take: 1 },
    },
  });
  const due: Due[] = [];
  for (const row of rows) {
    const period = dueReportPeriod(row.frequency, row.site.timezone, now);
    if (!row.confirmedAt || !periodEndsAfter(period, row.site.timezone, row.confirmedAt)) continue;
    // Sent already — or a later period was (the site's time zone moved it back).
    const last = row.deliveries[0]?.periodStart;
    if (last && last >= periodStartDate(period)) continue;
    due.push({ id: row.id, frequency: row.frequency, emailEncrypted: row.emailEncrypted, site: row.site, period });
  }
  return due;
}

async function readFigures(due: Due, now: Date): Promise<ReportFigures | null> {
  if (await isSiteLocked(due.site.id, now)) return null;
  return getReportFigures(due.site, due.period);
}

/** Stores the report with its delivery row; false when another pass (or a deletion) came first. */
async function sendReport(due: Due, figures: ReportFigures): Promise<boolean> {
  const { site, period } = due;
  const message = renderReportMail({
    to: decryptField(due.emailEncrypted),
    domain: site.domain,
    timezone: site.timezone,
    period,
    figures,
    dashboardUrl: reportDashboardUrl(site.domain, period),
    unsubscribeUrl: reportUnsubscribeUrl(due.id),
  });
  let mailId: string;
  try {
    mailId = await prisma.$transaction(async (tx) => {
      const id = await storeMail(tx, message, { kind: "report", userId: site.userId });
      await tx.reportDelivery.create({ data: { subscriptionId: due.id, periodStart: periodStartDate(period), mailId: id } });
      return id;
    });
  } catch (error) {
    // P2002: this period's row exists (another pass sent it). P2003: the subscription was
    // deleted (unsubscribed, removed) since it was read.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2003")) return false;
    throw error;
  }
  await enqueueMail(mailId);
  return true;
}
