import { createServer } from "node:net";

// Ports this process already handed out. The kernel may give the same ephemeral port to
// two listen(0) calls once the first server closed, so two test servers asked for in a row
// (an app and its Postgres) could otherwise get one port between them.
const handedOut = new Set<number>();

/** A TCP port on 127.0.0.1 that nothing listens on right now and that this process has not handed out before (for test servers and clusters). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unusedPort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}
