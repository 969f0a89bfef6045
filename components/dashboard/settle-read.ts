import { readUnavailable, type ReadUnavailable } from "@/lib/analytics/query/read-errors";

// A panel's data, or why it is not there when that is an expected state (busy, too slow):
// the section then renders PanelUnavailable. Anything else is a bug and is rethrown to the
// panel's error boundary.

export type Settled<T> = { ok: true; value: T } | { ok: false; unavailable: ReadUnavailable };

export async function settleRead<T>(load: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await load };
  } catch (error) {
    const unavailable = readUnavailable(error);
    if (!unavailable) throw error;
    return { ok: false, unavailable };
  }
}
