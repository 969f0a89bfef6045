import type { MailMessage } from "../types";
import { renderHtml } from "./layout";

// The traffic spike alert: how many people are on the site now, the owner's threshold, a link
// to the dashboard (the button) and one to the site's settings to change or turn off the alert.

export type TrafficAlertMailInput = {
  to: string;
  domain: string;
  visitors: number;
  threshold: number;
  realtimeMinutes: number;
  dashboardUrl: string;
  settingsUrl: string;
};

const count = (n: number) => n.toLocaleString("en-US");

export function renderTrafficAlertMail(input: TrafficAlertMailInput): MailMessage {
  const { to, domain, visitors, threshold, realtimeMinutes, dashboardUrl, settingsUrl } = input;
  const paragraphs = [
    `${count(visitors)} people are on ${domain} right now (visitors seen in the last ${realtimeMinutes} minutes) — more than your alert threshold of ${count(threshold)}.`,
    "See where they come from and which pages they read on the dashboard. You get at most one alert an hour for this site.",
  ];
  const change = `Change the threshold or turn the alert off in the site's settings: ${settingsUrl}`;
  return {
    to,
    subject: `Traffic spike on ${domain}: ${count(visitors)} current visitors`,
    text: `${paragraphs.join("\n\n")}\n\nOpen the dashboard: ${dashboardUrl}\n\n${change}\n\n— MiniStat\n`,
    html: renderHtml({
      heading: `${count(visitors)} people on ${domain} right now`,
      paragraphs,
      button: { label: "Open the dashboard", url: dashboardUrl },
      footer: `You receive this because you turned on traffic alerts for ${domain}. ${change}`,
    }),
  };
}
