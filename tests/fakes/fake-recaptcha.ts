import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, listen, readBody, sendJson } from "./http-helpers";

// A local stand-in for Google's reCAPTCHA verification endpoint
// (https://developers.google.com/recaptcha/docs/verify):
//   POST /recaptcha/api/siteverify   form-encoded (or query) `secret`, `response`, optional `remoteip`
// answers { success, challenge_ts?, hostname?, "error-codes"? } like Google does.
// A token is valid iff it equals VALID_CAPTCHA_TOKEN and the secret matches.
//
// Control API for other processes:
//   GET  /__fake/verifications  → every verification request received (secret masked)
//   POST /__fake/reset          → forget them

export const VALID_CAPTCHA_TOKEN = "valid-captcha-token";

export type FakeRecaptchaVerification = {
  response: string;
  secretMatched: boolean;
  remoteip: string | null;
  success: boolean;
  errorCodes: string[];
  receivedAt: string;
};

export type FakeRecaptcha = {
  url: string;
  /** The full verify URL, for RECAPTCHA_VERIFY_URL. */
  verifyUrl: string;
  close: () => Promise<void>;
  verifications: () => FakeRecaptchaVerification[];
  reset: () => void;
};

export type FakeRecaptchaOptions = { port: number; secret: string; hostname?: string };

export const RECAPTCHA_VERIFY_PATH = "/recaptcha/api/siteverify";

export async function startFakeRecaptcha(options: FakeRecaptchaOptions): Promise<FakeRecaptcha> {
  let recorded: FakeRecaptchaVerification[] = [];

  async function handleVerify(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let raw: string;
    try {
      raw = await readBody(req, 64 * 1024);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      sendJson(res, 413, { success: false, "error-codes": ["bad-request"] });
      return;
    }
    // Google reads the parameters from the form body or, failing that, the query string.
    const contentType = req.headers["content-type"] ?? "";
    const form = new URLSearchParams(contentType.includes("application/json") ? "" : raw);
    const param = (name: string) => form.get(name) ?? url.searchParams.get(name) ?? "";
    const secret = param("secret");
    const response = param("response");
    const remoteip = param("remoteip") || null;

    const errorCodes: string[] = [];
    if (!secret) errorCodes.push("missing-input-secret");
    else if (secret !== options.secret) errorCodes.push("invalid-input-secret");
    if (!response) errorCodes.push("missing-input-response");
    else if (response !== VALID_CAPTCHA_TOKEN) errorCodes.push("invalid-input-response");

    const success = errorCodes.length === 0;
    recorded.push({
      response,
      secretMatched: secret === options.secret,
      remoteip,
      success,
      errorCodes,
      receivedAt: new Date().toISOString(),
    });
    sendJson(
      res,
      200,
      success
        ? { success: true, challenge_ts: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), hostname: options.hostname ?? "localhost" }
        : { success: false, "error-codes": errorCodes },
    );
  }

  const fake = await listen(
    options.port,
    async (req, res, url) => {
      if (url.pathname === RECAPTCHA_VERIFY_PATH) {
        if (req.method !== "POST" && req.method !== "GET") {
          sendJson(res, 405, { success: false, "error-codes": ["bad-request"] }, { allow: "POST" });
          return;
        }
        return handleVerify(req, res, url);
      }
      if (req.method === "GET" && url.pathname === "/__fake/verifications") {
        sendJson(res, 200, recorded);
        return;
      }
      if (req.method === "POST" && url.pathname === "/__fake/reset") {
        recorded = [];
        sendJson(res, 200, { reset: true });
        return;
      }
      sendJson(res, 404, { error: `not found: ${req.method ?? "?"} ${url.pathname}` });
    },
    "fake-recaptcha",
  );

  return {
    url: fake.url,
    verifyUrl: `${fake.url}${RECAPTCHA_VERIFY_PATH}`,
    close: fake.close,
    verifications: () => recorded.map((v) => ({ ...v, errorCodes: [...v.errorCodes] })),
    reset: () => {
      recorded = [];
    },
  };
}
