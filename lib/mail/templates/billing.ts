import type { MailMessage } from "../types";
import { renderHtml } from "./layout";

// Billing e-mails. Stripe sends invoices and receipts itself; these tell the owner what
// happens to the account, each with a link to the billing page (where "Manage billing"
// opens Stripe's portal: a portal session link would expire before the e-mail is read).

const FOOTER = "You receive this because you own a MiniStat account. Billing questions: reply to this e-mail.";

function billingMail(to: string, subject: string, heading: string, paragraphs: string[], button: { label: string; url: string }): MailMessage {
  return {
    to,
    subject,
    text: `${paragraphs.join("\n\n")}\n\n${button.label}: ${button.url}\n\n— MiniStat\n`,
    html: renderHtml({ heading, paragraphs, button, footer: FOOTER }),
  };
}

export function formatMailDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function renderTrialEndingMail(to: string, trialEndsAt: Date, billingUrl: string): MailMessage {
  return billingMail(
    to,
    "Your MiniStat trial ends in 3 days",
    "Your trial ends in 3 days",
    [`Your free trial ends on ${formatMailDate(trialEndsAt)}. Choose a plan to keep your dashboards open; your sites keep recording either way.`],
    { label: "Choose a plan", url: billingUrl },
  );
}

export function renderTrialEndedMail(to: string, locksAt: Date, billingUrl: string): MailMessage {
  return billingMail(
    to,
    "Your MiniStat trial has ended",
    "Your trial has ended",
    [`Your dashboards stay open until ${formatMailDate(locksAt)}; after that they show an upgrade prompt until you subscribe. Nothing is deleted and your sites keep recording.`],
    { label: "Choose a plan", url: billingUrl },
  );
}

export function renderPaymentFailedMail(to: string, billingUrl: string): MailMessage {
  return billingMail(
    to,
    "Your MiniStat payment failed",
    "We could not charge your card",
    ["Stripe could not collect your last MiniStat payment and will try again over the next days. Update your card in the billing portal to keep your subscription."],
    { label: "Update payment method", url: billingUrl },
  );
}

export function renderUsageMail(to: string, percent: 80 | 100, limit: string, billingUrl: string): MailMessage {
  const reached = percent === 100 ? `Your sites have reached this month's ${limit} pageviews of your plan.` : `Your sites have used 80 % of this month's ${limit} pageviews of your plan.`;
  return billingMail(
    to,
    percent === 100 ? "You have reached your MiniStat plan's pageviews" : "You have used 80 % of your MiniStat plan's pageviews",
    percent === 100 ? "Your plan's pageviews are used up" : "80 % of your pageviews used",
    [reached, "Every event is still recorded — nothing is dropped. A larger plan fits your traffic better."],
    { label: "See plans that fit", url: billingUrl },
  );
}

export function renderSubscriptionCanceledMail(to: string, locksAt: Date, billingUrl: string): MailMessage {
  return billingMail(
    to,
    "Your MiniStat subscription has ended",
    "Your subscription has ended",
    [`Your subscription is canceled. Your dashboards stay open until ${formatMailDate(locksAt)}; subscribe again any time to keep them.`],
    { label: "Subscribe again", url: billingUrl },
  );
}
