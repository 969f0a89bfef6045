import Stripe from "stripe";
import { invalidRequest } from "./errors";
import type { FakeStripeEvent } from "./objects";
import { newId, unixNow } from "./store";

// Events and their delivery. Every event is kept (for redelivery and GET /v1/events/:id) and
// POSTed to the webhook URL, signed as Stripe signs them (Stripe-Signature: t=…,v1=HMAC-SHA256
// of "t.payload" with the endpoint secret), through the stripe package's own signer. Deliveries
// go out one at a time, in the order the events were created; `idle()` resolves once none is
// pending. Stripe retries failed deliveries for days; the fake does not: tests call redeliver().

export type FakeStripeDelivery = {
  eventId: string;
  type: string;
  url: string;
  /** The receiver's HTTP status, or null when the request failed (error says why). */
  status: number | null;
  error: string | null;
  /** 1 for the first delivery of this event, 2 for the next … */
  attempt: number;
  /** "valid": signed with the endpoint secret now; "custom": a test chose the signature. */
  signature: "valid" | "custom";
  responseBody: string;
  deliveredAt: string;
};

/** How to sign one delivery differently from Stripe, to test a receiver's refusals. */
export type FakeStripeSendOptions = {
  /** Sign with this secret instead of the endpoint's. */
  secret?: string;
  /** Sign with this unix timestamp (an old one fails the receiver's tolerance check). */
  timestamp?: number;
  /** Send this Stripe-Signature header as is. */
  signatureHeader?: string;
};

const DELIVERY_TIMEOUT_MS = 10_000;

export class Webhooks {
  private events: FakeStripeEvent[] = [];
  private records: FakeStripeDelivery[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secret: string,
    public url: string | null,
    private readonly apiVersion: string,
  ) {}

  allEvents(): FakeStripeEvent[] {
    return structuredClone(this.events);
  }

  deliveries(): FakeStripeDelivery[] {
    return this.records.map((d) => ({ ...d }));
  }

  event(id: string): FakeStripeEvent | undefined {
    const found = this.events.find((e) => e.id === id);
    return found && structuredClone(found);
  }

  /** Records an event about `object` (a snapshot) and queues its delivery. */
  emit(type: string, object: unknown, previousAttributes?: Record<string, unknown>, request?: FakeStripeEvent["request"]): FakeStripeEvent {
    const event = this.createEvent(type, object, previousAttributes, request);
    void this.enqueue(event, {});
    return event;
  }

  createEvent(type: string, object: unknown, previousAttributes?: Record<string, unknown>, request?: FakeStripeEvent["request"]): FakeStripeEvent {
    const event: FakeStripeEvent = {
      id: newId("evt_"),
      object: "event",
      type,
      api_version: this.apiVersion,
      created: unixNow(),
      data: { object: structuredClone(object), ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}) },
      livemode: false,
      pending_webhooks: this.url ? 1 : 0,
      request: request ?? { id: null, idempotency_key: null },
    };
    this.events.push(event);
    return event;
  }

  /** Delivers `event` as given (kept for redelivery if its id is new); null without a webhook URL. */
  send(event: FakeStripeEvent, options: FakeStripeSendOptions = {}): Promise<FakeStripeDelivery | null> {
    if (!this.events.some((e) => e.id === event.id)) this.events.push(structuredClone(event));
    return this.enqueue(structuredClone(event), options);
  }

  redeliver(eventId: string, options: FakeStripeSendOptions = {}): Promise<FakeStripeDelivery | null> {
    const event = this.events.find((e) => e.id === eventId);
    if (!event) throw invalidRequest(`No such event: '${eventId}'`, "id", "resource_missing", 404);
    return this.enqueue(structuredClone(event), options);
  }

  /** Resolves once every queued delivery has been answered (or failed). */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  reset(): void {
    this.events = [];
    this.records = [];
  }

  private enqueue(event: FakeStripeEvent, options: FakeStripeSendOptions): Promise<FakeStripeDelivery | null> {
    const delivery = this.tail.then(() => this.post(event, options));
    this.tail = delivery.catch(() => undefined);
    return delivery;
  }

  private async post(event: FakeStripeEvent, options: FakeStripeSendOptions): Promise<FakeStripeDelivery | null> {
    const url = this.url;
    if (!url) return null;
    const record: FakeStripeDelivery = {
      eventId: event.id,
      type: event.type,
      url,
      status: null,
      error: null,
      attempt: this.records.filter((d) => d.eventId === event.id).length + 1,
      signature: options.secret !== undefined || options.timestamp !== undefined || options.signatureHeader !== undefined ? "custom" : "valid",
      responseBody: "",
      deliveredAt: new Date().toISOString(),
    };
    try {
      // Stripe sends its events pretty-printed; the signature covers these exact bytes.
      const payload = JSON.stringify(event, null, 2);
      const header =
        options.signatureHeader ?? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? this.secret, timestamp: options.timestamp });
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": header,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      record.status = response.status;
      record.responseBody = (await response.text()).slice(0, 1_000);
    } catch (error) {
      // fetch() says "fetch failed"; the cause says why (ECONNREFUSED, a timeout …).
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      record.error = `${error instanceof Error ? error.message : String(error)}${cause}`;
    }
    this.records.push(record);
    return { ...record };
  }
}
