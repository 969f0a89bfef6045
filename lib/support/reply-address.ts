import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/config/env";
import { getBlindIndexKey } from "@/lib/crypto/keys";
import { parseReference } from "./reference";

// The address a customer's "Reply" goes to: support+<reference>.<signature>@MAIL_REPLY_DOMAIN,
// e.g. support+ms-7k3q9x2a.3f9c0a1b2d4e@reply.ministat.eu. The signature is an HMAC of the
// reference under a key derived (HKDF, own label) from BLIND_INDEX_KEY — a key that never
// rotates, so addresses in old e-mails keep working. Someone who learns or guesses a
// reference still cannot write to its thread without the signature. Local parts are
// lower-cased (mail systems may change their case), and the signature is lower-case hex.

const SIGNATURE_HEX_CHARS = 12; // 48 bits
const LOCAL_PART = /^support\+(ms-[0-9a-z]{8})\.([0-9a-f]{12})$/;

let cachedKey: { source: Buffer; key: Buffer } | undefined;

function signingKey(): Buffer {
  const source = getBlindIndexKey();
  if (!cachedKey?.source.equals(source)) {
    cachedKey = { source, key: Buffer.from(hkdfSync("sha256", source, Buffer.alloc(0), "ministat support reply address v1", 32)) };
  }
  return cachedKey.key;
}

function signatureOf(reference: string): string {
  return createHmac("sha256", signingKey()).update(reference).digest("hex").slice(0, SIGNATURE_HEX_CHARS);
}

export function replyAddressFor(reference: string): string {
  const canonical = parseReference(reference);
  if (!canonical) throw new Error("not a support reference");
  return `support+${canonical.toLowerCase()}.${signatureOf(canonical)}@${getEnv().MAIL_REPLY_DOMAIN.toLowerCase()}`;
}

/** The reference in a reply address on MAIL_REPLY_DOMAIN; null when it is not one or the signature does not match. */
export function referenceFromReplyAddress(address: string): string | null {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 0 || trimmed.slice(at + 1) !== getEnv().MAIL_REPLY_DOMAIN.toLowerCase()) return null;
  const match = LOCAL_PART.exec(trimmed.slice(0, at));
  if (!match) return null;
  const reference = parseReference(match[1]!);
  if (!reference) return null;
  const expected = Buffer.from(signatureOf(reference));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? reference : null;
}
