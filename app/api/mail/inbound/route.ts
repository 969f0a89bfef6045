// POST /api/mail/inbound?token=<MAIL_INBOUND_SECRET> — a customer's e-mailed reply to a support
// thread, posted by Mailjet's Parse API (lib/support/inbound-reply.ts). Off (404) until the
// secret is set. The body is JSON, bounded (attachments come inline, base64); nothing from it
// is logged.
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/config/env";
import { receiveInboundReply } from "@/lib/support/inbound-reply";

const MAX_BODY_BYTES = 15 * 1024 * 1024;
const CODES = { 200: "ok", 400: "invalid_payload", 401: "unauthorized", 404: "not_found", 413: "payload_too_large", 422: "not_accepted" } as const;

function answer(status: keyof typeof CODES, message: string): Response {
  return Response.json(status === 200 ? { ok: true, message } : { error: { code: CODES[status], message } }, { status });
}

function sameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** The body as text, or null when it is larger than the limit (whatever Content-Length says). */
async function readBounded(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: Request): Promise<Response> {
  const secret = getEnv().MAIL_INBOUND_SECRET;
  if (!secret) return answer(404, "Inbound e-mail is not enabled.");
  if (!sameSecret(new URL(request.url).searchParams.get("token") ?? "", secret)) return answer(401, "A valid token is required.");

  const raw = await readBounded(request);
  if (raw === null) return answer(413, `The e-mail is too large (the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB).`);
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    return answer(400, "The body must be the Parse API's JSON.");
  }
  const { status, message } = await receiveInboundReply(payload);
  return answer(status, message);
}
