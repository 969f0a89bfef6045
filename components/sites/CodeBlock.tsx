import { CopyButton } from "./CopyButton";

// A dark code block with a copy button, for snippets the owner pastes elsewhere.
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="overflow-hidden rounded-xl bg-slate-900 shadow-sm ring-1 ring-slate-800">
      <div className="flex items-center justify-between border-b border-white/10 px-4 py-2">
        <span className="text-xs font-medium text-slate-400">{label}</span>
        <CopyButton text={code} />
      </div>
      <pre className="whitespace-pre-wrap px-4 py-3.5 text-[13px] leading-6 text-slate-100 [overflow-wrap:anywhere]">
        <code>{code}</code>
      </pre>
    </div>
  );
}
