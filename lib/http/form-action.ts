import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/config/env";
import { rateLimit } from "@/lib/security/rate-limit";
import { CLIENT_IP_HEADER } from "./client-ip";
import type { FormState } from "./form-state";
import { MalformedActionRequestError, markServerActionStarted } from "./server-action-scope";

// Every server action goes through here: input parsed with zod, the session resolved (and
// required unless the action says otherwise), optional per-IP rate limit. Expected failures
// come back as a FormState; a throw is a bug — except for a request that does not carry
// form data at all, which no form of ours sends (see server-action-scope.ts: it gets a 400).

type Context<Auth extends boolean> = { user: Auth extends true ? SessionUser : SessionUser | null; ip: string };

type Options<Auth extends boolean> = { requireUser: Auth; rateLimit?: { bucket: string; perMinute?: number } };

const MAX_FIELD_LENGTH = 10_000;

export function formAction<S extends z.ZodType, Auth extends boolean>(
  schema: S,
  options: Options<Auth>,
  handler: (input: z.infer<S>, context: Context<Auth>) => Promise<FormState>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    if (!(formData instanceof FormData)) throw new MalformedActionRequestError();
    markServerActionStarted();
    const user = await getCurrentUser();
    if (options.requireUser && !user) return { status: "error", message: "Your session has ended. Please sign in again." };
    const ip = (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
    if (options.rateLimit) {
      const limit = options.rateLimit.perMinute ?? getEnv().RATE_LIMIT_PER_MINUTE;
      const result = rateLimit(`${options.rateLimit.bucket}:${ip}`, limit);
      if (!result.ok) return { status: "error", message: `Too many attempts. Please wait ${result.retryAfterSeconds} seconds and try again.` };
    }
    const raw: Record<string, string> = {};
    for (const [key, submitted] of formData) {
      if (typeof submitted !== "string") continue;
      // Browsers submit a textarea's line breaks as CRLF but count them as one character:
      // count (and store) them as the person typed them.
      const value = submitted.replace(/\r\n?/g, "\n");
      if (value.length > MAX_FIELD_LENGTH) return { status: "error", message: "That input is too long." };
      if (!key.startsWith("$ACTION")) raw[key] = value;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        fieldErrors[field] ??= issue.message;
      }
      return { status: "error", message: Object.values(fieldErrors)[0], fieldErrors, values: raw };
    }
    const result = await handler(parsed.data, { user: user as Context<Auth>["user"], ip });
    return result.status === "error" ? { values: raw, ...result } : result;
  };
}
