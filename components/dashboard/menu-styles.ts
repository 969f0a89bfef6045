// Class strings for the dashboard's dropdown menus and toolbar buttons.
export const toolbarButton =
  "inline-flex items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-200 transition-colors hover:bg-slate-50";
export const menuItem = "flex w-full items-center justify-between gap-3 rounded-lg px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100";
export const menuItemActive = "bg-brand-50 font-semibold text-brand-700 hover:bg-brand-50";
