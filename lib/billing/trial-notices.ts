import { getAppUrl } from "@/lib/config/env";
import { decryptField } from "@/lib/crypto/field-encryption";
import { getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { sendMail } from "@/lib/mail/send-mail";
import { renderTrialEndedMail, renderTrialEndingMail } from "@/lib/mail/templates/billing";
import { GRACE_DAYS, trialEndsAt } from "./billing-status";
import { TRIAL_DAYS } from "./plans";
import { isBillingConfigured } from "./stripe-client";

// The trial runs from registration without a Stripe subscription, so Stripe cannot tell the
// owner it ends: this does, once each — "ends in 3 days" from 3 days before its end, and
// "has ended" during the grace period — for accounts with no open subscription. Run hourly
// (lib/server/analytics-services.ts); a trial_notices row claims each e-mail before it is sent.

const DAY_MS = 86_400_000;
const WARN_DAYS = 3;

type Due = { id: string; email_encrypted: string; created_at: Date; kind: "ending" | "ended" };

export async function sendTrialNotices(now = new Date()): Promise<number> {
  if (!isBillingConfigured()) return 0;
  const { rows } = await getPool().query<Due>(
    `SELECT u.id, u.email_encrypted, u.created_at,
            CASE WHEN u.created_at + make_interval(days => $2) <= $1 THEN 'ended' ELSE 'ending' END AS kind
       FROM users u
       LEFT JOIN billing_accounts b ON b.user_id = u.id
      WHERE (b.status IS NULL OR b.status NOT IN ('trialing', 'active', 'past_due') AND b.ended_at IS NULL)
        AND u.created_at + make_interval(days => $3) <= $1
        AND u.created_at + make_interval(days => $4) > $1
        AND NOT EXISTS (
          SELECT 1 FROM trial_notices n WHERE n.user_id = u.id
             AND n.kind = CASE WHEN u.created_at + make_interval(days => $2) <= $1 THEN 'ended' ELSE 'ending' END)`,
    [now, TRIAL_DAYS, TRIAL_DAYS - WARN_DAYS, TRIAL_DAYS + GRACE_DAYS],
  );
  let sent = 0;
  let failed = 0;
  for (const due of rows) {
    try {
      if (await sendTrialNotice(due)) sent++;
    } catch (error) {
      failed++; // one account's failure (its mail, its row) must not hold up the others
      if (failed === 1) console.error(`[billing] trial e-mail failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed > 1) console.error(`[billing] trial e-mails failed for ${failed} accounts`);
  return sent;
}

/** Claims and sends one account's trial e-mail; false when another run claimed it first. */
async function sendTrialNotice(due: Due): Promise<boolean> {
  const email = decryptField(due.email_encrypted);
  const claimed = await prisma.trialNotice.createMany({ data: [{ userId: due.id, kind: due.kind }], skipDuplicates: true });
  if (claimed.count === 0) return false;
  const trialEnd = trialEndsAt(due.created_at);
  const billingUrl = `${getAppUrl()}/settings/billing`;
  const message =
    due.kind === "ending" ? renderTrialEndingMail(email, trialEnd, billingUrl) : renderTrialEndedMail(email, new Date(trialEnd.getTime() + GRACE_DAYS * DAY_MS), billingUrl);
  try {
    await sendMail(message, { kind: "billing", userId: due.id });
    return true;
  } catch (error) {
    await prisma.trialNotice.deleteMany({ where: { userId: due.id, kind: due.kind } }); // the next run tries again
    throw error;
  }
}
