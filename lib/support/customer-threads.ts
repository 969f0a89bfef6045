import type { ThreadDetail, ThreadSummary } from "./types";

export async function listCustomerThreads(userId: string): Promise<ThreadSummary[]> {
  void userId;
  throw new Error("not implemented");
}

export async function getCustomerThread(userId: string, threadId: string): Promise<ThreadDetail | null> {
  void userId, threadId;
  throw new Error("not implemented");
}

export async function replyAsCustomer(userId: string, threadId: string, body: string): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  void userId, threadId, body;
  throw new Error("not implemented");
}
