import type { FormState } from "@/lib/http/form-state";

/** The create action's answer: a FormState that, once, also carries the new key. */
export type CreatedKeyState = FormState & { created?: { name: string; key: string } };

export function createdKeyOf(state: FormState): { name: string; key: string } | null {
  const created = (state as CreatedKeyState).created;
  return state.status === "ok" && created ? created : null;
}
