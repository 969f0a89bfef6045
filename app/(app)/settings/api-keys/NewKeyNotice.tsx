"use client";

import { CopyButton } from "@/components/sites/CopyButton";

// The new key, shown once: after this page is left it cannot be displayed again.
export function NewKeyNotice({ name, apiKey }: { name: string; apiKey: string }) {
  return (
    <div role="status" className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="text-sm font-semibold text-amber-900 [overflow-wrap:anywhere]">Copy your new key “{name}” now</p>
      <p className="mt-1 text-sm text-amber-900/80">This is the only time it is shown. We store only a hash of it — if you lose it, revoke it and create a new one.</p>
      <div className="mt-3 flex items-center gap-2 rounded-lg bg-slate-900 py-2 pl-3 pr-2">
        <code data-testid="new-api-key" className="min-w-0 flex-1 break-all font-mono text-sm text-slate-100">{apiKey}</code>
        <CopyButton text={apiKey} label="Copy key" />
      </div>
    </div>
  );
}
