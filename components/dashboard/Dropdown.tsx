"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

// A button that opens a panel below it. Esc, a click outside or choosing an item closes it;
// focus returns to the button.
export function Dropdown({
  label,
  buttonClassName,
  align = "left",
  panelClassName = "w-64",
  children,
}: {
  label: ReactNode;
  buttonClassName: string;
  align?: "left" | "right";
  panelClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const close = () => setOpen(false);
  return (
    <div ref={container} className="relative">
      <button ref={button} type="button" className={buttonClassName} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {label}
        <svg aria-hidden viewBox="0 0 20 20" className={`size-4 shrink-0 text-slate-400 transition-transform ${open ? "rotate-180" : ""}`} fill="currentColor">
          <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.06l3.71-3.83a.75.75 0 1 1 1.08 1.04l-4.25 4.39a.75.75 0 0 1-1.08 0L5.21 8.27a.75.75 0 0 1 .02-1.06Z" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute z-30 mt-2 rounded-xl bg-white p-1.5 shadow-lg ring-1 ring-slate-200 ${align === "right" ? "right-0" : "left-0"} ${panelClassName}`}
      >
        {open && children(close)}
      </div>
    </div>
  );
}
