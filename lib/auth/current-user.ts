import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";

export type SessionUser = { id: string; email: string };

/** The signed-in user of this request, or null. One session look-up per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email };
});

/** For signed-in pages: the user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
