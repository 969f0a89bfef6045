import type { MailMessage } from "../types";
import { renderHtml } from "./layout";

// Sent when a site's owner adds someone else to its e-mail reports: nothing more reaches that
// address unless its reader confirms with the link.

export function renderReportConfirmationMail(input: { to: string; domain: string; frequency: "weekly" | "monthly"; url: string; daysValid: number }): MailMessage {
  const schedule = input.frequency === "weekly" ? "a weekly report (every Monday)" : "a monthly report (on the 1st of every month)";
  const intro = `The owner of ${input.domain} would like to send you ${schedule} of the site's visitor statistics from MiniStat.`;
  const action = `To receive it, confirm within ${input.daysValid} days with the link below. You can unsubscribe from every report with one click.`;
  const ignore = "If you do not want these reports, ignore this e-mail: nothing else will be sent to you.";
  return {
    to: input.to,
    subject: `Confirm your ${input.frequency} report for ${input.domain}`,
    text: `${intro}\n\n${action}\n\nConfirm: ${input.url}\n\n${ignore}\n\n— MiniStat\n`,
    html: renderHtml({ heading: `${input.frequency === "weekly" ? "Weekly" : "Monthly"} reports for ${input.domain}`, paragraphs: [intro, action], button: { label: "Confirm the subscription", url: input.url }, footer: ignore }),
  };
}
