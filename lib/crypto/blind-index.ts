import { createHmac } from "node:crypto";
import { getBlindIndexKey } from "./keys";

// A keyed HMAC lets us find a row by e-mail without storing the address: equal inputs give
// equal indexes, but without BLIND_INDEX_KEY nobody can test a guess against the database.

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailBlindIndex(email: string, key: Buffer = getBlindIndexKey()): string {
  return createHmac("sha256", key).update(`email:${normalizeEmail(email)}`).digest("base64url");
}
