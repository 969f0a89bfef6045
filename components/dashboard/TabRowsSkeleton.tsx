import { PANEL_ROWS } from "./panels";

// Rows of a tab that is still loading, as tall as the rows that replace them.
export function TabRowsSkeleton() {
  return (
    <div aria-hidden className="space-y-1">
      {Array.from({ length: PANEL_ROWS }, (_, i) => (
        <div key={i} className="flex h-8 items-center gap-3">
          <div className="h-7 animate-pulse rounded-md bg-slate-100" style={{ width: `${90 - i * 9}%` }} />
          <div className="ml-auto h-4 w-10 animate-pulse rounded bg-slate-200/70" />
        </div>
      ))}
    </div>
  );
}
