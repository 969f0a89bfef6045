import { hash, randomBytes } from "node:crypto";

// A visitor is known only as keyed-hash(daily salt; site, IP, user agent). The salt is
// random, kept in the database for one day and then deleted, after which nobody (us
// included) can recompute or link the ids: no IP or user agent is ever stored.
//
// The keyed hash is HMAC-SHA256, the textbook construction, but computed from its
// definition (RFC 2104: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m))) with two one-shot
// crypto.hash() calls instead of createHmac(): createHmac builds a native object for
// every call, which measured ~15 µs per event on the loaded 2-core machine, against
// ~3 µs for this. The output is bit for bit the same (the test pins it).

const MAX_ID = (1n << 63n) - 1n;
const BLOCK_BYTES = 64; // SHA-256's block size; a 32-byte salt is zero-padded to it
const DIGEST_BYTES = 32;

type Pads = { inner: Buffer; outer: Buffer };

// The padded keys of each salt, derived once: a salt serves a site for a whole day.
const padsBySalt = new WeakMap<Buffer, Pads>();

// Reused buffers: [inner pad ‖ message] and [outer pad ‖ inner digest]. Safe because
// visitorId is synchronous and nothing else touches them.
let innerInput = Buffer.alloc(BLOCK_BYTES + 1024);
const outerInput = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES);

export function newSalt(): Buffer {
  return randomBytes(32);
}

/** A positive 63-bit id (1 … 2^63−1), so it fits a Postgres BIGINT. */
export function visitorId(salt: Buffer, siteId: string, ip: string, userAgent: string): bigint {
  // Length-prefixed fields, so ("ab", "c") and ("a", "bc") can never collide.
  const message = `${siteId.length}:${siteId}|${ip.length}:${ip}|${userAgent}`;
  const hex = hmacSha256Hex(padsFor(salt), message);
  const id = BigInt(`0x${hex.slice(0, 16)}`) & MAX_ID;
  return id === 0n ? 1n : id;
}

function hmacSha256Hex(pads: Pads, message: string): string {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit; grow only when it might not fit.
  if (BLOCK_BYTES + message.length * 3 > innerInput.length) innerInput = Buffer.alloc(BLOCK_BYTES + message.length * 3);
  pads.inner.copy(innerInput, 0);
  const length = innerInput.write(message, BLOCK_BYTES, "utf8");
  const innerDigest = hash("sha256", innerInput.subarray(0, BLOCK_BYTES + length), "hex");
  pads.outer.copy(outerInput, 0);
  outerInput.write(innerDigest, BLOCK_BYTES, "hex");
  return hash("sha256", outerInput, "hex");
}

function padsFor(salt: Buffer): Pads {
  let pads = padsBySalt.get(salt);
  if (pads === undefined) {
    if (salt.length > BLOCK_BYTES) throw new Error("a salt must be at most 64 bytes");
    const inner = Buffer.alloc(BLOCK_BYTES, 0x36);
    const outer = Buffer.alloc(BLOCK_BYTES, 0x5c);
    for (let i = 0; i < salt.length; i++) {
      inner[i] = 0x36 ^ salt[i]!;
      outer[i] = 0x5c ^ salt[i]!;
    }
    pads = { inner, outer };
    padsBySalt.set(salt, pads);
  }
  return pads;
}
