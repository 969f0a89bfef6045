import { invalidRequest, noSuch } from "./errors";
import { LIST_PARAMS, paginate } from "./lists";
import type { FakeStripeInvoice } from "./objects";
import { route, type ApiContext } from "./router";

// The read-only endpoints: GET /v1/invoices, /v1/invoices/:id; GET /v1/prices, /v1/prices/:id
// (the catalog given at start); GET /v1/events/:id (a webhook handler may re-read its event).

function listInvoices({ params, store }: ApiContext) {
  params.only("customer", "subscription", "status", ...LIST_PARAMS);
  const customer = params.string("customer");
  const subscription = params.string("subscription");
  const status = params.oneOf("status", ["draft", "open", "paid", "uncollectible", "void"]);
  const matches = (invoice: FakeStripeInvoice) =>
    (customer === undefined || invoice.customer === customer) &&
    (subscription === undefined || invoice.parent.subscription_details.subscription === subscription) &&
    (status === undefined || invoice.status === status);
  return paginate([...store.invoices.values()].filter(matches), params, "/v1/invoices", "invoice");
}

function retrieveInvoice({ id, params, store }: ApiContext) {
  params.only();
  return store.invoice(id);
}

function listPrices({ params, store }: ApiContext) {
  params.only("lookup_keys", "active", "product", ...LIST_PARAMS);
  const lookupKeys = params.strings("lookup_keys");
  if (lookupKeys && lookupKeys.length > 10) throw invalidRequest("You can pass up to 10 lookup_keys.", "lookup_keys");
  const product = params.string("product");
  const active = params.bool("active");
  const prices = [...store.prices.values()].filter(
    (p) => (!lookupKeys || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))) && (product === undefined || p.product === product) && (active === undefined || p.active === active),
  );
  return paginate(prices, params, "/v1/prices", "price");
}

function retrievePrice({ id, params, store }: ApiContext) {
  params.only();
  return store.price(id);
}

function retrieveEvent({ id, params, webhooks }: ApiContext) {
  params.only();
  return webhooks.event(id) ?? noSuchEvent(id);
}

function noSuchEvent(id: string): never {
  throw noSuch("event", id);
}

export const readRoutes = [
  route("GET", "/v1/invoices", listInvoices),
  route("GET", "/v1/invoices/:id", retrieveInvoice),
  route("GET", "/v1/prices", listPrices),
  route("GET", "/v1/prices/:id", retrievePrice),
  route("GET", "/v1/events/:id", retrieveEvent),
];
