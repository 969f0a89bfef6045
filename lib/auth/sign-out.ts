import { cookies } from "next/headers";
import { hashToken } from "@/lib/crypto/hash-token";
import { prisma } from "@/lib/db/prisma";
import { sessionCookieName, sessionCookieOptions } from "./session-cookie";

// Our own sign-out (Auth.js's would set a callback-URL cookie): end this browser's session
// in the database and remove its cookie.
export async function signOutThisBrowser(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (token) await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  clearSessionCookie(jar);
}

export function clearSessionCookie(jar: Awaited<ReturnType<typeof cookies>>): void {
  jar.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}
