import { changeSubscription } from "./billing";
import { invalidRequest } from "./errors";
import { LIST_PARAMS, paginate } from "./lists";
import type { FakeStripeCustomer } from "./objects";
import { mergeMetadata, type Params } from "./params";
import { route, type ApiContext } from "./router";
import { isDeleted } from "./store";

// POST/GET /v1/customers, GET/POST/DELETE /v1/customers/:id

const FIELDS = ["email", "name", "description", "phone", "metadata"] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function createCustomer({ params, store }: ApiContext): FakeStripeCustomer {
  const apply = readFields(params.only(...FIELDS));
  return apply(store.addCustomer());
}

function listCustomers({ params, store }: ApiContext) {
  params.only("email", ...LIST_PARAMS);
  const email = params.string("email");
  const live = [...store.customers.values()].filter((c): c is FakeStripeCustomer => !isDeleted(c));
  return paginate(
    live.filter((c) => email === undefined || c.email === email),
    params,
    "/v1/customers",
    "customer",
  );
}

function retrieveCustomer({ id, params, store }: ApiContext) {
  params.only();
  // Stripe still answers a deleted customer, as a stub marked deleted.
  const deleted = store.customers.get(id);
  return deleted && isDeleted(deleted) ? deleted : store.customer(id);
}

function updateCustomer({ id, params, store }: ApiContext): FakeStripeCustomer {
  const apply = readFields(params.only(...FIELDS));
  return apply(store.customer(id));
}

/** Deleting a customer cancels their subscriptions at once, as Stripe does. */
function deleteCustomer({ id, params, store, emit }: ApiContext) {
  params.only();
  const customer = store.customer(id);
  for (const subscription of store.subscriptionsOf(id)) {
    if (subscription.status !== "canceled") changeSubscription(store, emit, subscription, { status: "canceled" });
  }
  const stub = { id, object: "customer" as const, deleted: true as const };
  store.customers.set(id, stub);
  emit("customer.deleted", customer);
  return stub;
}

/** Validates every field before anything is changed, so a 400 leaves the customer as it was. */
function readFields(params: Params) {
  const fields: Partial<Pick<FakeStripeCustomer, "email" | "name" | "description" | "phone">> = {};
  const email = params.nullableString("email");
  if (email && !EMAIL.test(email)) throw invalidRequest(`Invalid email address: ${email}`, "email", "email_invalid");
  if (email !== undefined) fields.email = email;
  for (const field of ["name", "description", "phone"] as const) {
    const value = params.nullableString(field);
    if (value !== undefined) fields[field] = value;
  }
  const metadata = params.metadata();
  return (customer: FakeStripeCustomer) => Object.assign(customer, fields, { metadata: mergeMetadata(customer.metadata, metadata) });
}

export const customerRoutes = [
  route("POST", "/v1/customers", createCustomer),
  route("GET", "/v1/customers", listCustomers),
  route("GET", "/v1/customers/:id", retrieveCustomer),
  route("POST", "/v1/customers/:id", updateCustomer),
  route("DELETE", "/v1/customers/:id", deleteCustomer),
];
