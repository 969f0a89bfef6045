import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody, sendJson } from "../http-helpers";
import { checkoutRoutes } from "./api-checkout";
import { customerRoutes } from "./api-customers";
import { readRoutes } from "./api-read";
import { subscriptionRoutes } from "./api-subscriptions";
import { apiError, FakeStripeError, invalidRequest } from "./errors";
import { applyExpand } from "./expand";
import { parseForm, type FormObject } from "./form";
import { Params } from "./params";
import { findRoute } from "./router";
import { newId, type Store } from "./store";
import type { Webhooks } from "./webhooks";

// Everything under /v1: the request log, secret-key auth, simulated outages (failNext),
// idempotent replays, then the endpoint tables, `expand`, and Stripe's error answers.

export type FakeStripeRequest = {
  method: string;
  /** The path without the query string. */
  path: string;
  /** Query and form parameters, parsed from Stripe's bracket notation. */
  params: FormObject;
  /** The status answered (401 for a wrong key, 500 for a failNext failure …). */
  status: number;
  idempotencyKey: string | null;
  /** The Stripe-Version header the client sent. */
  stripeVersion: string | null;
  /** True when the answer was a replay of an earlier request with the same idempotency key. */
  replayed: boolean;
  at: string;
};

export type ApiState = {
  requests: FakeStripeRequest[];
  failuresLeft: number;
  idempotent: Map<string, { fingerprint: string; body: unknown }>;
};

const routes = [...customerRoutes, ...checkoutRoutes, ...subscriptionRoutes, ...readRoutes];

export function createApiHandler(store: Store, webhooks: Webhooks, state: ApiState, secretKey: string, apiVersion: string) {
  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const requestId = newId("req_", 14);
    const idempotencyKey = headerValue(req, "idempotency-key");
    const entry: FakeStripeRequest = {
      method,
      path: url.pathname,
      params: {},
      status: 0,
      idempotencyKey,
      stripeVersion: headerValue(req, "stripe-version"),
      replayed: false,
      at: new Date().toISOString(),
    };
    state.requests.push(entry);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      const echo: Record<string, string> = idempotencyKey ? { "idempotency-key": idempotencyKey } : {};
      sendJson(res, status, body, { "request-id": requestId, "stripe-version": entry.stripeVersion ?? apiVersion, ...echo, ...headers });
    };

    try {
      let raw: string;
      try {
        raw = await readBody(req);
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw invalidRequest("The request body is too large.", undefined, undefined, 413);
        throw error;
      }
      const authError = checkApiKey(req.headers.authorization, secretKey);
      if (authError) {
        answer(401, { error: { type: "invalid_request_error", message: authError } }, { "www-authenticate": 'Bearer realm="Stripe"' });
        return;
      }
      entry.params = { ...parseForm(url.search.slice(1)), ...(method === "POST" ? parseForm(raw) : {}) };
      if (state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        throw apiError("An unknown error occurred (simulated by the fake Stripe: failNext).");
      }

      // Stripe saves the answer of a POST that ran; the same key with other parameters is an error.
      const fingerprint = `${method} ${url.pathname} ${JSON.stringify(entry.params)}`;
      const saved = method === "POST" && idempotencyKey ? state.idempotent.get(idempotencyKey) : undefined;
      if (saved && idempotencyKey) {
        if (saved.fingerprint !== fingerprint) {
          throw new FakeStripeError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
        }
        entry.replayed = true;
        answer(200, saved.body, { "idempotent-replayed": "true" });
        return;
      }

      const match = findRoute(routes, method, url.pathname);
      if (!match) {
        throw invalidRequest(`Unrecognized request URL (${method}: ${url.pathname}). The fake Stripe knows only part of the API: tests/fakes/fake-stripe.`, undefined, undefined, 404);
      }
      const params = new Params(entry.params);
      const expand = params.strings("expand") ?? [];
      const request = { id: requestId, idempotency_key: idempotencyKey };
      const result = match.route.handle({
        id: match.id,
        params,
        store,
        webhooks,
        emit: (type, object, previous) => webhooks.emit(type, object, previous, request),
      });
      const body = applyExpand(structuredClone(result), expand, (id) => store.lookup(id));
      if (method === "POST" && idempotencyKey) state.idempotent.set(idempotencyKey, { fingerprint, body });
      answer(200, body);
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      answer(error.status, { error: error.body });
    }
  };
}

/** Stripe takes the secret key as a Bearer token, or as the user of HTTP Basic auth (curl -u sk_…:). */
function checkApiKey(authorization: string | undefined, secretKey: string): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "")?.[1];
  const key = bearer ?? (basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] : undefined);
  if (!key) {
    return "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";
  }
  if (key !== secretKey) return `Invalid API Key provided: ${maskKey(key)}`;
  return null;
}

function maskKey(key: string): string {
  if (key.length <= 12) return "*".repeat(key.length);
  return `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}`;
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
