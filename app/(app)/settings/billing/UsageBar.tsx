// One bar of pageviews against a limit, as a labelled progressbar: screen readers hear the
// label and "8,500 of 10,000 pageviews (85 %)"; beyond the limit the bar is full and red.

export function UsageBar({ id, label, pageviews, limit }: { id: string; label: string; pageviews: number; limit: number }) {
  const percent = limit > 0 ? Math.round((pageviews / limit) * 100) : 0;
  const width = Math.min(100, percent);
  const colour = percent >= 100 ? "bg-red-600" : percent >= 80 ? "bg-amber-500" : "bg-brand-600";
  const text = `${pageviews.toLocaleString("en-US")} of ${limit.toLocaleString("en-US")} pageviews (${percent} %)`;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={`${id}-label`} className="truncate font-medium text-slate-800">{label}</span>
        <span className="shrink-0 text-slate-600 tabular-nums">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(pageviews, limit)}
        aria-valuetext={text}
        className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
