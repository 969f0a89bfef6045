import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleEventRequest } from "./handle-event-request";

// A bare node:http server that answers every request with the ingestion handler: what
// integration tests and the ingestion benchmark talk to, without Next.js in the way.
// Production serves the same handler through lib/server/http-server.ts (for /api/event).

export type IngestionServer = { url: string; server: Server; close: () => Promise<void> };

export async function startIngestionServer(options: { port?: number; host?: string } = {}): Promise<IngestionServer> {
  const server = createServer(handleEventRequest);
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/api/event`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
