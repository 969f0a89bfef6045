import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailBlindIndex } from "./blind-index";
import { decryptField, encryptField, isStale } from "./field-encryption";
import { parseKeyRing } from "./keys";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");

describe("field encryption", () => {
  it("round-trips and never contains the plaintext", () => {
    const ring = parseKeyRing(`1:${k1}`);
    const stored = encryptField("alice@example.com", ring);
    expect(stored).not.toContain("alice");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptField(stored, ring)).toBe("alice@example.com");
  });

  it("uses a fresh IV each time", () => {
    const ring = parseKeyRing(`1:${k1}`);
    expect(encryptField("same", ring)).not.toBe(encryptField("same", ring));
  });

  it("reads old keys and writes with the newest after a rotation", () => {
    const old = parseKeyRing(`1:${k1}`);
    const rotated = parseKeyRing(`1:${k1},2:${k2}`);
    const stored = encryptField("bob@example.com", old);
    expect(isStale(stored, rotated)).toBe(true);
    expect(decryptField(stored, rotated)).toBe("bob@example.com");
    const fresh = encryptField("bob@example.com", rotated);
    expect(fresh.startsWith("v2.")).toBe(true);
    expect(isStale(fresh, rotated)).toBe(false);
  });

  it("rejects tampered ciphertext", () => {
    const ring = parseKeyRing(`1:${k1}`);
    const stored = encryptField("carol@example.com", ring);
    const last = stored.at(-2) === "A" ? "B" : "A";
    const tampered = stored.slice(0, -2) + last + stored.slice(-1);
    expect(() => decryptField(tampered, ring)).toThrow();
  });

  it("fails clearly when the key version is unknown", () => {
    const stored = encryptField("x", parseKeyRing(`2:${k2}`));
    expect(() => decryptField(stored, parseKeyRing(`1:${k1}`))).toThrow(/v2 is not configured/);
  });

  it("rejects malformed keys", () => {
    expect(() => parseKeyRing("1:short")).toThrow(/32 bytes/);
  });
});

describe("blind index", () => {
  const key = randomBytes(32);
  it("is stable under case and whitespace and hides the address", () => {
    const a = emailBlindIndex(" Alice@Example.com ", key);
    expect(a).toBe(emailBlindIndex("alice@example.com", key));
    expect(a).not.toContain("alice");
  });
  it("depends on the key", () => {
    expect(emailBlindIndex("alice@example.com", key)).not.toBe(emailBlindIndex("alice@example.com", randomBytes(32)));
  });
});
