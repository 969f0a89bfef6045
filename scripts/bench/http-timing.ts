import http from "node:http";

// One GET, timed from sending the request to the last byte of the body: the dashboard
// streams its panels in the same response, so the last byte is when every panel is there.
// A keep-alive agent, like a browser's, so connection set-up is not measured.

export type Timed = { ms: number; status: number; bytes: number; body: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * `headers`: who asks (a session `cookie`, or a Stats API key's `authorization`). Rejects after
 * `timeoutMs` in all (and drops the connection): one stuck page must not stall the run.
 */
export function timedGet(url: string, headers: Record<string, string>, timeoutMs = 120_000): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers: { accept: "text/html,*/*", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("end", () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes: body.length, body: body.toString("utf8") });
      });
      res.once("error", reject);
    });
    req.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
}

export function closeHttpAgent(): void {
  agent.destroy();
}
