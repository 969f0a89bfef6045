import { createHash, randomBytes } from "node:crypto";

// Tokens we hand out (session cookies, e-mail-change links) are stored only as SHA-256:
// a copy of the database cannot be used to sign in.

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
