// A tiny server-rendered area chart for the sites list; decorative (the figure beside it says it).
export function Sparkline({ id, values, className = "h-12 w-full" }: { id: string; values: number[]; className?: string }) {
  const width = 240;
  const height = 48;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 6)).toFixed(1)}`);
  const line = `M${points.join("L")}`;
  return (
    <svg aria-hidden viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className={className}>
      <defs>
        <linearGradient id={id} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor="var(--color-brand-500)" stopOpacity="0.22" />
          <stop offset="100%" stopColor="var(--color-brand-500)" stopOpacity="0" />
        </linearGradient>
      </defs>
      {values.length > 0 && (
        <>
          <path d={`${line}L${width},${height}L0,${height}Z`} fill={`url(#${id})`} />
          <path d={line} fill="none" className="stroke-brand-600" strokeWidth={1.75} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
        </>
      )}
    </svg>
  );
}
