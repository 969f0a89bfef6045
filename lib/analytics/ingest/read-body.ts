import type { IncomingMessage } from "node:http";

// Reads a request body of at most `limit` bytes. Callbacks instead of a promise or an
// async iterator: this runs for every event, and a beacon body arrives in one chunk.
// Past the limit it stops listening at once, so an oversized upload is never buffered;
// the caller answers with "Connection: close" and Node drops the rest with the socket.
//
// The listeners are bound methods, not named arrow functions: the app runs under tsx, whose
// keepNames gives every named function expression an Object.defineProperty call each time
// it is created, which cost ~2 µs per event here (CPU profile of the ingestion benchmark).

export function readLimitedBody(req: IncomingMessage, limit: number, onBody: (body: string) => void, onTooLarge: () => void): void {
  new LimitedBodyReader(req, limit, onBody, onTooLarge);
}

class LimitedBodyReader {
  private first: Buffer | null = null;
  private more: Buffer[] | null = null;
  private size = 0;
  private readonly onData: (chunk: Buffer) => void;
  private readonly onEnd: () => void;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
    private readonly onBody: (body: string) => void,
    private readonly onTooLarge: () => void,
  ) {
    this.onData = this.data.bind(this);
    this.onEnd = this.end.bind(this);
    req.on("data", this.onData);
    req.on("end", this.onEnd);
  }

  private data(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.req.off("data", this.onData);
      this.req.off("end", this.onEnd);
      this.first = null;
      this.more = null;
      this.onTooLarge();
      return;
    }
    if (this.first === null) this.first = chunk;
    else (this.more ??= [this.first]).push(chunk);
  }

  private end(): void {
    // Multi-byte characters may straddle chunks: decode the joined bytes, not each chunk.
    const bytes = this.more !== null ? Buffer.concat(this.more) : this.first;
    this.onBody(bytes === null ? "" : bytes.toString("utf8"));
  }
}
