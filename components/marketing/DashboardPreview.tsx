// A static picture of the dashboard, drawn with HTML and inline SVG (no image files).

const DAILY_VISITORS = [
  180, 210, 195, 240, 260, 230, 205, 250, 290, 310, 280, 265, 300, 340, 325, 290, 310, 360, 385, 350, 330, 370, 410,
  395, 380, 420, 455, 430, 470, 500,
];

const METRICS = [
  { label: "Unique visitors", value: "9.4k", change: "+12%", good: true },
  { label: "Total pageviews", value: "26.1k", change: "+9%", good: true },
  { label: "Bounce rate", value: "41%", change: "−3%", good: true },
  { label: "Visit duration", value: "1m 52s", change: "+5%", good: true },
];

const SOURCES = [
  { name: "Google", value: 3140 },
  { name: "Direct / None", value: 2410 },
  { name: "news.ycombinator.com", value: 880 },
  { name: "DuckDuckGo", value: 610 },
  { name: "github.com", value: 320 },
];

const PAGES = [
  { name: "/", value: 4020 },
  { name: "/pricing", value: 1730 },
  { name: "/blog/cookie-less-analytics", value: 1210 },
  { name: "/docs/install", value: 640 },
  { name: "/about", value: 290 },
];

const WIDTH = 600;
const HEIGHT = 160;

function chartPaths(values: readonly number[]): { line: string; area: string } {
  const max = Math.max(...values) * 1.15;
  const step = WIDTH / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - (v / max) * HEIGHT).toFixed(1)}`);
  const line = `M${points.join(" L")}`;
  return { line, area: `${line} L${WIDTH},${HEIGHT} L0,${HEIGHT} Z` };
}

function Panel({ title, rows }: { title: string; rows: readonly { name: string; value: number }[] }) {
  const max = Math.max(...rows.map((r) => r.value));
  return (
    <div className="rounded-xl border border-slate-200 p-4">
      <div className="flex justify-between text-xs font-semibold text-slate-500">
        <span>{title}</span>
        <span>Visitors</span>
      </div>
      <ul className="mt-3 space-y-1.5">
        {rows.map((row) => (
          <li key={row.name} className="relative flex justify-between rounded px-2 py-1 text-sm">
            <svg viewBox="0 0 100 1" preserveAspectRatio="none" className="absolute inset-0 size-full">
              <rect width={(row.value / max) * 100} height="1" className="fill-brand-50" />
            </svg>
            <span className="relative truncate text-slate-700">{row.name}</span>
            <span className="relative pl-3 font-medium text-slate-900 tabular-nums">{row.value.toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DashboardPreview() {
  const { line, area } = chartPaths(DAILY_VISITORS);
  return (
    <figure className="rounded-2xl bg-slate-900/5 p-2 ring-1 ring-slate-900/10 sm:p-3">
      <figcaption className="sr-only">
        Illustration of the MiniStat dashboard for example.com: visitors over the last 30 days, top sources and top pages.
      </figcaption>
      <div aria-hidden="true" className="overflow-hidden rounded-xl bg-white shadow-xl ring-1 ring-slate-200">
        <div className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-4 py-2.5">
          <span className="size-2.5 rounded-full bg-slate-300" />
          <span className="size-2.5 rounded-full bg-slate-300" />
          <span className="size-2.5 rounded-full bg-slate-300" />
          <span className="ml-3 truncate rounded-md bg-white px-3 py-0.5 text-xs text-slate-500 ring-1 ring-slate-200">
            ministat.eu/example.com
          </span>
        </div>
        <div className="space-y-5 p-4 sm:p-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex items-center gap-3">
              <span className="text-base font-bold text-slate-900">example.com</span>
              <span className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
                <span className="size-2 animate-pulse rounded-full bg-emerald-500 motion-reduce:animate-none" />
                14 current visitors
              </span>
            </div>
            <span className="rounded-md px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-200">Last 30 days ▾</span>
          </div>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {METRICS.map((m) => (
              <div key={m.label}>
                <dt className="text-xs font-semibold text-slate-500 uppercase">{m.label}</dt>
                <dd className="mt-1 flex items-baseline gap-2">
                  <span className="text-2xl font-bold text-slate-900">{m.value}</span>
                  <span className={`text-xs font-semibold ${m.good ? "text-emerald-700" : "text-rose-600"}`}>{m.change}</span>
                </dd>
              </div>
            ))}
          </dl>
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-36 w-full sm:h-44">
            <defs>
              <linearGradient id="preview-fill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopOpacity="0.25" className="[stop-color:var(--color-brand-500)]" />
                <stop offset="100%" stopOpacity="0" className="[stop-color:var(--color-brand-500)]" />
              </linearGradient>
            </defs>
            {[0.25, 0.5, 0.75].map((f) => (
              <line key={f} x1="0" x2={WIDTH} y1={HEIGHT * f} y2={HEIGHT * f} className="stroke-slate-100" vectorEffect="non-scaling-stroke" />
            ))}
            <path d={area} fill="url(#preview-fill)" />
            <path d={line} fill="none" strokeWidth="2.5" className="stroke-brand-500" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
          </svg>
          <div className="grid gap-4 md:grid-cols-2">
            <Panel title="Top sources" rows={SOURCES} />
            <Panel title="Top pages" rows={PAGES} />
          </div>
        </div>
      </div>
    </figure>
  );
}
