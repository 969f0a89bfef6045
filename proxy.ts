import { NextResponse, type NextRequest } from "next/server";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";
import { toAppUrl } from "@/lib/http/app-url";
import { createNonce, NONCE_HEADER, pageContentSecurityPolicy } from "@/lib/http/csp";

// Every page: a Content-Security-Policy with a fresh nonce (lib/http/csp.ts), handed to Next.js
// on the request (it reads the nonce from there and puts it on its scripts) and to the browser
// on the response. A nonce needs a page rendered per request; all our pages are (app/layout.tsx).
//
// Signed-in areas also get redirects only (pages and actions check the session themselves),
// plus the rolling session: each signed-in page view pushes the cookie's expiry 30 days
// ahead; Auth.js rolls the database expiry the same way.

const SESSION_COOKIES = ["ministat.session", "__Secure-ministat.session"];
const SIGNED_IN_AREAS = /^\/(dashboard|settings|sites)(\/|$)/;

export function proxy(request: NextRequest) {
  const signedInArea = SIGNED_IN_AREAS.test(request.nextUrl.pathname);
  const sessionCookie = SESSION_COOKIES.find((n) => request.cookies.has(n));
  if (signedInArea && !sessionCookie) return NextResponse.redirect(toAppUrl("/login"));

  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({ nonce, devServer: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);

  if (signedInArea && sessionCookie) {
    response.cookies.set(sessionCookie, request.cookies.get(sessionCookie)!.value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: sessionCookie.startsWith("__Secure-"),
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
  }
  return response;
}

// Not for API routes, the tracker, build assets or the icon: they are not pages (next.config.ts
// gives them a policy that allows nothing).
export const config = { matcher: ["/((?!api/|js/|_next/static/|_next/image|icon\\.svg|favicon\\.ico).*)"] };
