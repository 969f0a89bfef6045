// What a form's server action hands back to the form (React's useActionState).
export type FormState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, handed back on errors: React resets a form after its action runs. */
  values?: Record<string, string>;
};

export const idleFormState: FormState = { status: "idle" };
