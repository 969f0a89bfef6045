// What a form's server action hands back to the form (React's useActionState).
export type FormState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
};

export const idleFormState: FormState = { status: "idle" };
