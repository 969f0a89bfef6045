import { getRealtimeVisitors, REALTIME_WINDOW_MINUTES } from "@/lib/analytics/query/stats";
import { getAccountBilling } from "@/lib/billing/account-access";
import { getPool } from "@/lib/db/pool";
import { SECONDS_BETWEEN_ALERTS, sendTrafficAlert } from "./send-traffic-alert";

// Traffic spike alerts: every ALERTS_INTERVAL_SECONDS (lib/server/analytics-services.ts) each
// site with an alert that has not fired within the hour gets its current visitors — the same
// realtime figure as its dashboard — and an e-mail to the owner when the figure exceeds the
// threshold. One query finds the alerts; only those sites are looked up.
//
// `now` sets the hourly limit (tests use a fixed clock); the realtime figure is always the
// database's last five minutes, as on the dashboard.
//
// A locked account (trial or subscription over: lib/billing/account-access.ts) gets no alert:
// its dashboards, share links and Stats API show an upgrade prompt instead of figures, and an
// alert is a figure of the dashboard. Nothing is claimed then, so alerts resume with the plan.

type AlertRow = { site_id: string; threshold: number; domain: string; user_id: string; email_encrypted: string };

/** Returns how many alert e-mails this run sent. */
export async function checkTrafficAlerts(now: Date = new Date()): Promise<number> {
  const { rows } = await getPool().query<AlertRow>(
    `SELECT a.site_id, a.threshold, s.domain, s.user_id, u.email_encrypted
       FROM traffic_alerts a
       JOIN sites s ON s.id = a.site_id
       JOIN users u ON u.id = s.user_id
      WHERE a.last_sent_at IS NULL
         OR a.last_sent_at <= ($1::timestamptz AT TIME ZONE 'UTC') - make_interval(secs => $2)`,
    [now.toISOString(), SECONDS_BETWEEN_ALERTS],
  );
  let sent = 0;
  let failed = 0;
  for (const alert of rows) {
    try {
      if (await checkOne(alert, now)) sent++;
    } catch (error) {
      failed++; // one site's failure (its query, an unreadable address) must not hold up the others
      if (failed === 1) console.error(`[alerts] traffic alert of site ${alert.site_id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed > 1) console.error(`[alerts] traffic alerts failed for ${failed} sites`);
  return sent;
}

async function checkOne(alert: AlertRow, now: Date): Promise<boolean> {
  const visitors = await getRealtimeVisitors(alert.site_id);
  if (visitors <= alert.threshold) return false;
  if ((await getAccountBilling(alert.user_id, now)).locked) return false;
  const spike = { siteId: alert.site_id, userId: alert.user_id, domain: alert.domain, emailEncrypted: alert.email_encrypted, visitors, realtimeMinutes: REALTIME_WINDOW_MINUTES };
  return sendTrafficAlert(spike, now);
}
