"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/http/form-state";
import { staffAction } from "@/lib/support/require-staff";
import { staffNoteSchema, staffReplySchema, threadIdSchema } from "@/lib/support/schemas";
import { addInternalNote, deleteThread, replyAsStaff, setThreadStatus } from "@/lib/support/staff-inbox";

// POST /admin/support/<threadId> — what staff do to a thread. staffAction answers 404 to anyone
// who is not signed in as staff, before reading what they posted.

const gone: FormState = { status: "error", message: "This thread no longer exists. Go back to the inbox." };

function refresh(threadId: string): void {
  revalidatePath(`/admin/support/${threadId}`);
}

export const staffReplyAction = staffAction(staffReplySchema, async (input, staff) => {
  const result = await replyAsStaff(staff.id, input.threadId, input.message);
  if (!result.ok) return gone;
  refresh(input.threadId);
  return { status: "ok", message: "Reply stored and on its way by e-mail." };
});

export const staffNoteAction = staffAction(staffNoteSchema, async (input, staff) => {
  const result = await addInternalNote(staff.id, input.threadId, input.note);
  if (!result.ok) return gone;
  refresh(input.threadId);
  return { status: "ok", message: "Note added. Only staff can see it." };
});

export const closeThreadAction = staffAction(threadIdSchema, async (input) => {
  const result = await setThreadStatus(input.threadId, "closed");
  if (!result.ok) return gone;
  refresh(input.threadId);
  return { status: "ok" };
});

export const reopenThreadAction = staffAction(threadIdSchema, async (input) => {
  const result = await setThreadStatus(input.threadId, "open");
  if (!result.ok) return gone;
  refresh(input.threadId);
  return { status: "ok" };
});

/** Only a thread without an account ("delete my messages" on request); an account's go with the account. */
export const deleteThreadAction = staffAction(threadIdSchema, async (input) => {
  const result = await deleteThread(input.threadId);
  if (!result.ok && result.reason === "has-account") {
    return { status: "error", message: "This thread belongs to an account: it is deleted with the account, not from here." };
  }
  if (!result.ok) return gone;
  redirect("/admin/support?status=all&deleted=1");
});
