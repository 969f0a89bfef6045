"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonPrimary } from "./styles";

// A submit button that shows progress while its form's action runs.
export function SubmitButton({ children, pendingLabel, className = buttonPrimary, disabled }: { children: ReactNode; pendingLabel: string; className?: string; disabled?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending || disabled} aria-disabled={pending || disabled}>
      {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
