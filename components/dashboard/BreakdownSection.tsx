import { BreakdownPanel } from "./BreakdownPanel";
import { PANEL_ROWS, type PanelConfig } from "./panels";
import { PanelUnavailable } from "./PanelUnavailable";
import { settleRead } from "./settle-read";
import type { DashboardContext } from "./types";

// Loads the rows of the panel's first (visible) tab; the client panel loads the others when asked.
export async function BreakdownSection({ ctx, panel }: { ctx: DashboardContext; panel: PanelConfig }) {
  const first = panel.tabs[0];
  const settled = await settleRead(ctx.data.breakdown(first.dimension));
  if (!settled.ok) return <PanelUnavailable title={panel.title} reason={settled.unavailable.reason} message={settled.unavailable.message} />;
  const firstRows = settled.value.slice(0, PANEL_ROWS).map(({ value, visitors }) => ({ value, visitors }));
  return <BreakdownPanel title={panel.title} tabs={panel.tabs} firstRows={firstRows} basePath={ctx.basePath} view={ctx.view} />;
}
