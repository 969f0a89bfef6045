import { formatRange } from "@/lib/analytics/format";
import { EmptyPeriod } from "./EmptyPeriod";
import { PanelUnavailable } from "./PanelUnavailable";
import { settleRead } from "./settle-read";
import { StatsOverview } from "./StatsOverview";
import type { DashboardContext } from "./types";

export async function OverviewSection({ ctx }: { ctx: DashboardContext }) {
  const settled = await settleRead(Promise.all([ctx.data.topStats(), ctx.data.timeseries()]));
  if (!settled.ok) return <PanelUnavailable title="The overview" minHeight="min-h-[22rem]" reason={settled.unavailable.reason} message={settled.unavailable.message} />;
  const [stats, points] = settled.value;
  const empty = stats.current.visitors === 0 && stats.current.pageviews === 0;
  // Asked only for an empty period: whether the site ever received anything picks the message.
  const everReceived = empty ? await ctx.data.hasAnyEvent() : true;
  return (
    <StatsOverview
      stats={stats}
      points={points}
      interval={ctx.query.range.interval}
      comparison={`vs ${formatRange(stats.previousRange.from, stats.previousRange.to)}`}
      emptyState={empty ? <EmptyPeriod neverReceived={!everReceived} setupHref={ctx.mode === "owner" ? `${ctx.basePath}/setup` : null} /> : null}
    />
  );
}
