import { trialEndOf } from "./billing";
import type { CheckoutPlan, FakeStripeCheckoutSession, FakeStripeInvoice, FakeStripePortalSession, FakeStripePrice, FakeStripeSubscription } from "./objects";

// The hosted pages: small, plain, accessible HTML (real headings, labels and buttons) so that
// Playwright specs find their way by role and name, as a customer would on Stripe's pages:
//   checkout: heading "Fake Stripe Checkout", button "Pay and subscribe", link "Cancel"
//   portal:   heading "Fake Stripe customer portal", per subscription "Cancel subscription",
//             "Renew subscription", "Switch to <plan>"; link "Return to <business>"

export function checkoutPage(session: FakeStripeCheckoutSession, plan: CheckoutPlan, businessName: string): string {
  const now = Math.floor(Date.now() / 1000);
  const trialEnd = trialEndOf(plan, now);
  const trialing = trialEnd !== null && trialEnd > now;
  const total = trialing ? 0 : plan.price.unit_amount * plan.quantity;
  const emailField = session.customer_email
    ? `<p>Email: <strong>${escapeHtml(session.customer_email)}</strong></p>`
    : session.customer
      ? ""
      : `<p><label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="email" required></p>`;
  return layout(
    "Fake Stripe Checkout",
    `<h1>Fake Stripe Checkout</h1>
<p>Subscribe to ${escapeHtml(businessName)}</p>
<dl>
  <dt>Plan</dt><dd>${escapeHtml(planName(plan.price))}</dd>
  <dt>Price</dt><dd>${escapeHtml(formatPrice(plan.price))}</dd>
  ${plan.quantity > 1 ? `<dt>Quantity</dt><dd>${plan.quantity}</dd>` : ""}
  ${trialing ? `<dt>Free trial</dt><dd>until ${formatDate(trialEnd)}</dd>` : ""}
  <dt>Due today</dt><dd>${escapeHtml(formatAmount(total, plan.price.currency))}</dd>
</dl>
<form method="post" action="/checkout/${encodeURIComponent(session.id)}">
  ${emailField}
  <p>No card needed: this is a local stand-in for Stripe.</p>
  <button type="submit">Pay and subscribe</button>
</form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : ""}`,
  );
}

export function closedCheckoutPage(session: FakeStripeCheckoutSession): string {
  return layout(
    "Fake Stripe Checkout",
    `<h1>Fake Stripe Checkout</h1>
<p role="alert">This checkout session is ${session.status === "complete" ? "already complete" : "expired"}.</p>`,
  );
}

export function portalPage(
  portal: FakeStripePortalSession,
  customerEmail: string | null,
  subscriptions: FakeStripeSubscription[],
  prices: FakeStripePrice[],
  businessName: string,
): string {
  const base = `/portal/${encodeURIComponent(portal.id)}`;
  const live = subscriptions.filter((s) => s.status !== "canceled" && s.status !== "incomplete_expired");
  const sections = live.map((s) => {
    const price = s.items.data[0]?.price;
    const headingId = `subscription-${s.id}`;
    const hidden = `<input type="hidden" name="subscription" value="${escapeHtml(s.id)}">`;
    const button = (action: string, label: string, extra = "") =>
      `<form method="post" action="${base}/${action}">${hidden}${extra}<button type="submit">${escapeHtml(label)}</button></form>`;
    const switches = prices
      .filter((p) => p.id !== price?.id && p.active)
      .map((p) => button("switch", `Switch to ${planName(p)}`, `<input type="hidden" name="price" value="${escapeHtml(p.id)}">`));
    return `<section aria-labelledby="${headingId}">
  <h3 id="${headingId}">${escapeHtml(price ? planName(price) : s.id)}</h3>
  <p>Status: ${escapeHtml(s.status)}${price ? ` · ${escapeHtml(formatPrice(price))}` : ""}</p>
  <p>${escapeHtml(periodLine(s))}</p>
  ${s.cancel_at_period_end || s.cancel_at !== null ? button("renew", "Renew subscription") : button("cancel", "Cancel subscription")}
  ${switches.join("\n  ")}
</section>`;
  });
  return layout(
    "Fake Stripe customer portal",
    `<h1>Fake Stripe customer portal</h1>
<p>${escapeHtml(businessName)} works with Stripe to manage your billing${customerEmail ? ` (${escapeHtml(customerEmail)})` : ""}.</p>
<h2>Subscriptions</h2>
${sections.length ? sections.join("\n") : "<p>No active subscriptions.</p>"}
${portal.return_url ? `<p><a href="${escapeHtml(portal.return_url)}">Return to ${escapeHtml(businessName)}</a></p>` : ""}`,
  );
}

export function invoicePage(invoice: FakeStripeInvoice): string {
  return layout(
    `Invoice ${invoice.number}`,
    `<h1>Invoice ${escapeHtml(invoice.number)}</h1>
<p>Status: ${escapeHtml(invoice.status)}</p>
<p>Amount due: ${escapeHtml(formatAmount(invoice.amount_due, invoice.currency))}, paid: ${escapeHtml(formatAmount(invoice.amount_paid, invoice.currency))}</p>
<p>Period: ${formatDate(invoice.period_start)} – ${formatDate(invoice.period_end)}</p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}

function periodLine(s: FakeStripeSubscription): string {
  if (s.cancel_at !== null) return `Cancels on ${formatDate(s.cancel_at)}`;
  if (s.status === "trialing" && s.trial_end !== null) return `Trial ends on ${formatDate(s.trial_end)}`;
  return `Renews on ${formatDate(s.current_period_end)}`;
}

function planName(price: FakeStripePrice): string {
  return price.nickname ?? price.id;
}

function formatPrice(price: FakeStripePrice): string {
  const { interval, interval_count: count } = price.recurring;
  return `${formatAmount(price.unit_amount, price.currency)} per ${count === 1 ? interval : `${count} ${interval}s`}`;
}

function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section{border:1px solid #ccc;border-radius:.5rem;padding:0 1rem 1rem;margin:1rem 0}form{display:inline-block;margin:.25rem .5rem .25rem 0}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
