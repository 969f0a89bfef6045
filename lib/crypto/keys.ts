import { getEnv } from "@/lib/config/env";

// ENCRYPTION_KEYS="2:<base64>,1:<base64>": every listed key can decrypt, the highest
// version encrypts. Rotation = add a new version, restart, run `npm run keys:rotate`.

export type KeyRing = { current: number; keys: Map<number, Buffer> };

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<number, Buffer>();
  for (const part of spec.split(",")) {
    const [version, material] = part.trim().split(":");
    const key = Buffer.from(material ?? "", "base64");
    if (!version || key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key "${version}" must be 32 bytes, base64-encoded`);
    keys.set(Number(version), key);
  }
  return { current: Math.max(...keys.keys()), keys };
}

let cached: { spec: string; ring: KeyRing } | undefined;

export function getKeyRing(): KeyRing {
  const spec = getEnv().ENCRYPTION_KEYS;
  if (cached?.spec !== spec) cached = { spec, ring: parseKeyRing(spec) };
  return cached.ring;
}

export function getBlindIndexKey(): Buffer {
  return Buffer.from(getEnv().BLIND_INDEX_KEY, "base64");
}
