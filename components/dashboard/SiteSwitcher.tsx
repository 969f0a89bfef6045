"use client";

import Link from "next/link";
import { Suspense, use } from "react";
import { Dropdown } from "./Dropdown";
import { menuItem, menuItemActive } from "./menu-styles";
import { SiteAvatar } from "./SiteAvatar";
import { viewHref, type ViewParams } from "./view-params";

// Jump to another of the owner's sites, keeping the period (filters belong to one site). The
// list streams in with the page and is only read when the menu opens, so it never holds up
// the dashboard.
export function SiteSwitcher({ domain, domains, view }: { domain: string; domains: Promise<string[]>; view: ViewParams }) {
  return (
    <Dropdown
      label={
        <span className="flex items-center gap-2.5">
          <SiteAvatar domain={domain} />
          <span className="max-w-[16rem] truncate text-lg font-bold lg:max-w-[28rem] tracking-tight text-slate-900" title={domain}>{domain}</span>
        </span>
      }
      buttonClassName="flex items-center gap-2 rounded-lg px-1.5 py-1 -ml-1.5 hover:bg-white hover:shadow-sm hover:ring-1 hover:ring-slate-200"
      panelClassName="w-72"
    >
      {(close) => (
        <nav aria-label="Your sites">
          <Suspense fallback={<p className="px-3 py-2 text-sm text-slate-500">Loading your sites…</p>}>
            <SiteList domain={domain} domains={domains} view={view} onChoose={close} />
          </Suspense>
          <div className="mt-1 border-t border-slate-100 pt-1">
            <Link href="/sites/new" onClick={close} className={`${menuItem} justify-start font-medium text-brand-700`}>
              <span aria-hidden className="inline-flex size-6 items-center justify-center rounded-lg bg-brand-50 text-base">+</span>
              Add a site
            </Link>
          </div>
        </nav>
      )}
    </Dropdown>
  );
}

function SiteList({ domain, domains, view, onChoose }: { domain: string; domains: Promise<string[]>; view: ViewParams; onChoose: () => void }) {
  return (
    <ul className="max-h-80 overflow-y-auto">
      {use(domains).map((d) => (
        <li key={d}>
          <Link
            href={viewHref(`/sites/${encodeURIComponent(d)}`, { period: view.period, from: view.from, to: view.to, filters: {} })}
            onClick={onChoose}
            aria-current={d === domain ? "page" : undefined}
            className={`${menuItem} justify-start ${d === domain ? menuItemActive : ""}`}
          >
            <SiteAvatar domain={d} size="sm" />
            <span className="truncate" title={d}>{d}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
