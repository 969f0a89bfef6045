import { getAppUrl } from "@/lib/config/env";

// The one cookie MiniStat sets: the session token. HttpOnly, SameSite=Lax, Secure (with the
// __Secure- prefix) when served over https, 30 days, renewed on use.

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function appUsesHttps(): boolean {
  return getAppUrl().startsWith("https://");
}

export function sessionCookieName(): string {
  return appUsesHttps() ? "__Secure-ministat.session" : "ministat.session";
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: appUsesHttps() };
}
