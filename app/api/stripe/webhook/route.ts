// POST /api/stripe/webhook — Stripe's events (signature checked on the raw body): lib/billing/webhook.ts
import { receiveStripeWebhook } from "@/lib/billing/webhook";

const MAX_BODY_BYTES = 512 * 1024;

export async function POST(request: Request): Promise<Response> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: "Webhook body too large." }, { status: 413 });
  const rawBody = await request.text();
  try {
    const { status, body } = await receiveStripeWebhook(rawBody, request.headers.get("stripe-signature"));
    return Response.json(body, { status });
  } catch (error) {
    // Stripe retries a 5xx; the event was not recorded as processed, so the retry runs it again.
    console.error(`[stripe] webhook handler failed: ${(error as Error).message}`);
    return Response.json({ error: "Processing failed; Stripe will retry." }, { status: 500 });
  }
}
