import { getAppUrl } from "@/lib/config/env";
import { decryptField } from "@/lib/crypto/field-encryption";
import { prisma } from "@/lib/db/prisma";
import { enqueueMail, storeMail } from "@/lib/mail/send-mail";
import { renderTrafficAlertMail } from "@/lib/mail/templates/traffic-alert";

// One site's alert e-mail, at most one an hour however many runs or app instances see the
// spike. The claim (last_sent_at moved to now, only when the last alert is an hour old and the
// figure still exceeds the current threshold) and the stored e-mail commit together: a failure
// before the commit leaves the hour unclaimed for the next run, and a crash after it leaves a
// queued mail that the stranded-mail sweep delivers (send-mail.ts). A concurrent claim waits on
// the row lock, then finds last_sent_at moved and updates nothing.

export const SECONDS_BETWEEN_ALERTS = 60 * 60;

export type TrafficSpike = {
  siteId: string;
  userId: string;
  domain: string;
  /** The owner's User.emailEncrypted. */
  emailEncrypted: string;
  visitors: number;
  realtimeMinutes: number;
};

/** True when this call claimed the hour and stored the e-mail; false when another run had. */
export async function sendTrafficAlert(spike: TrafficSpike, now: Date): Promise<boolean> {
  const to = decryptField(spike.emailEncrypted);
  const siteUrl = `${getAppUrl()}/sites/${encodeURIComponent(spike.domain)}`;
  const at = now.toISOString(); // last_sent_at is a UTC timestamp without zone, like every Prisma DateTime
  const mailId = await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Array<{ threshold: number }>>`
      UPDATE traffic_alerts SET last_sent_at = ${at}::timestamptz AT TIME ZONE 'UTC'
       WHERE site_id = ${spike.siteId} AND threshold < ${spike.visitors}::int
         AND (last_sent_at IS NULL
              OR last_sent_at <= (${at}::timestamptz AT TIME ZONE 'UTC') - make_interval(secs => ${SECONDS_BETWEEN_ALERTS}::int))
      RETURNING threshold`;
    const threshold = claimed[0]?.threshold;
    if (threshold === undefined) return null;
    const message = renderTrafficAlertMail({
      to,
      domain: spike.domain,
      visitors: spike.visitors,
      threshold,
      realtimeMinutes: spike.realtimeMinutes,
      dashboardUrl: siteUrl,
      settingsUrl: `${siteUrl}/settings#traffic-alerts`,
    });
    return storeMail(tx, message, { kind: "alert", userId: spike.userId });
  });
  if (!mailId) return false;
  await enqueueMail(mailId);
  return true;
}
