import type { ThreadDetail, ThreadStatus, ThreadSummary } from "./types";

export type InboxFilter = ThreadStatus | "all";

export async function listInboxThreads(options: { status: InboxFilter; query?: string; limit?: number }): Promise<ThreadSummary[]> {
  void options;
  throw new Error("not implemented");
}

export async function getInboxThread(threadId: string): Promise<{ thread: ThreadDetail; sameAddress: ThreadSummary[] } | null> {
  void threadId;
  throw new Error("not implemented");
}

export async function replyAsStaff(staffUserId: string, threadId: string, body: string): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  void staffUserId, threadId, body;
  throw new Error("not implemented");
}

export async function addInternalNote(staffUserId: string, threadId: string, note: string): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  void staffUserId, threadId, note;
  throw new Error("not implemented");
}

export async function setThreadStatus(threadId: string, status: "open" | "closed"): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  void threadId, status;
  throw new Error("not implemented");
}

export async function deleteThread(threadId: string): Promise<{ ok: true } | { ok: false; reason: "not-found" | "has-account" }> {
  void threadId;
  throw new Error("not implemented");
}
