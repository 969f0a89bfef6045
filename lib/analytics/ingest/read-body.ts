import type { IncomingMessage } from "node:http";

// Reads a request body of at most `limit` bytes. Callbacks instead of a promise or an
// async iterator: this runs for every event, and a beacon body arrives in one chunk.
// Past the limit it stops listening at once, so an oversized upload is never buffered;
// the caller answers with "Connection: close" and Node drops the rest with the socket.

export function readLimitedBody(req: IncomingMessage, limit: number, onBody: (body: string) => void, onTooLarge: () => void): void {
  let first: Buffer | null = null;
  let more: Buffer[] | null = null;
  let size = 0;

  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      req.off("data", onData);
      req.off("end", onEnd);
      first = null;
      more = null;
      onTooLarge();
      return;
    }
    if (first === null) first = chunk;
    else (more ??= [first]).push(chunk);
  };

  const onEnd = () => {
    // Multi-byte characters may straddle chunks: decode the joined bytes, not each chunk.
    const bytes = more !== null ? Buffer.concat(more) : first;
    onBody(bytes === null ? "" : bytes.toString("utf8"));
  };

  req.on("data", onData);
  req.on("end", onEnd);
}
