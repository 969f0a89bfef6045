import net from "node:net";

// Refuse to start when a port is taken: a server already listening on 3400 would answer
// the readiness check and be measured instead of ours.
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use; stop whatever listens there (an earlier benchmark?) and run again`)));
    probe.listen(port, "0.0.0.0", () => probe.close(() => resolve()));
  });
}
