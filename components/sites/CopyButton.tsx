"use client";

import { useState } from "react";

// Copies text to the clipboard and says so for two seconds (announced to screen readers).
const VARIANTS = {
  dark: "bg-white/10 text-white ring-white/20 hover:bg-white/20",
  light: "bg-white text-slate-800 shadow-sm ring-slate-300 hover:bg-slate-50",
} as const;

export function CopyButton({ text, label = "Copy", variant = "dark" }: { text: string; label?: string; variant?: keyof typeof VARIANTS }) {
  const [copied, setCopied] = useState<"idle" | "ok" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2000);
  };
  return (
    <button
      type="button"
      onClick={copy}
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-semibold ring-1 transition ${VARIANTS[variant]}`}
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
        {copied === "ok" ? (
          <path fillRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" clipRule="evenodd" />
        ) : (
          <path d="M7 3.5A1.5 1.5 0 0 1 8.5 2h3.879a1.5 1.5 0 0 1 1.06.44l3.122 3.12A1.5 1.5 0 0 1 17 6.622V12.5a1.5 1.5 0 0 1-1.5 1.5h-1v-3.379a3 3 0 0 0-.879-2.121L10.5 5.379A3 3 0 0 0 8.379 4.5H7v-1ZM4.5 6A1.5 1.5 0 0 0 3 7.5v9A1.5 1.5 0 0 0 4.5 18h7a1.5 1.5 0 0 0 1.5-1.5v-5.879a1.5 1.5 0 0 0-.44-1.06L9.44 6.439A1.5 1.5 0 0 0 8.378 6H4.5Z" />
        )}
      </svg>
      <span aria-live="polite">{copied === "ok" ? "Copied" : copied === "failed" ? "Select and copy" : label}</span>
    </button>
  );
}
