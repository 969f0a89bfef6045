import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/config/env";
import { isCaptchaEnabled, verifyCaptcha } from "@/lib/captcha/verify-captcha";
import { startFakeRecaptcha, VALID_CAPTCHA_TOKEN, type FakeRecaptcha } from "@/tests/fakes/fake-recaptcha";

// reCAPTCHA on registration, with keys set: the server checks the token with the secret at
// RECAPTCHA_VERIFY_URL (here a local fake of Google's siteverify), refuses a missing or failed
// token with a readable message, and never throws when the endpoint is down or misbehaves.

const SITE_KEY = "captcha-test-site-key";
const SECRET = `captcha-test-secret-${process.pid}`;

let fake: FakeRecaptcha;
let port: number;
let standInServer: Server | undefined;

beforeAll(async () => {
  fake = await startFakeRecaptcha({ port: 0, secret: SECRET });
  port = Number(new URL(fake.url).port);
  // lib/config/env caches the environment on first use: configure it before anything reads it.
  process.env.RECAPTCHA_SITE_KEY = SITE_KEY;
  process.env.RECAPTCHA_SECRET_KEY = SECRET;
  process.env.RECAPTCHA_VERIFY_URL = fake.verifyUrl;
  expect(getEnv().RECAPTCHA_VERIFY_URL).toBe(fake.verifyUrl);
});

afterAll(async () => {
  await fake.close();
  await closeStandIn();
});

beforeEach(() => fake.reset());

async function closeStandIn(): Promise<void> {
  const server = standInServer;
  standInServer = undefined;
  if (!server) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Puts a misbehaving server on the verify URL's port (the fake must be closed first). */
async function standIn(handler: Parameters<typeof createServer>[1]): Promise<void> {
  await closeStandIn();
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  standInServer = server;
}

const readable = (message: string) => {
  expect(message.length).toBeGreaterThan(20);
  expect(message).toMatch(/^[A-Z]/);
  expect(message).not.toMatch(/error-codes|invalid-input|undefined|ECONNREFUSED|fetch failed/i);
};

describe("verifyCaptcha with keys set", () => {
  it("is enabled", () => {
    expect(isCaptchaEnabled()).toBe(true);
  });

  it("refuses a missing token with a readable message, without asking Google", async () => {
    for (const token of [undefined, ""]) {
      const result = await verifyCaptcha(token);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      readable(result.message);
      expect(result.message).toMatch(/robot/i);
    }
    expect(fake.verifications()).toEqual([]);
  });

  it("refuses an invalid token after checking it with the secret", async () => {
    const result = await verifyCaptcha("forged-token");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      readable(result.message);
      expect(result.message).toMatch(/captcha/i);
    }
    expect(fake.verifications()).toMatchObject([
      { response: "forged-token", secretMatched: true, success: false, errorCodes: ["invalid-input-response"] },
    ]);
  });

  it("passes the valid token", async () => {
    expect(await verifyCaptcha(VALID_CAPTCHA_TOKEN)).toEqual({ ok: true });
    expect(fake.verifications()).toMatchObject([{ response: VALID_CAPTCHA_TOKEN, secretMatched: true, success: true }]);
  });

  it("refuses with a 'try again' message, never throwing, when the verify endpoint is unreachable", async () => {
    await fake.close(); // connection refused from now on
    const result = await verifyCaptcha(VALID_CAPTCHA_TOKEN);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      readable(result.message);
      expect(result.message).toMatch(/try again/i);
    }
  });

  it("refuses with a 'try again' message when the endpoint answers an error page instead of JSON", async () => {
    await standIn((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad Gateway</body></html>");
    });
    const result = await verifyCaptcha(VALID_CAPTCHA_TOKEN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/try again/i);
  });

  it("does not pass a token when the endpoint answers JSON without success: true", async () => {
    await standIn((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: "true" }));
    });
    expect((await verifyCaptcha(VALID_CAPTCHA_TOKEN)).ok).toBe(false);
  });

  it("gives up with a 'try again' message when the endpoint hangs", async () => {
    await standIn(() => {
      // accept the request and never answer
    });
    const started = Date.now();
    const result = await verifyCaptcha(VALID_CAPTCHA_TOKEN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/try again/i);
    expect(Date.now() - started, "the registration form must not hang for long").toBeLessThan(10_000);
  }, 15_000);
});
