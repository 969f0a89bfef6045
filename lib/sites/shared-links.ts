import { createHmac, randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from "node:crypto";
import { z } from "zod";
import { getEnv } from "@/lib/config/env";
import { prisma } from "@/lib/db/prisma";

// Read-only dashboard links. The slug is 16 random bytes (base64url), unguessable. An open
// link needs nothing else; a protected one stores a salted scrypt hash of its password and,
// once the password is entered, is unlocked by one cookie whose value is an HMAC of the slug
// and that hash — so changing or deleting the link invalidates every cookie handed out.

export const SHARE_COOKIE_MAX_AGE_SECONDS = 24 * 60 * 60;
export const MAX_SHARED_LINKS_PER_SITE = 20;

export const sharePasswordSchema = z
  .string()
  .max(200, "Passwords are at most 200 characters.")
  .refine((password) => password === "" || password.length >= 8, "Use at least 8 characters, or leave it empty for an open link.");

export type SharedLinkSummary = { id: string; slug: string; hasPassword: boolean; createdAt: Date };
export type SharedLinkAccess = { id: string; slug: string; passwordHash: string | null; site: { id: string; domain: string; timezone: string } };
export type CreateSharedLinkResult = { ok: true; link: SharedLinkSummary } | { ok: false; message: string };

const SLUG_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

export function newShareSlug(): string {
  return randomBytes(16).toString("base64url");
}

export async function createSharedLink(userId: string, siteId: string, password: string): Promise<CreateSharedLinkResult> {
  const site = await prisma.site.findFirst({ where: { id: siteId, userId }, select: { id: true, _count: { select: { sharedLinks: true } } } });
  if (!site) return { ok: false, message: "That site does not exist." };
  if (site._count.sharedLinks >= MAX_SHARED_LINKS_PER_SITE) return { ok: false, message: `A site can have at most ${MAX_SHARED_LINKS_PER_SITE} shared links.` };
  const passwordHash = password === "" ? null : await hashSharePassword(password);
  const link = await prisma.sharedLink.create({ data: { siteId, slug: newShareSlug(), passwordHash }, select: { id: true, slug: true, createdAt: true } });
  return { ok: true, link: { ...link, hasPassword: passwordHash !== null } };
}

export async function listSharedLinks(userId: string, siteId: string): Promise<SharedLinkSummary[]> {
  const links = await prisma.sharedLink.findMany({
    where: { siteId, site: { userId } },
    select: { id: true, slug: true, passwordHash: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return links.map(({ passwordHash, ...link }) => ({ ...link, hasPassword: passwordHash !== null }));
}

export async function deleteSharedLink(userId: string, linkId: string): Promise<boolean> {
  const { count } = await prisma.sharedLink.deleteMany({ where: { id: linkId, site: { userId } } });
  return count === 1;
}

/** The link and its site, for the public share page. Null for a malformed or unknown slug. */
export async function getSharedLink(slug: string): Promise<SharedLinkAccess | null> {
  if (!SLUG_PATTERN.test(slug)) return null;
  return prisma.sharedLink.findUnique({
    where: { slug },
    select: { id: true, slug: true, passwordHash: true, site: { select: { id: true, domain: true, timezone: true } } },
  });
}

export async function hashSharePassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifySharedLinkPassword(passwordHash: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = passwordHash.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function shareCookieName(slug: string): string {
  return `ministat.share.${slug}`;
}

export function shareCookieValue(slug: string, passwordHash: string, secret = getEnv().AUTH_SECRET): string {
  return createHmac("sha256", secret).update(`share:${slug}:${passwordHash}`).digest("base64url");
}

export function isValidShareCookie(slug: string, passwordHash: string, value: string | undefined, secret = getEnv().AUTH_SECRET): boolean {
  if (!value) return false;
  const expected = Buffer.from(shareCookieValue(slug, passwordHash, secret));
  const actual = Buffer.from(value);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function scryptAsync(password: BinaryLike, salt: BinaryLike, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
