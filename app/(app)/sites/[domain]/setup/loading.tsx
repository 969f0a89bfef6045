export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl space-y-6" role="status" aria-label="Loading">
      <div className="h-8 w-80 animate-pulse rounded bg-slate-200/70" />
      <div className="h-16 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-200/70" />
    </div>
  );
}
