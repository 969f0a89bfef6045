import { at, type Rng } from "./random";

// Drawing from a discrete distribution in O(1) with Vose's alias method: the generator
// draws millions of pages, sources and places, so a binary search per draw would show.

export class Weighted<T> {
  private readonly items: T[];
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new Error("Weighted: no entry with a positive weight");
    const n = kept.length;
    const total = kept.reduce((sum, [, w]) => sum + w, 0);
    this.items = kept.map(([item]) => item);
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = kept.map(([, w]) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() ?? 0;
      const l = large.pop() ?? 0;
      const ps = scaled[s] ?? 0;
      const pl = (scaled[l] ?? 0) + ps - 1;
      this.prob[s] = ps;
      this.alias[s] = l;
      scaled[l] = pl;
      (pl < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.prob[i] = 1; // leftovers are 1 up to rounding
  }

  sample(rng: Rng): T {
    const i = rng.int(this.items.length);
    const j = rng.next() < (this.prob[i] ?? 1) ? i : (this.alias[i] ?? i);
    return at(this.items, j);
  }
}

/** Zipf weights 1/rank^s for ranks 1…n: a few items take most of the traffic, a long tail the rest. */
export function zipf<T>(items: readonly T[], s: number): Array<readonly [T, number]> {
  return items.map((item, i) => [item, 1 / (i + 1) ** s] as const);
}
