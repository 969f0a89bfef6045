// Seeded randomness for the traffic generator. Math.random cannot be seeded, and the demo
// and the benchmark must produce the same month of traffic from the same seed, so that
// two benchmark runs measure the same data set.

/** sfc32: small, fast (~2 ns a number) and statistically fine for synthetic traffic. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next(); // mix the seed into every word
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, this.int(items.length));
  }

  /** Log-normal with the given median; sigma is the spread of the underlying normal. */
  logNormal(median: number, sigma: number): number {
    // Box–Muller; 1 - next() keeps the logarithm away from 0.
    const z = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(sigma * z);
  }

  /** A positive integer below 2^53: safe as a JS number and as a Postgres BIGINT. */
  id(): number {
    return this.int(2 ** 21) * 4294967296 + this.int(4294967296) + 1;
  }

  /** An independent generator derived from this one (for a sub-task that must not shift the main sequence). */
  fork(): Rng {
    return new Rng(this.int(4294967296));
  }
}

/** items[index], for indexes the caller knows are in range (noUncheckedIndexedAccess). */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0…${items.length - 1}`);
  return item;
}
