// POST /api/event — record a pageview or custom event.
// A raw node:http handler served in front of Next's router (lib/server/http-server.ts),
// because this endpoint takes thousands of requests a second.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isBotUserAgent } from "@/lib/analytics/enrich/bots";
import { getClientIp } from "@/lib/http/client-ip";
import { describeDbError } from "@/lib/db/sql-state";
import { whenDurable } from "@/lib/analytics/store/flusher";
import { countDropped } from "@/lib/analytics/store/stats";
import { getEnv } from "@/lib/config/env";
import { ingestEvent, type IngestOutcome } from "./ingest-event";
import { parseEvent } from "./parse-event";
import { LIMITS } from "./parse-event-fields";
import { readLimitedBody } from "./read-body";
import { createTurnBatcher } from "./turn-batcher";
import { sendAccepted, sendError, sendMethodNotAllowed, sendPreflight, sendTooLarge, sendUnavailable } from "./responses";

// sendBeacon sends text/plain (no preflight); fetch from an integration may send JSON.
const ACCEPTED_TYPE = /^\s*(?:text\/plain|application\/json)\s*(?:;|$)/i;
const RETRY_AFTER_SECONDS = 5;

export function handleEventRequest(req: IncomingMessage, res: ServerResponse): void {
  // A client that hangs up mid-upload: nobody is left to answer, and it must not crash us.
  req.on("error", ignore);
  if (req.method === "POST") return receive(req, res);
  if (req.method === "OPTIONS") return sendPreflight(res);
  sendMethodNotAllowed(res);
}

function receive(req: IncomingMessage, res: ServerResponse): void {
  const type = req.headers["content-type"];
  if (type !== undefined && !ACCEPTED_TYPE.test(type)) {
    return sendError(res, 415, "unsupported_media_type", "Send the event as text/plain or application/json.");
  }
  const declared = Number(req.headers["content-length"]);
  if (declared > LIMITS.bodyBytes) return sendTooLarge(res, LIMITS.bodyBytes);
  readLimitedBody(
    req,
    LIMITS.bodyBytes,
    (body) => handleLater({ req, res, body }),
    () => sendTooLarge(res, LIMITS.bodyBytes),
  );
}

type Received = { req: IncomingMessage; res: ServerResponse; body: string };

const handleLater = createTurnBatcher<Received>(({ req, res, body }) => {
  try {
    handleBody(req, res, body);
  } catch (error) {
    // A bug of ours: answer it instead of taking the process down. Only the error's type
    // and place are logged, never its message, which could quote the visitor's data.
    console.error(`[ingest] internal error: ${describeBug(error)}`);
    sendError(res, 500, "internal", "Something went wrong on our side.");
  }
});

function handleBody(req: IncomingMessage, res: ServerResponse, body: string): void {
  const userAgent = req.headers["user-agent"];
  // Bots get the same 202 as everyone: nothing tells them they were recognised.
  if (userAgent === undefined || isBotUserAgent(userAgent)) {
    countDropped();
    return sendAccepted(res);
  }
  const parsed = parseEvent(body);
  if (!parsed.ok) {
    countDropped();
    return sendError(res, 400, "invalid_event", parsed.error);
  }
  // Used in memory only, for the visitor hash and the location; never stored or logged.
  const ip = getClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], getEnv().TRUSTED_PROXY_HOPS);
  const outcome = ingestEvent(parsed.event, ip, userAgent);
  if (typeof outcome === "string") return answer(res, outcome);
  outcome.then(
    (settled) => answer(res, settled),
    (error: unknown) => {
      console.error(`[ingest] cannot resolve site or salt: ${describeDbError(error)}`);
      sendUnavailable(res, RETRY_AFTER_SECONDS);
    },
  );
}

// 202 promises that the event will be stored: for an accepted event it goes out only once
// the spool has the event on disk, so that not even a crash of this process can lose it.
function answer(res: ServerResponse, outcome: IngestOutcome): void {
  if (outcome === "overloaded") return sendUnavailable(res, RETRY_AFTER_SECONDS);
  if (outcome === "dropped") return sendAccepted(res);
  whenDurable((error) => (error === null ? sendAccepted(res) : sendUnavailable(res, RETRY_AFTER_SECONDS)));
}

function ignore(): void {}

function describeBug(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack?.split("\n").find((line) => line.trimStart().startsWith("at ")) ?? "";
  return `${error.name} ${frame.trim()}`;
}
