import { describe, expect, it } from "vitest";
import { rateLimit } from "./rate-limit";

describe("rateLimit", () => {
  it("allows up to the limit in a window, then tells when to retry", () => {
    const key = `test-${Math.random()}`;
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) expect(rateLimit(key, 3, 60_000, now).ok).toBe(true);
    const refused = rateLimit(key, 3, 60_000, now + 1_000);
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 59 });
    expect(rateLimit(key, 3, 60_000, now + 60_000).ok).toBe(true);
  });
  it("keeps keys apart", () => {
    const now = 2_000_000;
    expect(rateLimit("a-key", 1, 60_000, now).ok).toBe(true);
    expect(rateLimit("a-key", 1, 60_000, now).ok).toBe(false);
    expect(rateLimit("b-key", 1, 60_000, now).ok).toBe(true);
  });
});
