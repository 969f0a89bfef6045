"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { input, label as labelClass } from "@/components/ui/styles";

// A labelled text input or textarea with a length limit the browser enforces (maxLength) and a
// counter under it, so nobody is surprised by "too long" after writing a page. The counter is
// tied to the field (aria-describedby) but is not a live region: it would talk on every key.

type Props = {
  name: string;
  label: string;
  limit: number;
  multiline?: boolean;
  required?: boolean;
  defaultValue?: string;
  error?: string;
  hint?: string;
  rows?: number;
  placeholder?: string;
};

const number = new Intl.NumberFormat("en-GB");

export function LimitedTextField({ name, label, limit, multiline = false, required = false, defaultValue = "", error, hint, rows = 6, placeholder }: Props) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [length, setLength] = useState(defaultValue.length);

  // React resets the form after its action runs (to the defaultValue the action handed back, or
  // empty): count again once the reset has happened.
  useEffect(() => {
    const form = field.current?.form;
    if (!form) return;
    const recount = () => requestAnimationFrame(() => setLength(field.current?.value.length ?? 0));
    form.addEventListener("reset", recount);
    return () => form.removeEventListener("reset", recount);
  }, []);

  const nearLimit = length > limit * 0.9;
  const describedBy = [hint && `${id}-hint`, `${id}-count`, error && `${id}-error`].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    required,
    maxLength: limit,
    defaultValue,
    placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: input,
    onInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setLength(event.currentTarget.value.length),
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
        {!required && <span className="font-normal text-slate-600"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {multiline ? <textarea ref={field} rows={rows} {...common} /> : <input ref={field} type="text" {...common} />}
      <div className="flex flex-wrap items-start justify-between gap-x-3">
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        ) : (
          <span />
        )}
        <p id={`${id}-count`} className={`ml-auto text-xs tabular-nums ${nearLimit ? "font-medium text-amber-800" : "text-slate-600"}`}>
          {number.format(length)} / {number.format(limit)} characters
        </p>
      </div>
    </div>
  );
}
