import { createHmac, randomBytes } from "node:crypto";

// A visitor is known only as keyed-hash(daily salt; site, IP, user agent). The salt is
// random, kept in the database for one day and then deleted, after which nobody (us
// included) can recompute or link the ids: no IP or user agent is ever stored.
//
// HMAC-SHA256 rather than a faster home-made construction: it is the textbook keyed
// hash, and at ~3 µs per call it costs ~3% of one core at 10,000 events/s.

const MAX_ID = (1n << 63n) - 1n;

export function newSalt(): Buffer {
  return randomBytes(32);
}

/** A positive 63-bit id (1 … 2^63−1), so it fits a Postgres BIGINT. */
export function visitorId(salt: Buffer, siteId: string, ip: string, userAgent: string): bigint {
  // Length-prefixed fields, so ("ab", "c") and ("a", "bc") can never collide.
  const message = `${siteId.length}:${siteId}|${ip.length}:${ip}|${userAgent}`;
  const digest = createHmac("sha256", salt).update(message).digest();
  const id = digest.readBigUInt64BE(0) & MAX_ID;
  return id === 0n ? 1n : id;
}
