import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, intParam, listen, readBody, sendJson } from "./http-helpers";

// A local stand-in for the Mailjet Send API v3.1 (https://dev.mailjet.com/email/reference/send-emails/),
// speaking the same wire format so that the real node-mailjet client code path runs:
//   POST /v3.1/send   HTTP Basic auth (API key : secret), JSON body { Messages: [...] }
// It records every accepted message and can be told to fail the next n sends with a 500.
//
// A small control API on the same server lets another process (Playwright specs) drive it:
//   GET  /__fake/messages?to=<email>  → recorded messages (optionally only those to <email>)
//   POST /__fake/fail?count=<n>       → the next n sends answer 500
//   POST /__fake/reset                → forget messages and pending failures

export type FakeMailjetMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  from: string;
  customId: string | null;
  /** ReplyTo's address, if the message set one. */
  replyTo: string | null;
  /** Custom headers (Headers), e.g. List-Unsubscribe. */
  headers: Record<string, string>;
};

export type FakeMailjet = {
  url: string;
  close: () => Promise<void>;
  /** Accepted messages, oldest first; one entry per recipient. */
  messages: (filter?: { to?: string }) => FakeMailjetMessage[];
  /** The next `n` send requests (with valid credentials) answer 500 and are not recorded. */
  failNext: (n: number) => void;
  /** Number of send requests answered so far, by outcome. */
  stats: () => { accepted: number; failed: number; rejected: number; unauthorized: number };
  reset: () => void;
};

export type FakeMailjetOptions = { port: number; apiKey: string; apiSecret: string };

type MailjetError = {
  ErrorIdentifier: string;
  ErrorCode: string;
  StatusCode: number;
  ErrorMessage: string;
  ErrorRelatedTo: string[];
};

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const MAX_MESSAGES_PER_CALL = 50;

export async function startFakeMailjet(options: FakeMailjetOptions): Promise<FakeMailjet> {
  const expectedAuth = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString("base64")}`;
  let recorded: FakeMailjetMessage[] = [];
  let failuresLeft = 0;
  const counters = { accepted: 0, failed: 0, rejected: 0, unauthorized: 0 };
  let nextMessageId = 100_000_000;

  const messages = (filter?: { to?: string }) => {
    const to = filter?.to?.trim().toLowerCase();
    return recorded.filter((m) => !to || m.to.toLowerCase() === to).map((m) => ({ ...m }));
  };
  const failNext = (n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError("failNext(n) needs a non-negative integer");
    failuresLeft = n;
  };
  const reset = () => {
    recorded = [];
    failuresLeft = 0;
    for (const key of Object.keys(counters) as (keyof typeof counters)[]) counters[key] = 0;
  };

  async function handleSend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const headers = { "x-mj-request-guid": requestId };
    if (req.headers.authorization !== expectedAuth) {
      counters.unauthorized += 1;
      // What api.mailjet.com answers to a wrong or missing key pair.
      sendJson(
        res,
        401,
        {
          ErrorIdentifier: requestId,
          ErrorCode: "mj-0001",
          StatusCode: 401,
          ErrorMessage: "API key authentication/authorization failure. You may be unauthorized to access the API or your API key may be expired. Visit API keys management section to check your keys.",
        },
        { ...headers, "www-authenticate": 'Basic realm="Provide an apiKey and secretKey"' },
      );
      return;
    }

    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      counters.rejected += 1;
      sendJson(res, 413, globalError(requestId, 413, "mj-0001", "Request entity too large."), headers);
      return;
    }

    if (failuresLeft > 0) {
      failuresLeft -= 1;
      counters.failed += 1;
      sendJson(res, 500, globalError(requestId, 500, "mj-0000", "Internal Server Error (simulated by the fake)."), headers);
      return;
    }

    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      counters.rejected += 1;
      sendJson(res, 400, globalError(requestId, 400, "mj-0002", "Malformed JSON, please review the syntax and properties types."), headers);
      return;
    }
    if (!isRecord(body) || !Array.isArray(body.Messages) || body.Messages.length === 0) {
      counters.rejected += 1;
      sendJson(
        res,
        400,
        globalError(requestId, 400, "mj-0003", 'Missing mandatory property "Messages", or it is not a non-empty array.', ["Messages"]),
        headers,
      );
      return;
    }
    if (body.Messages.length > MAX_MESSAGES_PER_CALL) {
      counters.rejected += 1;
      sendJson(res, 400, globalError(requestId, 400, "mj-0014", `Too many messages: at most ${MAX_MESSAGES_PER_CALL} per call.`, ["Messages"]), headers);
      return;
    }

    const checked = body.Messages.map((message) => validateMessage(message, requestId));
    if (checked.some((c) => c.errors.length > 0)) {
      // Mailjet validates the whole call first: if any message is invalid, nothing is sent.
      counters.rejected += 1;
      sendJson(
        res,
        400,
        { Messages: checked.map((c) => (c.errors.length ? { Status: "error", Errors: c.errors } : { Status: "success", To: [], Cc: [], Bcc: [] })) },
        headers,
      );
      return;
    }

    const receivedAt = new Date().toISOString();
    const results = checked.map(({ message }) => {
      const to = message.To.map((recipient) => {
        recorded.push({
          to: recipient.Email,
          subject: message.Subject,
          text: message.TextPart ?? "",
          html: message.HTMLPart ?? "",
          receivedAt,
          from: message.From.Email,
          customId: message.CustomID ?? null,
          replyTo: message.ReplyTo?.Email ?? null,
          headers: { ...(message.Headers ?? {}) },
        });
        const messageId = nextMessageId++;
        return {
          Email: recipient.Email,
          MessageUUID: randomUUID(),
          MessageID: messageId,
          MessageHref: `https://api.mailjet.com/v3/REST/message/${messageId}`,
        };
      });
      return { Status: "success", ...(message.CustomID ? { CustomID: message.CustomID } : {}), To: to, Cc: [], Bcc: [] };
    });
    counters.accepted += 1;
    sendJson(res, 200, { Messages: results }, headers);
  }

  function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method === "GET" && url.pathname === "/__fake/messages") {
      sendJson(res, 200, messages({ to: url.searchParams.get("to") ?? undefined }));
      return;
    }
    if (req.method === "POST" && url.pathname === "/__fake/fail") {
      const count = intParam(url, "count", 1);
      if (count === undefined) {
        sendJson(res, 400, { error: "count must be a non-negative integer" });
        return;
      }
      failNext(count);
      sendJson(res, 200, { failNext: count });
      return;
    }
    if (req.method === "POST" && url.pathname === "/__fake/reset") {
      reset();
      sendJson(res, 200, { reset: true });
      return;
    }
    if (req.method === "GET" && url.pathname === "/__fake/stats") {
      sendJson(res, 200, { ...counters, failuresLeft });
      return;
    }
    sendJson(res, 404, { error: `no such control route: ${req.method ?? "?"} ${url.pathname}` });
  }

  const fake = await listen(
    options.port,
    async (req, res, url) => {
      if (url.pathname.startsWith("/__fake/")) return handleControl(req, res, url);
      if (url.pathname === "/v3.1/send") {
        if (req.method !== "POST") {
          sendJson(res, 405, globalError(randomUUID(), 405, "mj-0000", "Method not allowed."), { allow: "POST" });
          return;
        }
        return handleSend(req, res);
      }
      sendJson(res, 404, globalError(randomUUID(), 404, "mj-0000", `Not found: ${url.pathname} (this fake only knows POST /v3.1/send).`));
    },
    "fake-mailjet",
  );

  return {
    url: fake.url,
    close: fake.close,
    messages,
    failNext,
    stats: () => ({ ...counters }),
    reset,
  };
}

