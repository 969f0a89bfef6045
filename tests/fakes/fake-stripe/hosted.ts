import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody } from "../http-helpers";
import { billPeriod, changeSubscription, startSubscription, type Emit, type SubscriptionChanges } from "./billing";
import { FakeStripeError } from "./errors";
import type { FakeStripeCustomer } from "./objects";
import { checkoutPage, closedCheckoutPage, invoicePage, messagePage, portalPage } from "./pages";
import { unixNow, type Store } from "./store";
import type { Webhooks } from "./webhooks";

// The pages Stripe hosts, where the customer acts in the browser:
//   GET  /checkout/:id            the checkout page
//   POST /checkout/:id            "Pay and subscribe": subscription, invoice, webhooks, 303 to success_url
//   GET  /portal/:id              the customer portal
//   POST /portal/:id/cancel       cancel at the period end   (form field `subscription`)
//   POST /portal/:id/renew        undo that cancellation     (form field `subscription`)
//   POST /portal/:id/switch       switch plan                (form fields `subscription`, `price`)
//   GET  /invoice/:id             an invoice's hosted_invoice_url
// A POST answers after the webhooks it caused were delivered, so the page the customer lands
// on next finds them processed (Stripe gives no such promise; tests of the race use deliver()).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createHostedHandler(store: Store, webhooks: Webhooks, businessName: string) {
  const emit: Emit = (type, object, previous) => webhooks.emit(type, object, previous);

  async function completeCheckout(res: ServerResponse, sessionId: string, form: URLSearchParams): Promise<void> {
    const { session, plan } = store.checkoutSession(sessionId);
    if (session.status !== "open") return sendHtml(res, 409, closedCheckoutPage(session));
    let customer: FakeStripeCustomer;
    if (session.customer) {
      customer = store.customer(session.customer, "customer");
    } else {
      const email = session.customer_email ?? form.get("email")?.trim() ?? "";
      if (!EMAIL.test(email)) return sendHtml(res, 400, messagePage("Fake Stripe Checkout", "Enter a valid email address."));
      customer = store.addCustomer({ email });
    }
    const subscription = startSubscription(store, customer.id, plan);
    const invoice = subscription.status === "active" ? billPeriod(store, subscription, "paid", "subscription_create") : undefined;
    Object.assign(session, {
      status: "complete",
      payment_status: invoice ? "paid" : "no_payment_required",
      customer: customer.id,
      customer_details: { email: customer.email, name: customer.name },
      subscription: subscription.id,
      invoice: invoice?.id ?? null,
    });
    emit("checkout.session.completed", session);
    emit("customer.subscription.created", subscription);
    if (invoice) emit("invoice.paid", invoice);
    await webhooks.idle();
    redirect(res, session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id));
  }

  async function portalAction(res: ServerResponse, portalId: string, action: string, form: URLSearchParams): Promise<void> {
    const portal = store.portalSessions.get(portalId);
    const subscription = store.subscriptions.get(form.get("subscription") ?? "");
    if (!portal || !subscription || subscription.customer !== portal.customer) {
      return sendHtml(res, 404, messagePage("Fake Stripe customer portal", "No such subscription for this customer."));
    }
    const changes: Record<string, SubscriptionChanges> = {
      cancel: { cancel_at_period_end: true },
      renew: { cancel_at_period_end: false, cancel_at: null },
      switch: { price: form.get("price") ?? "" },
    };
    const change = changes[action];
    if (!change) return sendHtml(res, 404, messagePage("Fake Stripe customer portal", `No such action: ${action}`));
    changeSubscription(store, emit, subscription, change);
    await webhooks.idle();
    redirect(res, `/portal/${encodeURIComponent(portal.id)}`);
  }

  function showPortal(res: ServerResponse, portalId: string): void {
    const portal = store.portalSessions.get(portalId);
    if (!portal) return sendHtml(res, 404, messagePage("Fake Stripe customer portal", "This portal session does not exist."));
    const customer = store.customers.get(portal.customer);
    const email = customer && "email" in customer ? customer.email : null;
    sendHtml(res, 200, portalPage(portal, email, store.subscriptionsOf(portal.customer), [...store.prices.values()], businessName));
  }

  function showCheckout(res: ServerResponse, sessionId: string): void {
    const { session, plan } = store.checkoutSession(sessionId);
    if (session.status === "open" && session.expires_at < unixNow()) session.status = "expired";
    sendHtml(res, 200, session.status === "open" ? checkoutPage(session, plan, businessName) : closedCheckoutPage(session));
  }

  return async function handleHosted(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, page = "", id = "", action, ...rest] = url.pathname.split("/").map((part) => decodeURIComponent(part));
    const method = req.method ?? "GET";
    try {
      let form = new URLSearchParams();
      if (method === "POST") {
        try {
          form = new URLSearchParams(await readBody(req, 64 * 1024));
        } catch (error) {
          if (error instanceof BodyTooLargeError) return sendHtml(res, 413, messagePage("Fake Stripe", "Request too large."));
          throw error;
        }
      }
      if (rest.length > 0) throw notFound();
      if (page === "checkout" && action === undefined && method === "GET") return showCheckout(res, id);
      if (page === "checkout" && action === undefined && method === "POST") return await completeCheckout(res, id, form);
      if (page === "portal" && action === undefined && method === "GET") return showPortal(res, id);
      if (page === "portal" && action !== undefined && method === "POST") return await portalAction(res, id, action, form);
      if (page === "invoice" && action === undefined && method === "GET") return sendHtml(res, 200, invoicePage(store.invoice(id)));
      throw notFound();
    } catch (error) {
      // Unknown ids land here as Stripe's resource_missing errors: show them as a page.
      if (!(error instanceof FakeStripeError)) throw error;
      sendHtml(res, error.status, messagePage("Fake Stripe", error.message));
    }
  };
}

function notFound() {
  return new FakeStripeError(404, { type: "invalid_request_error", message: "Not found." });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "content-length": 0 });
  res.end();
}
