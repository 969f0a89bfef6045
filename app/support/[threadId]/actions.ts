"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/http/form-action";
import { replyAsCustomer } from "@/lib/support/customer-threads";
import { supportReplySchema } from "@/lib/support/schemas";
import { supportHourlyLimitError } from "../support-rate-limit";

// POST /support/<threadId> — the signed-in customer answers in one of their own conversations
// (which opens it again). Someone else's thread is refused exactly like a missing one.
export const replyToThreadAction = formAction(supportReplySchema, { requireUser: true, rateLimit: { bucket: "support" } }, async (input, { user }) => {
  const limited = supportHourlyLimitError({ userId: user.id });
  if (limited) return { status: "error", message: limited };
  const result = await replyAsCustomer(user.id, input.threadId, input.message);
  if (!result.ok) return { status: "error", message: "That conversation was not found." };
  revalidatePath(`/support/${input.threadId}`);
  return { status: "ok", message: "Reply sent. We answer by e-mail, and here." };
});
