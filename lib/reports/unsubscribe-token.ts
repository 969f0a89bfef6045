import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getBlindIndexKey } from "@/lib/crypto/keys";

// The token in a report's unsubscribe link: "<subscription id>.<HMAC of the id>". Stateless —
// nothing stored, it works without a session and for as long as the subscription exists —
// and unforgeable: the key is derived (HKDF, a label of its own) from BLIND_INDEX_KEY, which
// never rotates because every blind index depends on it, so links in old e-mails keep working.

const LABEL = "ministat:report-unsubscribe:v1";
const ID = /^[a-z0-9]{8,40}$/;

function signature(subscriptionId: string, rootKey: Buffer): Buffer {
  const key = Buffer.from(hkdfSync("sha256", rootKey, Buffer.alloc(0), LABEL, 32));
  return createHmac("sha256", key).update(subscriptionId).digest();
}

export function createUnsubscribeToken(subscriptionId: string, rootKey: Buffer = getBlindIndexKey()): string {
  return `${subscriptionId}.${signature(subscriptionId, rootKey).toString("base64url")}`;
}

/** The subscription id the token was made for, or null when it is malformed or forged. */
export function readUnsubscribeToken(token: string, rootKey: Buffer = getBlindIndexKey()): string | null {
  const [id, mac, extra] = token.split(".");
  if (!id || !mac || extra !== undefined || !ID.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
  const expected = signature(id, rootKey);
  const actual = Buffer.from(mac, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
}
