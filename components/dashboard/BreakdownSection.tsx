import { BreakdownPanel } from "./BreakdownPanel";
import { PANEL_ROWS, type PanelConfig } from "./panels";
import type { DashboardContext } from "./types";

// Loads the rows of the panel's first (visible) tab; the client panel loads the others when asked.
export async function BreakdownSection({ ctx, panel }: { ctx: DashboardContext; panel: PanelConfig }) {
  const first = panel.tabs[0];
  const rows = await ctx.data.breakdown(first.dimension);
  const firstRows = rows.slice(0, PANEL_ROWS).map(({ value, visitors }) => ({ value, visitors }));
  return <BreakdownPanel title={panel.title} tabs={panel.tabs} firstRows={firstRows} basePath={ctx.basePath} view={ctx.view} />;
}
