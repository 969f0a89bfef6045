import { getEnv } from "@/lib/config/env";

// reCAPTCHA on registration and on the signed-out support form: when keys are set, the token
// from the form is checked with Google's siteverify API (RECAPTCHA_VERIFY_URL lets tests use a
// local fake).

export type CaptchaResult = { ok: true } | { ok: false; message: string };

export function isCaptchaEnabled(): boolean {
  return Boolean(getEnv().RECAPTCHA_SITE_KEY);
}

/** `task` completes the sentence asking for the tick: "Please tick … before <task>." */
export async function verifyCaptcha(token: string | undefined, task = "creating your account"): Promise<CaptchaResult> {
  const env = getEnv();
  if (!env.RECAPTCHA_SECRET_KEY) return { ok: true };
  if (!token) return { ok: false, message: `Please tick “I’m not a robot” before ${task}.` };
  try {
    const response = await fetch(env.RECAPTCHA_VERIFY_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ secret: env.RECAPTCHA_SECRET_KEY, response: token }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { success?: boolean };
    if (body.success === true) return { ok: true };
    return { ok: false, message: "The captcha check failed or expired. Please tick the box again." };
  } catch {
    return { ok: false, message: "We could not check the captcha just now. Please try again in a moment." };
  }
}
