// Stripe's error answers: `{ error: { type, message, code?, param?, doc_url? } }` with the
// status Stripe uses, so the official client raises the same error classes it raises in
// production (400/404 → StripeInvalidRequestError, 401 → StripeAuthenticationError,
// 500 → StripeAPIError).

export type StripeErrorType = "invalid_request_error" | "api_error" | "idempotency_error";

export type StripeErrorBody = {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
};

export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

export function invalidRequest(message: string, param?: string, code?: string, status = 400): FakeStripeError {
  return new FakeStripeError(status, {
    type: "invalid_request_error",
    message,
    ...(code ? { code, doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}` } : {}),
    ...(param ? { param } : {}),
  });
}

export const missingParam = (param: string) => invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");

export const unknownParam = (param: string) =>
  invalidRequest(`Received unknown parameter: ${param} (the fake Stripe does not know it: tests/fakes/fake-stripe).`, param, "parameter_unknown");

/** An id in the URL that does not exist answers 404; one passed as a parameter answers 400. */
export const noSuch = (kind: string, id: string, param = "id") =>
  invalidRequest(`No such ${kind}: '${id}'`, param, "resource_missing", param === "id" ? 404 : 400);

export const apiError = (message: string) => new FakeStripeError(500, { type: "api_error", message });
