import { describe, expect, it } from "vitest";
import { hashSharePassword, isValidShareCookie, newShareSlug, shareCookieName, shareCookieValue, sharePasswordSchema, verifySharedLinkPassword } from "./shared-links";

const secret = "x".repeat(32);

describe("share link passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashSharePassword("correct horse");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifySharedLinkPassword(hash, "correct horse")).toBe(true);
    expect(await verifySharedLinkPassword(hash, "correct horse ")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashSharePassword("same password")).not.toBe(await hashSharePassword("same password"));
  });

  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await verifySharedLinkPassword("plain", "plain")).toBe(false);
  });

  it("accepts an empty password (open link) or one of 8+ characters", () => {
    expect(sharePasswordSchema.safeParse("").success).toBe(true);
    expect(sharePasswordSchema.safeParse("short").success).toBe(false);
    expect(sharePasswordSchema.safeParse("long enough").success).toBe(true);
  });
});

describe("share cookie", () => {
  it("is tied to the slug and the password hash", () => {
    const value = shareCookieValue("slug-a", "hash-1", secret);
    expect(isValidShareCookie("slug-a", "hash-1", value, secret)).toBe(true);
    expect(isValidShareCookie("slug-b", "hash-1", value, secret)).toBe(false);
    expect(isValidShareCookie("slug-a", "hash-2", value, secret)).toBe(false);
    expect(isValidShareCookie("slug-a", "hash-1", value, "y".repeat(32))).toBe(false);
    expect(isValidShareCookie("slug-a", "hash-1", undefined, secret)).toBe(false);
  });

  it("names the cookie after the slug", () => {
    expect(shareCookieName("abc")).toBe("ministat.share.abc");
  });
});

describe("newShareSlug", () => {
  it("is 16 random bytes in base64url", () => {
    const slug = newShareSlug();
    expect(slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(slug, "base64url")).toHaveLength(16);
    expect(newShareSlug()).not.toBe(slug);
  });
});
