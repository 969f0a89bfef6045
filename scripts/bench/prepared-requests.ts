import { formatPost } from "./raw-http";
import { TrafficPool } from "./traffic-pool";

// The load generator's requests, formatted before the load starts: making up a visitor's next
// event and formatting its request took ~10 µs of CPU per request (profile of the generator),
// and that CPU is the server's, as the generator shares the machine's two cores with it.
// The requests are the pool's sequence, in order, packed into a few large buffers (a few hundred
// thousand small Buffers would cost the generator's GC more); past the prepared ones, `next`
// formats each request as it goes.

const SLAB_BYTES = 16 * 1024 * 1024;

export type PreparedRequest = { raw: Buffer; storable: boolean };

export class PreparedRequests {
  private readonly pool: TrafficPool;
  private readonly slabs: Buffer[] = [];
  private readonly slabOf: Uint16Array;
  private readonly start: Uint32Array;
  private readonly end: Uint32Array;
  private readonly storable: Uint8Array;
  private prepared = 0;
  private taken = 0;

  constructor(
    private readonly target: URL,
    domain: string,
    seed: number,
    count: number,
  ) {
    this.pool = new TrafficPool(domain, seed);
    this.slabOf = new Uint16Array(count);
    this.start = new Uint32Array(count);
    this.end = new Uint32Array(count);
    this.storable = new Uint8Array(count);
    let slab = Buffer.allocUnsafe(SLAB_BYTES);
    let used = 0;
    for (; this.prepared < count; this.prepared++) {
      const request = this.format();
      if (used + request.raw.length > slab.length) {
        this.slabs.push(slab.subarray(0, used));
        slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, request.raw.length));
        used = 0;
      }
      request.raw.copy(slab, used);
      this.slabOf[this.prepared] = this.slabs.length;
      this.start[this.prepared] = used;
      this.end[this.prepared] = used + request.raw.length;
      this.storable[this.prepared] = request.storable ? 1 : 0;
      used += request.raw.length;
    }
    this.slabs.push(slab.subarray(0, used));
  }

  /** The next request of the sequence. */
  next(): PreparedRequest {
    const i = this.taken++;
    if (i >= this.prepared) return this.format();
    return { raw: this.slabs[this.slabOf[i]!]!.subarray(this.start[i], this.end[i]), storable: this.storable[i] === 1 };
  }

  /** Requests formatted during the load because the prepared ones ran out. */
  formattedLate(): number {
    return Math.max(0, this.taken - this.prepared);
  }

  private format(): PreparedRequest {
    const request = this.pool.next();
    const headers = { "Content-Type": "text/plain", "User-Agent": request.userAgent, "X-Forwarded-For": request.ip };
    return { raw: formatPost(this.target.host, this.target.pathname, headers, request.body), storable: request.storable };
  }
}
