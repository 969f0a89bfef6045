import { SUPPORT_LIMITS } from "./types";

// The last check on a message's text before it is stored (the forms' schemas check first and
// give the person a message; reaching this with bad input is a caller's bug).

export function messageBody(body: string): string {
  const text = body.trim();
  if (text === "") throw new RangeError("a support message cannot be empty");
  if (text.length > SUPPORT_LIMITS.message) throw new RangeError(`a support message is at most ${SUPPORT_LIMITS.message} characters`);
  return text;
}
