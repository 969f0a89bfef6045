import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { BodyTooLargeError, intParam, readBody, sendJson } from "../http-helpers";
import type { FakeStripe } from "../fake-stripe";
import { FakeStripeError } from "./errors";
import { SUBSCRIPTION_STATUSES } from "./objects";

// The control API, for tests in another process (Playwright specs):
//   GET  /__fake/requests?method=&path=       the API requests received, oldest first
//   GET  /__fake/customers                    customers (not deleted)
//   GET  /__fake/subscriptions?customer=      subscriptions, every status
//   GET  /__fake/invoices?customer=           invoices
//   GET  /__fake/events?type=                 events created (and sent), oldest first
//   GET  /__fake/deliveries?type=&event=      webhook deliveries, once none is pending
//   POST /__fake/fail?count=<n>               the next n API requests answer 500 api_error
//   POST /__fake/reset                        forget everything but the prices and the webhook URL
//   POST /__fake/webhook        {"url": …}    set (or, with null, unset) the webhook URL
//   POST /__fake/subscriptions/:id  {changes} advanceSubscription: change status, period …,
//                                             emits customer.subscription.updated / .deleted
//   POST /__fake/events  {"type", "object", "secret"?, "timestamp"?, "signatureHeader"?}
//                                             create an event and deliver it
//   POST /__fake/events/:id/redeliver  {"secret"?, …}   deliver a recorded event again

const sendOptions = {
  secret: z.string().optional(),
  timestamp: z.int().optional(),
  signatureHeader: z.string().optional(),
};

const changesSchema = z.strictObject({
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  current_period_start: z.int().optional(),
  current_period_end: z.int().optional(),
  trial_end: z.int().nullable().optional(),
  cancel_at_period_end: z.boolean().optional(),
  cancel_at: z.int().nullable().optional(),
  canceled_at: z.int().nullable().optional(),
  price: z.string().optional(),
  quantity: z.int().min(1).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  cancellation_details: z.strictObject({ comment: z.string().nullable().optional(), feedback: z.string().nullable().optional() }).optional(),
  renew: z.boolean().optional(),
  invoice: z.enum(["paid", "payment_failed"]).optional(),
});

const eventSchema = z.strictObject({ type: z.string().min(1), object: z.record(z.string(), z.unknown()), ...sendOptions });
const redeliverSchema = z.strictObject(sendOptions);
const webhookSchema = z.strictObject({ url: z.url().nullable() });

export function createControlHandler(fake: FakeStripe) {
  return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const path = url.pathname.slice("/__fake".length);
    const query = (name: string) => url.searchParams.get(name) ?? undefined;
    try {
      if (method === "GET") {
        if (path === "/requests") return sendJson(res, 200, fake.requests({ method: query("method"), path: query("path") }));
        if (path === "/customers") return sendJson(res, 200, fake.customers());
        if (path === "/subscriptions") return sendJson(res, 200, fake.subscriptions({ customer: query("customer") }));
        if (path === "/invoices") return sendJson(res, 200, fake.invoices({ customer: query("customer") }));
        if (path === "/events") return sendJson(res, 200, fake.events({ type: query("type") }));
        if (path === "/deliveries") {
          await fake.idle();
          return sendJson(res, 200, fake.deliveries({ type: query("type"), eventId: query("event") }));
        }
      }
      if (method === "POST") {
        if (path === "/fail") {
          const count = intParam(url, "count", 1);
          if (count === undefined) return sendJson(res, 400, { error: "count must be a non-negative integer" });
          fake.failNext(count);
          return sendJson(res, 200, { failNext: count });
        }
        if (path === "/reset") {
          fake.reset();
          return sendJson(res, 200, { reset: true });
        }
        if (path === "/webhook") {
          const { url: webhookUrl } = await readJson(req, webhookSchema);
          fake.setWebhookUrl(webhookUrl);
          return sendJson(res, 200, { webhookUrl });
        }
        if (path === "/events") {
          const { type, object, ...options } = await readJson(req, eventSchema);
          return sendJson(res, 200, await fake.deliver(type, object, options));
        }
        const redeliver = /^\/events\/([^/]+)\/redeliver$/.exec(path);
        if (redeliver?.[1]) return sendJson(res, 200, { delivery: await fake.redeliver(redeliver[1], await readJson(req, redeliverSchema)) });
        const subscription = /^\/subscriptions\/([^/]+)$/.exec(path);
        if (subscription?.[1]) return sendJson(res, 200, await fake.advanceSubscription(subscription[1], await readJson(req, changesSchema)));
      }
      sendJson(res, 404, { error: `no such control route: ${method} ${url.pathname}` });
    } catch (error) {
      if (error instanceof ControlInputError) return sendJson(res, 400, { error: error.message });
      if (error instanceof FakeStripeError) return sendJson(res, error.status, { error: error.body });
      throw error;
    }
  };
}

class ControlInputError extends Error {}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ControlInputError("body too large");
    throw error;
  }
  let json: unknown;
  try {
    json = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    throw new ControlInputError("the body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ControlInputError(z.prettifyError(parsed.error));
  return parsed.data;
}
