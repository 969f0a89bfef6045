import { isReadCancelled, readUnavailable, type ReadUnavailable } from "@/lib/analytics/query/read-errors";

// A panel's data, or why it is not there when that is an expected state (busy, too slow):
// the section then renders PanelUnavailable. A read cancelled because the client left ends
// the same way (nobody sees it; thrown, it would be logged as a server error hundreds of
// times when a crowd of tabs closes). Anything else is a bug and goes to the panel's error
// boundary.

export type Settled<T> = { ok: true; value: T } | { ok: false; unavailable: ReadUnavailable };

export async function settleRead<T>(load: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await load };
  } catch (error) {
    const unavailable = isReadCancelled(error) ? { reason: "busy" as const, message: "Cancelled.", retryAfterSeconds: 1 } : readUnavailable(error);
    if (!unavailable) throw error;
    return { ok: false, unavailable };
  }
}
