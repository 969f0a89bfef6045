import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSalt, visitorId } from "./visitor-id";

const salt = Buffer.alloc(32, 7);
const site = "0b7a3c1e-2f4d-4e6a-9b8c-1d2e3f4a5b6c";
const ip = "203.0.113.77";
const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const MAX = 2n ** 63n - 1n;

describe("visitorId", () => {
  it("is deterministic for the same inputs", () => {
    expect(visitorId(salt, site, ip, ua)).toBe(visitorId(Buffer.from(salt), site, ip, ua));
  });

  it("pins the construction (HMAC-SHA256, first 63 bits)", () => {
    // Changing this value changes every visitor id of the day: do it only on purpose.
    expect(visitorId(salt, site, ip, ua)).toMatchInlineSnapshot(`4701007532059390657n`);
  });

  it("equals HMAC-SHA256 from node:crypto, for short, long and non-ASCII inputs", () => {
    const reference = (key: Buffer, message: string) => {
      const id = createHmac("sha256", key).update(message).digest().readBigUInt64BE(0) & MAX;
      return id === 0n ? 1n : id;
    };
    for (const agent of ["", ua, `${ua} ${"x".repeat(5_000)}`, "Mozilla/5.0 (Linux; Android 14; 小米 13) 😀"]) {
      const key = newSalt();
      expect(visitorId(key, site, ip, agent)).toBe(reference(key, `${site.length}:${site}|${ip.length}:${ip}|${agent}`));
    }
  });

  it("differs by salt, site, IP and user agent", () => {
    const id = visitorId(salt, site, ip, ua);
    expect(visitorId(Buffer.alloc(32, 8), site, ip, ua)).not.toBe(id);
    expect(visitorId(salt, "another-site", ip, ua)).not.toBe(id);
    expect(visitorId(salt, site, "203.0.113.78", ua)).not.toBe(id);
    expect(visitorId(salt, site, ip, `${ua} Edg/124.0`)).not.toBe(id);
  });

  it("does not let field boundaries shift", () => {
    expect(visitorId(salt, "ab", "c", "d")).not.toBe(visitorId(salt, "a", "bc", "d"));
    expect(visitorId(salt, "a", "b|c", "d")).not.toBe(visitorId(salt, "a", "b", "c|d"));
  });

  it("is a positive 63-bit integer (fits a Postgres BIGINT)", () => {
    for (let i = 0; i < 2_000; i++) {
      const id = visitorId(newSalt(), site, `198.51.100.${i % 256}`, ua);
      expect(id).toBeGreaterThan(0n);
      expect(id).toBeLessThanOrEqual(MAX);
    }
  });
});

describe("newSalt", () => {
  it("returns 32 fresh random bytes", () => {
    const a = newSalt();
    expect(a).toHaveLength(32);
    expect(a.equals(newSalt())).toBe(false);
  });
});
