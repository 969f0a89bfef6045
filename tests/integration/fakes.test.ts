import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeMailjet, type FakeMailjet } from "@/tests/fakes/fake-mailjet";
import { startFakeRecaptcha, VALID_CAPTCHA_TOKEN, type FakeRecaptcha } from "@/tests/fakes/fake-recaptcha";

// The fakes must speak the real wire formats: these tests drive them with the app's own
// clients (node-mailjet through lib/mail/mailjet-client, fetch through lib/captcha) and
// with raw HTTP for the error answers the clients hide.

const KEY = "fake-key";
const SECRET = "fake-secret";
const CAPTCHA_SECRET = "fake-captcha-secret";

let mailjet: FakeMailjet;
let recaptcha: FakeRecaptcha;

beforeAll(async () => {
  mailjet = await startFakeMailjet({ port: 0, apiKey: KEY, apiSecret: SECRET });
  recaptcha = await startFakeRecaptcha({ port: 0, secret: CAPTCHA_SECRET });
  // Read lazily by lib/config/env on first use, which happens below.
  process.env.MAILJET_API_KEY = KEY;
  process.env.MAILJET_API_SECRET = SECRET;
  process.env.MAILJET_API_URL = mailjet.url;
  process.env.MAIL_FROM = "MiniStat <hello@ministat.eu>";
  process.env.RECAPTCHA_SITE_KEY = "fake-site-key";
  process.env.RECAPTCHA_SECRET_KEY = CAPTCHA_SECRET;
  process.env.RECAPTCHA_VERIFY_URL = recaptcha.verifyUrl;
});

afterAll(async () => {
  await mailjet.close();
  await recaptcha.close();
});

beforeEach(() => {
  mailjet.reset();
  recaptcha.reset();
});

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;

const message = (to: string) => ({
  From: { Email: "hello@ministat.eu", Name: "MiniStat" },
  To: [{ Email: to }],
  Subject: "Hello",
  TextPart: "Plain text",
  HTMLPart: "<p>HTML</p>",
  CustomID: "mail-1",
});

