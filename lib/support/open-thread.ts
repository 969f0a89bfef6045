/** Opens a thread with the first customer message, sends the confirmation e-mail (reference, Reply-To). userId when signed in (then email must be that account's); an anonymous sender whose address has an account gets the thread linked to that account. */
export async function openSupportThread(input: { email: string; subject: string; message: string; site?: string | null; userId?: string | null }): Promise<{ threadId: string; reference: string }> {
  void input;
  throw new Error("not implemented");
}
