import { randomInt } from "node:crypto";

// A thread's public reference, e.g. "MS-7K3Q9X2A": in the confirmation e-mail, in subjects and
// in the reply address. Eight random symbols from a 30-letter alphabet without look-alikes
// (no 0/O, 1/I/L, U) give ~6.6·10^11 values: unique in practice (the database's unique index
// has the last word) and not something to enumerate. Knowing one is not enough to write to
// the thread: the reply address is signed (reply-address.ts) and pages check the account.

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 8;

export const REFERENCE_PATTERN = /^MS-[2-9A-HJKMNP-TV-Z]{8}$/;

export function newReference(): string {
  let symbols = "";
  for (let i = 0; i < LENGTH; i++) symbols += ALPHABET[randomInt(ALPHABET.length)];
  return `MS-${symbols}`;
}

/** "ms-7k3q9x2a" or " MS-7K3Q9X2A " → "MS-7K3Q9X2A"; null when it is not a reference. */
export function parseReference(input: string): string | null {
  const reference = input.trim().toUpperCase();
  return REFERENCE_PATTERN.test(reference) ? reference : null;
}
