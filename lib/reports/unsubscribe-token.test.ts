import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";

const key = randomBytes(32);
const id = "cmabc123def456ghi789jkl0";

describe("unsubscribe tokens", () => {
  it("round-trip to the subscription id", () => {
    const token = createUnsubscribeToken(id, key);
    expect(token.startsWith(`${id}.`)).toBe(true);
    expect(readUnsubscribeToken(token, key)).toBe(id);
  });

  it("refuse another id, a changed signature, another key and junk", () => {
    const token = createUnsubscribeToken(id, key);
    const mac = token.split(".")[1]!;
    expect(readUnsubscribeToken(`cmzzz123def456ghi789jkl0.${mac}`, key)).toBeNull();
    expect(readUnsubscribeToken(`${id}.${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`, key)).toBeNull();
    expect(readUnsubscribeToken(token, randomBytes(32))).toBeNull();
    for (const junk of ["", ".", id, `${id}.`, `${token}.x`, `${id}.${"A".repeat(44)}`, `../etc.${mac}`]) expect(readUnsubscribeToken(junk, key)).toBeNull();
  });
});