type ValidMessage = {
  From: { Email: string; Name?: string };
  To: { Email: string; Name?: string }[];
  Subject: string;
  TextPart?: string;
  HTMLPart?: string;
  CustomID?: string;
  ReplyTo?: { Email: string; Name?: string };
  Headers?: Record<string, string>;
};

function validateMessage(input: unknown, requestId: string): { message: ValidMessage; errors: MailjetError[] } {
  const errors: MailjetError[] = [];
  const error = (code: string, text: string, related: string) =>
    errors.push({ ErrorIdentifier: requestId, ErrorCode: code, StatusCode: 400, ErrorMessage: text, ErrorRelatedTo: [related] });

  const message = isRecord(input) ? input : {};
  if (!isRecord(input)) error("mj-0004", 'Type mismatch. Expected type "object".', "Messages");

  const from = message.From;
  if (from === undefined) error("mj-0003", 'Missing mandatory property "From".', "From");
  else if (!isAddress(from)) error("mj-0013", '"From.Email" is not a valid email address.', "From.Email");

  const to = message.To;
  if (to === undefined) error("mj-0003", 'Missing mandatory property "To".', "To");
  else if (!Array.isArray(to) || to.length === 0) error("mj-0004", 'Type mismatch. Expected type "array of emails".', "To");
  else
    to.forEach((recipient, i) => {
      if (!isAddress(recipient)) error("mj-0013", `"To[${i}].Email" is not a valid email address.`, `To[${i}].Email`);
    });

  if (message.Subject === undefined) error("mj-0003", 'Missing mandatory property "Subject".', "Subject");
  else if (typeof message.Subject !== "string") error("mj-0004", 'Type mismatch. Expected type "string".', "Subject");

  for (const part of ["TextPart", "HTMLPart", "CustomID"] as const) {
    if (message[part] !== undefined && typeof message[part] !== "string") error("mj-0004", 'Type mismatch. Expected type "string".', part);
  }
  if (message.ReplyTo !== undefined && !isAddress(message.ReplyTo)) error("mj-0013", '"ReplyTo.Email" is not a valid email address.', "ReplyTo.Email");
  if (message.Headers !== undefined && (!isRecord(message.Headers) || Object.values(message.Headers).some((v) => typeof v !== "string"))) {
    error("mj-0004", 'Type mismatch. Expected type "object of strings".', "Headers");
  }
  if (message.TextPart === undefined && message.HTMLPart === undefined && message.TemplateID === undefined) {
    error("mj-0003", 'At least "HTMLPart", "TextPart" or "TemplateID" must be provided.', "TextPart");
  }
  return { message: message as ValidMessage, errors };
}

function isAddress(value: unknown): value is { Email: string } {
  return (
    isRecord(value) &&
    typeof value.Email === "string" &&
    EMAIL.test(value.Email) &&
    (value.Name === undefined || typeof value.Name === "string")
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function globalError(id: string, status: number, code: string, message: string, related?: string[]) {
  return { ErrorIdentifier: id, ErrorCode: code, StatusCode: status, ErrorMessage: message, ...(related ? { ErrorRelatedTo: related } : {}) };
}
