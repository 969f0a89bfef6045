import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("never holds more than its maximum", () => {
    const cache = new LruCache<number, number>(3);
    for (let i = 0; i < 10; i++) cache.set(i, i);
    expect(cache.size).toBe(3);
    expect([cache.get(6), cache.get(7), cache.get(8), cache.get(9)]).toEqual([undefined, 7, 8, 9]);
  });

  it("evicts the least recently used entry, counting reads as use", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("updates an existing key without evicting another", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 10);
    expect([cache.get("a"), cache.get("b"), cache.size]).toEqual([10, 2, 2]);
  });
});
