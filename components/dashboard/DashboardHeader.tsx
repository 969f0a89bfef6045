import Link from "next/link";
import type { ReactNode } from "react";
import { DownloadIcon, GearIcon } from "./icons";
import { toolbarButton } from "./menu-styles";
import { PeriodPicker } from "./PeriodPicker";
import { RealtimeBadge } from "./RealtimeBadge";
import { SiteAvatar } from "./SiteAvatar";
import { SiteSwitcher } from "./SiteSwitcher";
import type { DashboardContext } from "./types";
import { toSearchParams } from "./view-params";

// The sticky bar above the stats: site (a switcher for the owner), current visitors, period,
// the owner's export and settings, and below it the active filters (children).
export function DashboardHeader({ ctx, domains, children }: { ctx: DashboardContext; domains: Promise<string[]> | null; children?: ReactNode }) {
  const search = toSearchParams(ctx.view).toString();
  return (
    <div className="sticky top-0 z-20 -mx-4 -mt-3 space-y-3 bg-slate-50/90 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-5 gap-y-2">
          {domains ? (
            <SiteSwitcher domain={ctx.site.domain} domains={domains} view={ctx.view} />
          ) : (
            <h1 className="flex min-w-0 max-w-full items-center gap-2.5 text-lg font-bold tracking-tight text-slate-900">
              <SiteAvatar domain={ctx.site.domain} />
              <span className="truncate" title={ctx.site.domain}>{ctx.site.domain}</span>
            </h1>
          )}
          <RealtimeBadge endpoint={`${ctx.basePath}/realtime`} initial={null} />
        </div>
        <div className="flex items-center gap-2">
          <PeriodPicker basePath={ctx.basePath} view={ctx.view} range={ctx.query.range} />
          {ctx.mode === "owner" && (
            <>
              <a href={`${ctx.basePath}/export${search ? `?${search}` : ""}`} className={toolbarButton} download title="Download one CSV per panel, for this period and these filters">
                <DownloadIcon className="size-4 text-slate-500" />
                <span className="max-sm:sr-only">Export CSV</span>
              </a>
              <Link href={`${ctx.basePath}/settings`} className={toolbarButton} aria-label="Site settings" title="Site settings">
                <GearIcon className="size-4 text-slate-500" />
              </Link>
            </>
          )}
        </div>
      </div>
      {children}
    </div>
  );
}
