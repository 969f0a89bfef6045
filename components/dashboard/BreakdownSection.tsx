import { BreakdownPanel, type LoadedTab } from "./BreakdownPanel";
import { PANEL_ROWS } from "./dashboard-data";
import type { PanelConfig } from "./panels";
import type { DashboardContext } from "./types";

// Loads every tab of one panel in parallel and hands the rows to the client panel.
export async function BreakdownSection({ ctx, panel }: { ctx: DashboardContext; panel: PanelConfig }) {
  const tabs: LoadedTab[] = await Promise.all(
    panel.tabs.map(async (tab) => {
      const rows = await ctx.data.breakdown(tab.dimension);
      return { ...tab, rows: rows.slice(0, PANEL_ROWS), hasMore: rows.length > PANEL_ROWS };
    }),
  );
  return <BreakdownPanel title={panel.title} tabs={tabs} basePath={ctx.basePath} view={ctx.view} />;
}
