import { describe, expect, it } from "vitest";
import { createTurnBatcher } from "./turn-batcher";

describe("createTurnBatcher", () => {
  it("handles the items of one turn together, in order, on the next turn", async () => {
    const handled: string[] = [];
    const later = createTurnBatcher<string>((item) => handled.push(item));
    later("a");
    later("b");
    expect(handled).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual(["a", "b"]);
    later("c");
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual(["a", "b", "c"]);
  });
});
