import net from "node:net";

// A minimal HTTP/1.1 keep-alive client on a raw socket, for the load generator. Node's
// http.request spends ~50–100 µs of CPU per request; at 10,000 requests/s that would be most
// of one of the machine's two cores, taken from the server being measured. Like wrk or
// autocannon, this writes pre-formatted requests and reads only the status line and the
// body length, at a few µs per request. One request in flight per connection.

const HEADER_END = Buffer.from("\r\n\r\n");
const CHUNKED_END = Buffer.from("\r\n0\r\n\r\n");

type Pending = { resolve: (status: number) => void };

export class RawHttpConnection {
  private socket: net.Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /** Sends one request (complete, with headers) and resolves to the status code; 0 when the connection failed. */
  request(raw: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.pending = { resolve };
      this.ensureSocket().write(raw);
    });
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
  }

  private ensureSocket(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    // Events of a socket that was already replaced (closed after "Connection: close") are ignored.
    socket.on("data", (chunk: Buffer) => {
      if (this.socket === socket) this.onData(chunk);
    });
    const fail = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.buffer = Buffer.alloc(0);
      this.finish(0);
    };
    socket.on("error", fail);
    socket.on("close", fail);
    this.socket = socket;
    return socket;
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd === -1) return;
    const head = this.buffer.toString("latin1", 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const bodyStart = headerEnd + HEADER_END.length;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let end: number;
    if (length) {
      end = bodyStart + Number(length[1]);
      if (this.buffer.length < end) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const at = this.buffer.indexOf(CHUNKED_END, bodyStart - 2);
      if (at === -1) return;
      end = at + CHUNKED_END.length;
    } else {
      end = bodyStart;
    }
    this.buffer = this.buffer.subarray(end);
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    this.finish(status);
  }

  private finish(status: number): void {
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(status);
  }
}

/** A complete POST request with a body; header values must not contain CR/LF. */
export function formatPost(hostHeader: string, path: string, headers: Record<string, string>, body: string): Buffer {
  const lines = [`POST ${path} HTTP/1.1`, `Host: ${hostHeader}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`];
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);
}
