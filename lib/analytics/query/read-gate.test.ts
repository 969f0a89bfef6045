import { describe, expect, it } from "vitest";
import { ReadBusyError, ReadCancelledError } from "./read-errors";
import { ReadGate, type Release } from "./read-gate";

// The gate's bookkeeping on its own: limits, turn order between accounts, giving up.

const settled = <T,>(promise: Promise<T>) => {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("ReadGate", () => {
  it("lets at most perAccount reads of one account and total reads in all run at once", async () => {
    const gate = new ReadGate({ total: 3, perAccount: 2, maxWaitMs: 60_000 });
    const a = [gate.acquire("a"), gate.acquire("a"), gate.acquire("a")].map(settled);
    const b = [gate.acquire("b"), gate.acquire("b")].map(settled);
    await tick();
    expect(a.map((s) => s.done)).toEqual([true, true, false]);
    expect(b.map((s) => s.done)).toEqual([true, false]);
    expect(gate.stats()).toEqual({ running: 3, waiting: 2 });
    expect(gate.stats("a")).toEqual({ running: 2, waiting: 1 });

    (a[0]?.value as Release)();
    await tick();
    // The freed turn goes to the account that can use it: a is at its limit again after, b waits.
    expect(a[2]?.done).toBe(true);
    expect(b[1]?.done).toBe(false);
  });

  it("gives accounts turns in rotation, so a crowd of one account delays another by one turn", async () => {
    const gate = new ReadGate({ total: 1, perAccount: 1, maxWaitMs: 60_000 });
    const first = settled(gate.acquire("crowd"));
    const crowd = Array.from({ length: 5 }, () => settled(gate.acquire("crowd")));
    const other = settled(gate.acquire("other"));
    await tick();
    (first.value as Release)();
    await tick();
    expect(crowd[0]?.done).toBe(true);
    expect(other.done).toBe(false);
    (crowd[0]?.value as Release)();
    await tick();
    expect(other.done).toBe(true);
    expect(crowd[1]?.done).toBe(false);
  });

  it("gives up with ReadBusyError after maxWaitMs, and at once when the signal fires", async () => {
    const gate = new ReadGate({ total: 1, perAccount: 1, maxWaitMs: 50 });
    const running = await gate.acquire("a");
    await expect(gate.acquire("a")).rejects.toBeInstanceOf(ReadBusyError);

    const controller = new AbortController();
    const waiting = gate.acquire("b", controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(ReadCancelledError);
    await expect(gate.acquire("c", controller.signal)).rejects.toBeInstanceOf(ReadCancelledError);
    expect(gate.stats()).toEqual({ running: 1, waiting: 0 });

    running();
    running(); // a second call must not free a second turn
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
