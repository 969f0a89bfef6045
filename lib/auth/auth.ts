import NextAuth, { type NextAuthConfig } from "next-auth";
import { skipCSRFCheck } from "@auth/core";
import { findUserByEmail } from "@/lib/account/find-user";
import { getAppUrl, getEnv } from "@/lib/config/env";
import { newToken } from "@/lib/crypto/hash-token";
import { toAppUrl } from "@/lib/http/app-url";
import { createAuthAdapter } from "./adapter";
import { emailProvider } from "./email-provider";
import { appUsesHttps, SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./session-cookie";

// Auth.js: magic links and database sessions. Sign-in e-mails are requested through our own
// server actions (lib/auth/request-sign-in.ts), never through Auth.js's POST endpoints, which
// the route does not expose; so Auth.js's CSRF cookie is not needed and never set.
//
// Auth.js builds the magic link and its redirects from AUTH_URL when that is set, and
// otherwise from the request's X-Forwarded-Host or Host header (@auth/core createActionURL;
// next-auth's reqWithEnvURL) — headers a client can forge, which made it e-mail the owner a
// working link to another host. So AUTH_URL is always APP_URL (getAppUrl() defaults to
// http://localhost:$PORT locally): Auth.js never sees a request URL on any other origin.
// `trustHost` is left to Auth.js, which derives it from AUTH_URL being set: it serves
// because the URL is pinned, never because of what a request's Host says.

const AUTH_BASE_PATH = "/api/auth";

function pinAuthUrlToAppUrl(): void {
  // next-auth reads process.env.AUTH_URL on every call, after this config function has run.
  process.env.AUTH_URL = getAppUrl();
}

const config = (): NextAuthConfig => ({
  adapter: createAuthAdapter(),
  providers: [emailProvider],
  secret: getEnv().AUTH_SECRET,
  basePath: AUTH_BASE_PATH,
  skipCSRFCheck,
  useSecureCookies: appUsesHttps(),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60, generateSessionToken: () => newToken() },
  cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error" },
  callbacks: {
    // Accounts are created only by /register (with consent and captcha): a link is sent to,
    // and accepted for, existing accounts only.
    async signIn({ user }) {
      return Boolean(user.email && (await findUserByEmail(user.email)));
    },
    session({ session, user }) {
      return { ...session, user: { id: user.id, email: user.email } };
    },
    // After the link: a path or a URL on APP_URL, never another origin (the default callback
    // compares with the request's origin, which we do not want to depend on).
    redirect({ url }) {
      return toAppUrl(url);
    },
  },
  logger: {
    // Auth.js errors can carry e-mail addresses: log only their kind.
    error: (error: Error) => console.error(`auth: ${(error as Error & { type?: string }).type ?? error.name}`),
    warn: () => {},
    debug: () => {},
  },
});

export const { handlers, auth, signIn } = NextAuth(() => {
  pinAuthUrlToAppUrl();
  return config();
});
