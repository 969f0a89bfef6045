// The Stats API's one error shape: { error: { code, message } } with the matching status.
// Handlers throw ApiError for expected failures; anything else is a bug and becomes a 500
// without internal details.

export type ApiErrorCode = "invalid_request" | "unauthorized" | "site_not_found" | "rate_limited" | "subscription_required" | "busy" | "query_timeout" | "internal_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function errorResponse(error: ApiError): Response {
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: { ...NO_STORE, ...error.headers } });
}

export function jsonResponse(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}
