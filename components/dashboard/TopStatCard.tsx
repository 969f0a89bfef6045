import type { Metric } from "@/lib/analytics/types";
import { formatMetric, percentChange } from "@/lib/analytics/format";
import { METRIC_LABELS } from "@/lib/analytics/labels";

// One figure of the top row; a button that puts its metric on the graph.
export function TopStatCard({
  metric,
  current,
  previous,
  selected,
  comparison,
  onSelect,
}: {
  metric: Metric;
  current: number;
  previous: number;
  selected: boolean;
  comparison: string;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-pressed={selected}
      data-testid={`stat-${metric}`}
      className={`group relative flex flex-col items-start gap-1 px-4 py-4 text-left transition-colors sm:px-5 ${selected ? "bg-brand-50/60" : "hover:bg-slate-50"}`}
    >
      <span className={`text-xs font-semibold uppercase tracking-wide ${selected ? "text-brand-700" : "text-slate-500 group-hover:text-slate-700"}`}>
        {METRIC_LABELS[metric]}
      </span>
      <span className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="text-2xl font-bold tabular-nums tracking-tight text-slate-900" data-testid={`stat-${metric}-value`}>
          {formatMetric(metric, current)}
        </span>
        <ChangeBadge metric={metric} current={current} previous={previous} comparison={comparison} />
      </span>
      <span aria-hidden className={`absolute inset-x-0 bottom-0 h-0.5 ${selected ? "bg-brand-600" : "bg-transparent"}`} />
    </button>
  );
}

function ChangeBadge({ metric, current, previous, comparison }: { metric: Metric; current: number; previous: number; comparison: string }) {
  const change = percentChange(current, previous);
  if (change === null) return <span className="text-xs font-medium text-slate-500" title={comparison}>new</span>;
  if (change === 0) return <span className="text-xs font-medium text-slate-500" title={comparison}>0%</span>;
  const up = change > 0;
  const good = metric === "bounceRate" ? !up : up;
  return (
    <span className={`inline-flex items-center text-xs font-semibold ${good ? "text-emerald-700" : "text-red-600"}`} title={`${formatMetric(metric, previous)} ${comparison}`}>
      <span aria-hidden>{up ? "↑" : "↓"}</span>
      <span className="sr-only">{up ? "up" : "down"}</span>
      {Math.abs(change)}%
    </span>
  );
}
