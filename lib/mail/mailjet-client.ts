import Mailjet from "node-mailjet";
import { getEnv } from "@/lib/config/env";
import type { MailMessage } from "./types";

// The official node-mailjet client (Send API v3.1). MAILJET_API_URL points it elsewhere
// (tests use a local fake that speaks the same wire format).

let client: Mailjet | undefined;

function getClient(): Mailjet {
  if (client) return client;
  const env = getEnv();
  const base = new URL(env.MAILJET_API_URL);
  // The client builds "<Request.protocol><host>/<version>/send"; protocol is a static setting.
  (Mailjet.Request as { protocol: string }).protocol = `${base.protocol}//`;
  client = new Mailjet({
    apiKey: env.MAILJET_API_KEY,
    apiSecret: env.MAILJET_API_SECRET,
    config: { host: base.host, version: "v3", output: "json" },
    options: { timeout: 10_000 },
  });
  return client;
}

export class MailjetError extends Error {
  constructor(message: string, readonly status: number | undefined) {
    super(message);
  }
}

export async function sendThroughMailjet(message: MailMessage, customId: string): Promise<void> {
  const from = parseAddress(getEnv().MAIL_FROM);
  try {
    const result = await getClient()
      .post("send", { version: "v3.1" })
      .request({
        Messages: [
          {
            From: from,
            To: [{ Email: message.to }],
            Subject: message.subject,
            TextPart: message.text,
            HTMLPart: message.html,
            CustomID: customId,
            // No open pixels, no rewritten links, whatever the Mailjet account's defaults.
            TrackOpens: "disabled",
            TrackClicks: "disabled",
            ...(message.replyTo ? { ReplyTo: { Email: message.replyTo } } : {}),
            ...(message.headers ? { Headers: message.headers } : {}),
          },
        ],
      });
    const body = result.body as { Messages?: { Status?: string }[] };
    if (body.Messages?.[0]?.Status !== "success") throw new MailjetError("Mailjet did not accept the message", 200);
  } catch (error) {
    if (error instanceof MailjetError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    // Never include the message or the address in the error: it ends up in logs.
    throw new MailjetError(`Mailjet request failed${status ? ` with status ${status}` : ""}`, status);
  }
}

function parseAddress(value: string): { Email: string; Name?: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return match ? { Name: match[1] || undefined, Email: match[2]! } : { Email: value.trim() };
}
