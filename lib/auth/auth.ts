import NextAuth from "next-auth";
import { skipCSRFCheck } from "@auth/core";
import { findUserByEmail } from "@/lib/account/find-user";
import { getEnv } from "@/lib/config/env";
import { newToken } from "@/lib/crypto/hash-token";
import { createAuthAdapter } from "./adapter";
import { emailProvider } from "./email-provider";
import { appUsesHttps, SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./session-cookie";

// Auth.js: magic links and database sessions. Sign-in e-mails are requested through our own
// server actions (lib/auth/request-sign-in.ts), never through Auth.js's POST endpoints, which
// the route does not expose; so Auth.js's CSRF cookie is not needed and never set.

export const { handlers, auth, signIn } = NextAuth(() => ({
  adapter: createAuthAdapter(),
  providers: [emailProvider],
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
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
  },
  logger: {
    // Auth.js errors can carry e-mail addresses: log only their kind.
    error: (error: Error) => console.error(`auth: ${(error as Error & { type?: string }).type ?? error.name}`),
    warn: () => {},
    debug: () => {},
  },
}));
