"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { ApiKeyInputError, apiKeyNameSchema, createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { formAction } from "@/lib/http/form-action";
import type { FormState } from "@/lib/http/form-state";
import type { CreatedKeyState } from "./created-key";

// Stats API keys of the signed-in account. The new key travels back in this one response and
// is never stored in plain text.

export const createApiKeyAction = formAction(z.object({ name: apiKeyNameSchema }), { requireUser: true, rateLimit: { bucket: "api-key-create", perMinute: 10 } }, async (input, { user }) => {
  try {
    const created = await createApiKey(user.id, input.name);
    refresh();
    const state: CreatedKeyState = { status: "ok", message: `Key “${created.name}” created.`, created: { name: created.name, key: created.key } };
    return state;
  } catch (error) {
    if (error instanceof ApiKeyInputError) return { status: "error", message: error.message, fieldErrors: { name: error.message } };
    throw error;
  }
});

export const revokeApiKeyAction = formAction(z.object({ keyId: z.string().min(1).max(40) }), { requireUser: true }, async (input, { user }): Promise<FormState> => {
  if (!(await revokeApiKey(user.id, input.keyId))) return { status: "error", message: "That key was already revoked." };
  refresh();
  return { status: "ok" };
});
