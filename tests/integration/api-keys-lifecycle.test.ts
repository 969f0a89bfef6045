import { afterAll, describe, expect, it } from "vitest";
import { ApiKeyInputError, createApiKey, hashApiKey, listApiKeys, MAX_API_KEYS_PER_USER, revokeApiKey } from "@/lib/api-keys/api-keys";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createSyntheticSite } from "@/tests/support/synthetic-traffic";
import { closePool, getPool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";

// API keys: shown once, stored only as a hash, usable until revoked, and only by their owner.

afterAll(() => closePool());

const newUser = async (name: string) => (await createSyntheticSite(getPool(), { domain: `${name}.api-keys.example`, timezone: "Etc/UTC" })).userId;

describe("API keys", () => {
  it("creates a key that is shown once and stored as its SHA-256", async () => {
    const userId = await newUser("create");
    const created = await createApiKey(userId, "  Reporting script ");
    expect(created.key).toMatch(/^ms_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Reporting script", prefix: created.key.slice(0, 10) });
    const { rows } = await getPool().query("SELECT * FROM api_keys WHERE id = $1", [created.id]);
    expect(rows[0].key_hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(rows[0])).not.toContain(created.key);
    expect(await listApiKeys(userId)).toEqual([{ id: created.id, name: "Reporting script", prefix: created.prefix, createdAt: expect.any(Date), lastUsedAt: null }]);
  });

  it("authenticates a valid key and refuses malformed, unknown and revoked ones", async () => {
    const userId = await newUser("auth");
    const { id, key } = await createApiKey(userId, "CI");
    expect(await authenticateApiKey(key)).toEqual({ userId, keyId: id });
    expect(await authenticateApiKey(`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await authenticateApiKey("ms_short")).toBeNull();
    expect(await authenticateApiKey("")).toBeNull();
    expect(await revokeApiKey(userId, id)).toBe(true);
    expect(await authenticateApiKey(key)).toBeNull();
    expect(await revokeApiKey(userId, id)).toBe(false);
  });

  it("lets only the owner revoke a key", async () => {
    const owner = await newUser("owner");
    const other = await newUser("other");
    const { id, key } = await createApiKey(owner, "Owner's key");
    expect(await revokeApiKey(other, id)).toBe(false);
    expect(await authenticateApiKey(key)).toMatchObject({ userId: owner });
    expect(await listApiKeys(other)).toEqual([]);
  });

  it("records last use at most once a minute", async () => {
    const userId = await newUser("touch");
    const { id, key } = await createApiKey(userId, "Dashboard sync");
    const t0 = new Date("2026-05-01T10:00:00Z");
    await authenticateApiKey(key, t0);
    await authenticateApiKey(key, new Date(t0.getTime() + 30_000));
    const lastUsed = async () => (await prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(key, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("refuses empty or long names and too many keys with a readable message", async () => {
    const userId = await newUser("limits");
    await expect(createApiKey(userId, "   ")).rejects.toThrow(/Give the key a name/);
    await expect(createApiKey(userId, "x".repeat(61))).rejects.toThrow(ApiKeyInputError);
    for (let i = 0; i < MAX_API_KEYS_PER_USER; i++) await createApiKey(userId, `key ${i}`);
    await expect(createApiKey(userId, "one too many")).rejects.toThrow(/at most 20 API keys/);
  });
});
