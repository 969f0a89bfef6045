// Shared Tailwind class strings for the app's forms and cards (literal so Tailwind sees them).
export const input =
  "block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus:ring-inset aria-[invalid=true]:ring-red-500";
export const label = "block text-sm font-medium text-slate-800";
export const card = "rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200";
export const buttonPrimary =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70";
export const buttonSecondary =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset transition-colors hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70";
export const buttonDanger =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-red-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-60";
export const link = "font-medium text-brand-600 underline decoration-brand-600/30 underline-offset-2 hover:decoration-brand-600";
