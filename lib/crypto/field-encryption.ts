import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getKeyRing, type KeyRing } from "./keys";

// AES-256-GCM for personal fields. Stored form: "v<version>.<iv>.<ciphertext+tag>" (base64url),
// so a row says which key wrote it and old rows stay readable after a rotation.

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptField(plaintext: string, ring: KeyRing = getKeyRing()): string {
  const key = ring.keys.get(ring.current);
  if (!key) throw new Error("no current encryption key");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v${ring.current}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function decryptField(stored: string, ring: KeyRing = getKeyRing()): string {
  const { version, iv, body } = splitStored(stored);
  const key = ring.keys.get(version);
  if (!key) throw new Error(`encryption key v${version} is not configured (ENCRYPTION_KEYS)`);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** True when the value was written with an older key and should be re-encrypted. */
export function isStale(stored: string, ring: KeyRing = getKeyRing()): boolean {
  return splitStored(stored).version !== ring.current;
}

export function encryptJson(value: unknown): string {
  return encryptField(JSON.stringify(value));
}

export function decryptJson<T>(stored: string): T {
  return JSON.parse(decryptField(stored)) as T;
}

function splitStored(stored: string): { version: number; iv: Buffer; body: Buffer } {
  const match = /^v(\d+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(stored);
  if (!match) throw new Error("not an encrypted field");
  const iv = Buffer.from(match[2]!, "base64url");
  const body = Buffer.from(match[3]!, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error("not an encrypted field");
  return { version: Number(match[1]), iv, body };
}
