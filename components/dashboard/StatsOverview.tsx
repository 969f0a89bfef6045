"use client";

import { useState, type ReactNode } from "react";
import { METRICS, type Interval, type Metric, type TimeseriesPoint, type TopStats } from "@/lib/analytics/types";
import { MainGraph } from "./MainGraph";
import { TopStatCard } from "./TopStatCard";

// Top stats and the main graph; clicking a stat puts its metric on the graph.
export function StatsOverview({
  stats,
  points,
  interval,
  comparison,
  emptyState,
}: {
  stats: TopStats;
  points: TimeseriesPoint[];
  interval: Interval;
  comparison: string;
  emptyState: ReactNode | null;
}) {
  const [metric, setMetric] = useState<Metric>("visitors");
  return (
    <section aria-label="Overview" className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="grid grid-cols-2 divide-slate-100 border-b border-slate-100 sm:grid-cols-3 lg:grid-cols-6 [&>*]:border-slate-100 max-lg:[&>*]:border-b sm:[&>*:not(:last-child)]:border-r">
        {METRICS.map((m) => (
          <TopStatCard
            key={m}
            metric={m}
            current={stats.current[m]}
            previous={stats.previous[m]}
            selected={metric === m}
            comparison={comparison}
            onSelect={() => setMetric(m)}
          />
        ))}
      </div>
      <div className="px-3 pb-3 pt-5 sm:px-5">
        {emptyState ?? <MainGraph points={points.map((p) => ({ bucket: p.bucket, value: p[metric] }))} metric={metric} interval={interval} />}
      </div>
    </section>
  );
}
