// Shared Tailwind class strings for the marketing pages (kept literal so Tailwind sees them).

export const container = "mx-auto w-full max-w-6xl px-4 sm:px-6 lg:px-8";

export const buttonPrimary =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700";

export const buttonSecondary =
  "inline-flex items-center justify-center gap-2 rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 transition-colors ring-inset hover:bg-slate-50";

export const eyebrow = "text-sm font-semibold tracking-wide text-brand-600 uppercase";

export const sectionTitle = "text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl";

export const sectionLead = "mt-4 text-lg leading-8 text-pretty text-slate-600";

export const textLink = "font-medium text-brand-600 underline decoration-brand-600/30 underline-offset-2 hover:decoration-brand-600";
