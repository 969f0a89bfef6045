import { formatPost, RawHttpConnection } from "@/scripts/bench/raw-http";
import { TrafficPool } from "@/scripts/bench/traffic-pool";

// Realistic tracker traffic for operator tests: `concurrency` keep-alive connections, each
// with one request in flight, for `seconds`. It counts what the server promised: the 202s
// answered to storable (non-crawler) events. Connection failures (the server is down or
// restarting) are retried after a short pause, as a browser's next pageview would be.

export type LoadCount = { accepted: number; failed: number; statuses: Record<string, number> };

export async function sendEventLoad(options: { url: string; domain: string; concurrency: number; seconds: number }): Promise<LoadCount> {
  const target = new URL("/api/event", options.url);
  const pool = new TrafficPool(options.domain, 11);
  const end = performance.now() + options.seconds * 1000;
  const count: LoadCount = { accepted: 0, failed: 0, statuses: {} };
  const loop = async () => {
    const connection = new RawHttpConnection(target.hostname, Number(target.port));
    while (performance.now() < end) {
      const request = pool.next();
      const headers = { "Content-Type": "text/plain", "User-Agent": request.userAgent, "X-Forwarded-For": request.ip };
      const status = await connection.request(formatPost(target.host, target.pathname, headers, request.body));
      count.statuses[status] = (count.statuses[status] ?? 0) + 1;
      if (status === 202 && request.storable) count.accepted++;
      if (status === 0) {
        count.failed++;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return count;
}