async function postSend(body: unknown, auth = basic(KEY, SECRET)) {
  const response = await fetch(`${mailjet.url}/v3.1/send`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("fake Mailjet", () => {
  it("accepts a message sent by the real node-mailjet client and records it", async () => {
    const { sendThroughMailjet } = await import("@/lib/mail/mailjet-client");
    await sendThroughMailjet({ to: "Owner@Example.com", subject: "Sign in", text: "Open http://x/link", html: "<a href=x>link</a>" }, "mail-42");

    const [recorded, ...rest] = mailjet.messages();
    expect(rest).toEqual([]);
    expect(recorded).toMatchObject({
      to: "Owner@Example.com",
      subject: "Sign in",
      text: "Open http://x/link",
      html: "<a href=x>link</a>",
      from: "hello@ministat.eu",
      customId: "mail-42",
    });
    expect(Date.parse(recorded?.receivedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(mailjet.messages({ to: "owner@example.com" }), "the filter ignores case").toHaveLength(1);
    expect(mailjet.messages({ to: "someone@else.com" })).toEqual([]);
  });

  it("answers 500 to the next n sends after failNext(n), and the client sees the status", async () => {
    const { sendThroughMailjet, MailjetError } = await import("@/lib/mail/mailjet-client");
    const mail = { to: "retry@example.com", subject: "S", text: "T", html: "<p>H</p>" };
    mailjet.failNext(2);
    for (let i = 0; i < 2; i++) {
      const error = await sendThroughMailjet(mail, `retry-${i}`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailjetError);
      expect((error as InstanceType<typeof MailjetError>).status).toBe(500);
    }
    await sendThroughMailjet(mail, "retry-2");
    expect(mailjet.messages({ to: "retry@example.com" }).map((m) => m.customId)).toEqual(["retry-2"]);
    expect(mailjet.stats()).toMatchObject({ accepted: 1, failed: 2 });
  });

  it("answers a success body in Mailjet's v3.1 format", async () => {
    const { status, body } = await postSend({ Messages: [message("a@example.com")] });
    expect(status).toBe(200);
    const result = (body.Messages as Record<string, unknown>[])[0];
    expect(result).toMatchObject({ Status: "success", CustomID: "mail-1", To: [{ Email: "a@example.com" }] });
    expect(typeof ((result?.To as Record<string, unknown>[])[0]?.MessageID)).toBe("number");
  });

  it("refuses wrong or missing credentials with 401 and records nothing", async () => {
    const wrong = await postSend({ Messages: [message("a@example.com")] }, basic(KEY, "nope"));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ StatusCode: 401 });
    expect(String(wrong.body.ErrorMessage)).toContain("API key authentication/authorization failure");
    const missing = await postSend({ Messages: [message("a@example.com")] }, "");
    expect(missing.status).toBe(401);
    expect(mailjet.messages()).toEqual([]);
    expect(mailjet.stats().unauthorized).toBe(2);
  });

  it("validates the body: 400 with per-message errors, nothing recorded", async () => {
    const bad = await postSend({ Messages: [{ ...message("not-an-address"), Subject: 7 }, message("ok@example.com")] });
    expect(bad.status).toBe(400);
    const [first, second] = bad.body.Messages as { Status: string; Errors?: { ErrorRelatedTo: string[]; StatusCode: number }[] }[];
    expect(first?.Status).toBe("error");
    expect(first?.Errors?.flatMap((e) => e.ErrorRelatedTo)).toEqual(expect.arrayContaining(["To[0].Email", "Subject"]));
    expect(first?.Errors?.every((e) => e.StatusCode === 400)).toBe(true);
    expect(second?.Status).toBe("success");
    expect(mailjet.messages(), "an invalid call sends nothing at all").toEqual([]);

    const noParts = await postSend({ Messages: [{ From: { Email: "a@b.eu" }, To: [{ Email: "c@d.eu" }], Subject: "x" }] });
    expect(noParts.status).toBe(400);
    expect(JSON.stringify(noParts.body)).toContain("TextPart");

    const noMessages = await postSend({ messages: [] });
    expect(noMessages.status).toBe(400);
    expect(noMessages.body).toMatchObject({ StatusCode: 400, ErrorRelatedTo: ["Messages"] });

    const notJson = await postSend("{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ ErrorCode: "mj-0002" });
  });

  it("is driven over HTTP by its control API", async () => {
    expect((await fetch(`${mailjet.url}/__fake/fail?count=1`, { method: "POST" })).status).toBe(200);
    expect((await postSend({ Messages: [message("ctl@example.com")] })).status).toBe(500);
    expect((await postSend({ Messages: [message("ctl@example.com")] })).status).toBe(200);
    await postSend({ Messages: [message("other@example.com")] });

    const listed = (await (await fetch(`${mailjet.url}/__fake/messages?to=${encodeURIComponent("ctl@example.com")}`)).json()) as Record<string, unknown>[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ to: "ctl@example.com", subject: "Hello", text: "Plain text", html: "<p>HTML</p>" });
    expect(typeof listed[0]?.receivedAt).toBe("string");
    const all = (await (await fetch(`${mailjet.url}/__fake/messages`)).json()) as unknown[];
    expect(all).toHaveLength(2);

    expect((await fetch(`${mailjet.url}/__fake/fail?count=-1`, { method: "POST" })).status).toBe(400);
    expect((await fetch(`${mailjet.url}/__fake/reset`, { method: "POST" })).status).toBe(200);
    expect(mailjet.messages()).toEqual([]);
  });

  it("rejects other routes and methods", async () => {
    expect((await fetch(`${mailjet.url}/v3.1/send`)).status).toBe(405);
    expect((await fetch(`${mailjet.url}/v3/send`, { method: "POST" })).status).toBe(404);
  });
});

describe("fake reCAPTCHA", () => {
  const verify = async (params: Record<string, string>) => {
    const response = await fetch(recaptcha.verifyUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { success: boolean; "error-codes"?: string[]; hostname?: string };
  };

  it("verifies the valid token with the right secret, like Google", async () => {
    const body = await verify({ secret: CAPTCHA_SECRET, response: VALID_CAPTCHA_TOKEN });
    expect(body.success).toBe(true);
    expect(body["error-codes"]).toBeUndefined();
    expect(body.hostname).toBe("localhost");
  });

  it("answers Google's error codes", async () => {
    expect(await verify({ secret: CAPTCHA_SECRET, response: "forged" })).toEqual({ success: false, "error-codes": ["invalid-input-response"] });
    expect(await verify({ secret: "wrong", response: VALID_CAPTCHA_TOKEN })).toEqual({ success: false, "error-codes": ["invalid-input-secret"] });
    expect(await verify({ secret: CAPTCHA_SECRET, response: "" })).toEqual({ success: false, "error-codes": ["missing-input-response"] });
    expect(await verify({ secret: CAPTCHA_SECRET })).toEqual({ success: false, "error-codes": ["missing-input-response"] });
    expect(recaptcha.verifications().map((v) => v.success)).toEqual([false, false, false, false]);
  });

  it("works with the app's verifier (lib/captcha)", async () => {
    const { verifyCaptcha } = await import("@/lib/captcha/verify-captcha");
    expect(await verifyCaptcha(VALID_CAPTCHA_TOKEN)).toEqual({ ok: true });
    expect((await verifyCaptcha("forged")).ok).toBe(false);
    expect(recaptcha.verifications()).toMatchObject([
      { response: VALID_CAPTCHA_TOKEN, secretMatched: true, success: true },
      { response: "forged", secretMatched: true, success: false, errorCodes: ["invalid-input-response"] },
    ]);
    const listed = (await (await fetch(`${recaptcha.url}/__fake/verifications`)).json()) as unknown[];
    expect(listed).toHaveLength(2);
  });
});
