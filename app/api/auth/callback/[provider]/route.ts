import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { sessionCookieName } from "@/lib/auth/session-cookie";

// GET /api/auth/callback/email — a magic link lands here; Auth.js checks it and starts the session.
// This is the only Auth.js endpoint we expose. We pass on only the session cookie: Auth.js
// would also set a callback-URL cookie, and we promise one cookie.

export async function GET(request: NextRequest): Promise<Response> {
  const response = await handlers.GET(request);
  const headers = new Headers();
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie") headers.append(key, value);
  });
  const prefix = `${sessionCookieName()}=`;
  for (const cookie of response.headers.getSetCookie()) if (cookie.startsWith(prefix)) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, headers });
}
