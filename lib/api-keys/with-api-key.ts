import { readErrorStatus } from "@/lib/analytics/query/read-error-response";
import { isReadCancelled } from "@/lib/analytics/query/read-errors";
import { getAccountBilling, subscriptionRequiredMessage } from "@/lib/billing/account-access";
import { rateLimit } from "@/lib/security/rate-limit";
import { setRequestAccount } from "@/lib/server/request-context";
import { ApiError, errorResponse } from "./api-error";
import { authenticateApiKey } from "./authenticate-api-key";

// Every Stats API route goes through this: Bearer key → owner (401 otherwise), per-key rate
// limit (429 with Retry-After), 402 for a locked account (lib/billing/account-access.ts),
// then the handler; ApiError becomes its JSON answer, a view that is busy or too slow a
// 503 / 504 (lib/analytics/query/read-errors.ts), any other throw a 500 that says nothing
// about the cause. The key's owner is the account whose turn a heavy query takes (read-gate.ts).

export const API_RATE_LIMIT = { limit: 600, windowMs: 60 * 60 * 1000 };

export type ApiKeyContext = { request: Request; url: URL; userId: string; keyId: string };

export function withApiKey(handler: (ctx: ApiKeyContext) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const key = bearerToken(request.headers.get("authorization"));
      if (!key) throw new ApiError(401, "unauthorized", "Send your API key as “Authorization: Bearer ms_…”.", { "WWW-Authenticate": "Bearer" });
      const identity = await authenticateApiKey(key);
      if (!identity) throw new ApiError(401, "unauthorized", "This API key is not valid or has been revoked.", { "WWW-Authenticate": "Bearer" });
      const limited = rateLimit(`stats-api:${identity.keyId}`, API_RATE_LIMIT.limit, API_RATE_LIMIT.windowMs);
      if (!limited.ok) {
        throw new ApiError(429, "rate_limited", `Too many requests: ${API_RATE_LIMIT.limit} per hour per key. Try again in ${limited.retryAfterSeconds} s.`, {
          "Retry-After": String(limited.retryAfterSeconds),
        });
      }
      // A locked account (trial or subscription over, grace period too) reads no statistics;
      // its sites keep recording. Without Stripe keys nobody is locked.
      if ((await getAccountBilling(identity.userId)).locked) throw new ApiError(402, "subscription_required", subscriptionRequiredMessage());
      setRequestAccount(identity.userId);
      return await handler({ request, url: new URL(request.url), ...identity });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      if (isReadCancelled(error)) return new Response(null, { status: 499 });
      const unavailable = readErrorStatus(error);
      if (unavailable) return errorResponse(new ApiError(unavailable.status, unavailable.code, unavailable.message, unavailable.headers));
      console.error(`stats api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return errorResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Please try again."));
    }
  };
}

function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
