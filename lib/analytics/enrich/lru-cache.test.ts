import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("never holds more than its maximum", () => {
    const cache = new LruCache<number, number>(100);
    for (let i = 0; i < 10_000; i++) {
      cache.set(i, i);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.get(9_999)).toBe(9_999);
    expect(cache.get(0)).toBeUndefined();
  });

  it("keeps an entry that keeps being read, whatever else is inserted", () => {
    const cache = new LruCache<string, number>(100);
    cache.set("hot", 1);
    for (let i = 0; i < 10_000; i++) {
      cache.set(`cold-${i}`, i);
      if (i % 40 === 0) expect(cache.get("hot")).toBe(1);
    }
    expect(cache.get("hot")).toBe(1);
  });

  it("drops an entry not read within max insertions", () => {
    const cache = new LruCache<string, number>(100);
    cache.set("once", 1);
    for (let i = 0; i < 100; i++) cache.set(`other-${i}`, i);
    expect(cache.get("once")).toBeUndefined();
  });

  it("updates an existing key in place and can be cleared", () => {
    const cache = new LruCache<string, number>(10);
    cache.set("a", 1);
    cache.set("a", 2);
    expect([cache.get("a"), cache.size]).toEqual([2, 1]);
    cache.clear();
    expect([cache.get("a"), cache.size]).toEqual([undefined, 0]);
  });

  it("stays fast when one key is hit many times (no V8 Map delete/re-insert pathology)", () => {
    const cache = new LruCache<string, number>(5_000);
    for (let i = 0; i < 5_000; i++) cache.set(`k${i}`, i);
    const start = performance.now();
    for (let i = 0; i < 200_000; i++) cache.get("k4999");
    expect(performance.now() - start).toBeLessThan(200); // ~10 ms expected; the pathology takes seconds
  });
});
