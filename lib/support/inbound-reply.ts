/** Mailjet Parse API payload → appended to its thread (reopens it). */
export async function receiveInboundReply(payload: unknown): Promise<{ status: 200 | 400 | 404 | 422; message: string }> {
  void payload;
  throw new Error("not implemented");
}
