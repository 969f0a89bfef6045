import { Suspense } from "react";
import { BreakdownSection } from "./BreakdownSection";
import { DashboardHeader } from "./DashboardHeader";
import { FilterBar } from "./FilterBar";
import { GoalsSection } from "./GoalsSection";
import { OverviewSection } from "./OverviewSection";
import { PanelErrorBoundary } from "./PanelErrorBoundary";
import { PANELS } from "./panels";
import { PendingFade, ViewNavigationProvider } from "./ViewNavigation";
import { OverviewSkeleton, PanelSkeleton } from "./Skeletons";
import type { DashboardContext } from "./types";

// One site's dashboard, for the owner and for shared links alike. Each panel streams in
// behind its own Suspense boundary (and fails alone), all within the one page request.
export function SiteDashboard({ ctx, domains }: { ctx: DashboardContext; domains: Promise<string[]> | null }) {
  return (
    <ViewNavigationProvider>
      <DashboardHeader ctx={ctx} domains={domains}>
        <FilterBar basePath={ctx.basePath} view={ctx.view} />
      </DashboardHeader>
      <PendingFade>
        <PanelErrorBoundary title="The overview" minHeight="min-h-[22rem]">
          <Suspense fallback={<OverviewSkeleton />}>
            <OverviewSection ctx={ctx} />
          </Suspense>
        </PanelErrorBoundary>
        <div className="grid gap-6 lg:grid-cols-2">
          {PANELS.map((panel) => (
            <PanelErrorBoundary key={panel.id} title={panel.title}>
              <Suspense fallback={<PanelSkeleton />}>
                <BreakdownSection ctx={ctx} panel={panel} />
              </Suspense>
            </PanelErrorBoundary>
          ))}
        </div>
        <PanelErrorBoundary title="Goals" minHeight="min-h-40">
          <Suspense fallback={<PanelSkeleton rows={3} />}>
            <GoalsSection ctx={ctx} />
          </Suspense>
        </PanelErrorBoundary>
      </PendingFade>
    </ViewNavigationProvider>
  );
}
