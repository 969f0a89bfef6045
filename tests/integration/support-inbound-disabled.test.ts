import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Without MAIL_INBOUND_SECRET, inbound e-mail is off: the route answers 404 to everything,
// a token and a well-signed reply address included, and stores nothing.
delete process.env.MAIL_INBOUND_SECRET;
delete process.env.MAILJET_API_KEY;
delete process.env.MAILJET_API_SECRET;

import { POST } from "@/app/api/mail/inbound/route";
import { getEnv } from "@/lib/config/env";
import { stopQueue } from "@/lib/jobs/queue";
import { openSupportThread } from "@/lib/support/open-thread";
import { replyAddressFor } from "@/lib/support/reply-address";
import { mailjetParsePayload } from "@/tests/fakes/mailjet-parse";
import { serveRouteHandler, type RouteServer } from "@/tests/support/webhook-receiver";
import { supportRowCounts, uniqueAddress } from "./helpers/support-desk";

let inbound: RouteServer;

beforeAll(async () => {
  expect(getEnv().MAIL_INBOUND_SECRET).toBeUndefined();
  inbound = await serveRouteHandler(POST);
});

afterAll(async () => {
  await inbound?.close();
  await stopQueue();
});

describe("POST /api/mail/inbound without MAIL_INBOUND_SECRET", () => {
  it("answers 404 and stores nothing, whatever the token", async () => {
    const email = uniqueAddress("off");
    const { reference } = await openSupportThread({ email, subject: "Hello", message: "First" });
    const payload = JSON.stringify(mailjetParsePayload({ to: replyAddressFor(reference), from: email, text: "A reply" }));
    const before = await supportRowCounts();
    for (const query of ["", "?token=", "?token=undefined", `?token=${"x".repeat(32)}`]) {
      const response = await fetch(`${inbound.url}/api/mail/inbound${query}`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
      expect(response.status, query).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "Inbound e-mail is not enabled." } });
    }
    expect(await supportRowCounts()).toEqual(before);
  });
});
