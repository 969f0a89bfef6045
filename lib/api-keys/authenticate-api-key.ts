import { prisma } from "@/lib/db/prisma";
import { hashApiKey } from "./api-keys";

// Bearer key → its owner. last_used_at is written at most once a minute per key, so a busy
// integration does not turn every API read into a write.

const KEY_FORMAT = /^ms_[A-Za-z0-9_-]{43}$/;
const TOUCH_EVERY_MS = 60_000;

export type ApiKeyIdentity = { userId: string; keyId: string };

export async function authenticateApiKey(key: string, now = new Date()): Promise<ApiKeyIdentity | null> {
  if (!KEY_FORMAT.test(key)) return null;
  const found = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, select: { id: true, userId: true, lastUsedAt: true } });
  if (!found) return null;
  const staleBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  if (!found.lastUsedAt || found.lastUsedAt < staleBefore) {
    // The condition repeats the check in SQL so that concurrent requests write once.
    await prisma.apiKey.updateMany({
      where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { userId: found.userId, keyId: found.id };
}
