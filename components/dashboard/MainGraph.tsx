"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import type { Interval, Metric } from "@/lib/analytics/types";
import { formatMetric } from "@/lib/analytics/format";
import { METRIC_LABELS } from "@/lib/analytics/labels";
import { axisTicks, bucketLabel, bucketTitle, labelIndexes } from "./chart-scale";

const HEIGHT = 260;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

export type GraphPoint = { bucket: string; value: number };

// The main graph: an SVG area chart sized to its container. Hover or arrow keys show a point.
export function MainGraph({ points, metric, interval }: { points: GraphPoint[]; metric: Metric; interval: Interval }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [active, setActive] = useState<number | null>(null);

  const ticks = axisTicks(Math.max(0, ...points.map((p) => p.value)));
  const top = ticks.at(-1) ?? 1;
  const plotW = Math.max(1, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join("");
  const area = points.length > 0 ? `${line}L${x(points.length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z` : "";
  const labels = labelIndexes(points.length, Math.max(2, Math.floor(plotW / 90)));
  const current = active === null ? undefined : points[active];

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const ratio = (event.clientX - rect.left - PAD.left) / plotW;
    setActive(Math.min(points.length - 1, Math.max(0, Math.round(ratio * (points.length - 1)))));
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const delta = event.key === "ArrowLeft" ? -1 : 1;
    setActive((i) => Math.min(points.length - 1, Math.max(0, (i ?? (delta > 0 ? -1 : points.length)) + delta)));
  };

  return (
    <div ref={box} className="relative" style={{ height: HEIGHT }}>
      {width > 0 && (
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          tabIndex={0}
          aria-label={`${METRIC_LABELS[metric]} over time. Use the left and right arrow keys to read each point.`}
          className="touch-none select-none rounded-md"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setActive(null)}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(null)}
        >
          <defs>
            <linearGradient id="graph-fill" x1="0" x2="0" y1="0" y2="1">
              <stop offset="0%" stopColor="var(--color-brand-500)" stopOpacity="0.28" />
              <stop offset="100%" stopColor="var(--color-brand-500)" stopOpacity="0" />
            </linearGradient>
          </defs>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} className={t === 0 ? "stroke-slate-300" : "stroke-slate-100"} />
              <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[11px] tabular-nums">
                {formatMetric(metric, t)}
              </text>
            </g>
          ))}
          {labels.map((i) => (
            <text key={i} x={x(i)} y={HEIGHT - 8} textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"} className="fill-slate-500 text-[11px]">
              {bucketLabel(points[i]?.bucket ?? "", interval)}
            </text>
          ))}
          <path d={area} fill="url(#graph-fill)" />
          <path d={line} fill="none" className="stroke-brand-600" strokeWidth={2.25} strokeLinejoin="round" strokeLinecap="round" />
          {current && active !== null && (
            <g>
              <line x1={x(active)} x2={x(active)} y1={PAD.top} y2={y(0)} className="stroke-slate-300" strokeDasharray="3 3" />
              <circle cx={x(active)} cy={y(current.value)} r={4.5} className="fill-white stroke-brand-600" strokeWidth={2.5} />
            </g>
          )}
        </svg>
      )}
      <div aria-live="polite" className="sr-only">
        {current ? `${bucketTitle(current.bucket, interval)}: ${formatMetric(metric, current.value, true)}` : ""}
      </div>
      {current && active !== null && (
        <div
          aria-hidden
          className="pointer-events-none absolute top-0 z-10 -translate-x-1/2 whitespace-nowrap rounded-lg bg-slate-900 px-3 py-2 text-xs text-white shadow-lg"
          style={{ left: Math.min(Math.max(x(active), 80), width - 80) }}
        >
          <p className="text-slate-300">{bucketTitle(current.bucket, interval)}</p>
          <p className="mt-0.5 text-sm font-semibold">
            {formatMetric(metric, current.value, true)} <span className="font-normal text-slate-300">{METRIC_LABELS[metric].toLowerCase()}</span>
          </p>
        </div>
      )}
    </div>
  );
}

function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
