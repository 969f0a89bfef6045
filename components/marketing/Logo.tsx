import Link from "next/link";

/** Wordmark with a small bar-chart mark; the visible text is the link's name. */
export function Logo() {
  return (
    <Link href="/" className="inline-flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7">
        <rect width="24" height="24" rx="6" className="fill-brand-600" />
        <rect x="6" y="12" width="3" height="6" rx="1" className="fill-white/70" />
        <rect x="10.5" y="8" width="3" height="10" rx="1" className="fill-white" />
        <rect x="15" y="5" width="3" height="13" rx="1" className="fill-white/85" />
      </svg>
      MiniStat
    </Link>
  );
}
