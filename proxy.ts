import { NextResponse, type NextRequest } from "next/server";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";

// Redirects only (pages and actions check the session themselves), plus the rolling session:
// each signed-in page view pushes the cookie's expiry 30 days ahead; Auth.js rolls the
// database expiry the same way.

const SESSION_COOKIES = ["ministat.session", "__Secure-ministat.session"];

export function proxy(request: NextRequest) {
  const name = SESSION_COOKIES.find((n) => request.cookies.has(n));
  if (!name) {
    const login = new URL("/login", request.url);
    return NextResponse.redirect(login);
  }
  const response = NextResponse.next();
  response.cookies.set(name, request.cookies.get(name)!.value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return response;
}

export const config = { matcher: ["/dashboard/:path*", "/settings/:path*", "/sites/:path*"] };
