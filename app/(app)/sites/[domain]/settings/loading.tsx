export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl space-y-8" role="status" aria-label="Loading the site settings">
      <div className="h-8 w-72 animate-pulse rounded bg-slate-200/70" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-48 animate-pulse rounded-xl bg-white ring-1 ring-slate-200" />
      ))}
    </div>
  );
}
