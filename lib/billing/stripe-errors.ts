import Stripe from "stripe";

// A Stripe call that failed (Stripe down, a timeout, a refused request) is an expected
// failure for the billing pages: logged here, answered with a message that names no cause.
// Anything else is a bug and is thrown again, unless the caller must show a page whatever
// happens (the invoices section of the billing page).

export function stripeFailure(what: string, error: unknown, options: { rethrowOthers: boolean } = { rethrowOthers: true }): string {
  if (error instanceof Stripe.errors.StripeError) {
    console.error(`stripe ${what}: ${error.type} ${error.statusCode ?? ""} ${error.message}`);
  } else if (options.rethrowOthers) {
    throw error;
  } else {
    console.error(`stripe ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  return "We could not reach our payment provider, Stripe. Please try again in a minute.";
}

export function isStripeNotFound(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && error.statusCode === 404;
}
