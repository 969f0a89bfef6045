import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";

// Stats API keys: "ms_" + 32 random bytes (base64url). The key is shown once; we keep its
// SHA-256 (a random 256-bit secret needs no slow hash) and a short prefix to recognise it.

export const MAX_API_KEYS_PER_USER = 20;
const PREFIX_LENGTH = 10;

export const apiKeyNameSchema = z
  .string({ error: "Give the key a name, like “Reporting script”." })
  .trim()
  .min(1, "Give the key a name, like “Reporting script”.")
  .max(60, "Key names are at most 60 characters.");

/** A wrong name or too many keys; the message is meant for the user. */
export class ApiKeyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiKeyInputError";
  }
}

export type NewApiKey = { id: string; name: string; prefix: string; key: string };
export type ApiKeySummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key; `key` is returned this once and never stored. Throws ApiKeyInputError. */
export async function createApiKey(userId: string, name: string): Promise<NewApiKey> {
  const parsed = apiKeyNameSchema.safeParse(name);
  if (!parsed.success) throw new ApiKeyInputError(parsed.error.issues[0]?.message ?? "Invalid key name.");
  const count = await prisma.apiKey.count({ where: { userId } });
  if (count >= MAX_API_KEYS_PER_USER) {
    throw new ApiKeyInputError(`You can have at most ${MAX_API_KEYS_PER_USER} API keys. Revoke one you no longer use first.`);
  }
  const key = `ms_${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, PREFIX_LENGTH);
  const row = await prisma.apiKey.create({
    data: { userId, name: parsed.data, prefix, keyHash: hashApiKey(key) },
    select: { id: true, name: true, prefix: true },
  });
  return { ...row, key };
}

export function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return prisma.apiKey.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Deletes the key if it belongs to the user; false when there is no such key of theirs. */
export async function revokeApiKey(userId: string, id: string): Promise<boolean> {
  const { count } = await prisma.apiKey.deleteMany({ where: { id, userId } });
  return count === 1;
}
