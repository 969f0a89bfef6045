import { notFound } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/current-user";
import { formAction } from "@/lib/http/form-action";
import type { FormState } from "@/lib/http/form-state";
import { isStaff } from "./staff-role";

// The staff inbox's door. Anyone who is not signed in as a staff account gets a 404 — from
// every admin page (requireStaff) and every admin server action (staffAction) — so the inbox
// does not even admit that it exists. Checked per request, from the database: revoking the role
// takes effect on the next click.

const staffUserOfRequest = cache(async (): Promise<SessionUser | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  return (await isStaff(user.id)) ? user : null;
});

/** For admin pages and actions: the signed-in staff user, or notFound(). */
export async function requireStaff(): Promise<SessionUser> {
  const staff = await staffUserOfRequest();
  if (!staff) notFound();
  return staff;
}

/**
 * A server action for staff only: the role is checked before the input is even read (a refusal
 * is a 404 whatever was posted), then formAction parses it as usual.
 */
export function staffAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, staff: SessionUser) => Promise<FormState>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  const action = formAction(schema, { requireUser: true }, async (input) => handler(input, await requireStaff()));
  return async (previous, formData) => {
    await requireStaff();
    return action(previous, formData);
  };
}
