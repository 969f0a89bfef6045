import { getEnv } from "@/lib/config/env";
import { rateLimit } from "@/lib/security/rate-limit";

// Support messages per hour (SUPPORT_MESSAGES_PER_HOUR): per IP for a signed-out sender, per
// account for a signed-in one. On top of the per-minute limit every form action has; counted only
// for messages that passed validation, so a typo does not use up the hour.

const HOUR_MS = 60 * 60 * 1000;

export type Sender = { userId: string } | { ip: string };

/** null when the message may go; otherwise the error to show. */
export function supportHourlyLimitError(sender: Sender): string | null {
  const limit = getEnv().SUPPORT_MESSAGES_PER_HOUR;
  const key = "userId" in sender ? `support-hour:user:${sender.userId}` : `support-hour:ip:${sender.ip}`;
  const result = rateLimit(key, limit, HOUR_MS);
  if (result.ok) return null;
  const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
  return `You have sent ${limit} support messages in the last hour. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
