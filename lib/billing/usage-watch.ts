import { describeDbError } from "@/lib/db/sql-state";
import { getWritePool } from "@/lib/db/pool";
import { isBillingConfigured } from "./stripe-client";
import { checkUsageThresholds, SUBSCRIBED_STATUSES } from "./usage-notices";

// The usage check after a rollup refresh: the rollup timer (refreshRollups in
// lib/server/analytics-services.ts) passes the sites it refreshed, and the accounts owning
// them are checked — the rollups are what the usage is counted from, so new pageviews count
// from then on. Off the ingestion path: /api/event never waits for it. At most once per
// CHECK_EVERY_MS per account, since the rollups of a busy site refresh every few seconds;
// an e-mail then leaves at most that much later. A failing check is logged (no personal
// data: counts and the error's code) and never fails the rollup refresh.

export const CHECK_EVERY_MS = 30_000;

export type UsageWatchResult = { accounts: number; sent: number; failed: number };

const lastChecked = new Map<string, number>();

// Only accounts with a plan limit: the others get no usage e-mails, so no usage query either.
const ACCOUNTS_OF_SITES = `SELECT DISTINCT s.user_id FROM sites s
JOIN billing_accounts b ON b.user_id = s.user_id
WHERE s.id = ANY($1::text[]) AND b.status = ANY($2::text[]) AND b.plan_key IS NOT NULL`;

/** Checks the thresholds of the subscribed accounts owning `siteIds` that were not checked in the last CHECK_EVERY_MS. Never throws. */
export async function checkUsageOfSites(siteIds: readonly string[], now = new Date()): Promise<UsageWatchResult> {
  const result: UsageWatchResult = { accounts: 0, sent: 0, failed: 0 };
  if (siteIds.length === 0 || !isBillingConfigured()) return result;
  let firstError: unknown;
  try {
    const { rows } = await getWritePool().query<{ user_id: string }>(ACCOUNTS_OF_SITES, [siteIds, SUBSCRIBED_STATUSES]);
    const at = now.getTime();
    const due = rows.map((row) => row.user_id).filter((userId) => at - (lastChecked.get(userId) ?? -Infinity) >= CHECK_EVERY_MS);
    if (lastChecked.size > 10_000) lastChecked.clear(); // bounded memory; forgetting only allows an early check
    for (const userId of due) lastChecked.set(userId, at); // before any await: an overlapping pass skips them
    for (const userId of due) {
      result.accounts++;
      try {
        result.sent += (await checkUsageThresholds(userId, now))?.sent.length ?? 0;
      } catch (error) {
        lastChecked.delete(userId); // try again on the next refresh
        result.failed++;
        firstError ??= error;
      }
    }
  } catch (error) {
    result.failed++;
    firstError ??= error;
  }
  if (firstError !== undefined) console.error(`[billing] usage check failed for ${result.failed} account(s): ${describeDbError(firstError)}`);
  return result;
}
