"use client";
// A hand-written SVG line plot (no chart library) with axes, units, ticks, vertical marker lines
// (decay length, signalling range) and an optional horizontal threshold, plus a data table of the
// same numbers toggled by a button.
import { useId, useState } from "react";
import { formatNumber } from "@/lib/lab/format";
import { niceTicks } from "@/lib/lab/ticks";

export interface Marker {
  x: number;
  label: string;
  kind: "lambda" | "range";
}

interface Props {
  title: string;
  xs: number[];
  ys: number[];
  xLabel: string;
  xUnit: string;
  yLabel: string;
  yUnit: string;
  markers: Marker[];
  /** Fixed y range, e.g. [0, 1] for occupancy. */
  yDomain?: [number, number];
  hLine?: { y: number; label: string };
  testId: string;
}

const W = 560;
const H = 300;
const M = { left: 64, right: 16, top: 16, bottom: 48 };

export function ProfilePlot({ title, xs, ys, xLabel, xUnit, yLabel, yUnit, markers, yDomain, hLine, testId }: Props) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const xMaxData = xs.length ? xs[xs.length - 1] : 1;
  const xt = niceTicks(0, xMaxData, 5);
  const yMaxData = Math.max(0, ...ys.filter(Number.isFinite));
  const yt = yDomain ? { ticks: niceTicks(yDomain[0], yDomain[1], 5).ticks, domain: yDomain } : niceTicks(0, yMaxData || 1, 5);
  const [x0, x1] = [0, xMaxData || 1];
  const [y0, y1] = yt.domain;
  const px = (x: number) => M.left + ((x - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const points = xs.map((x, i) => `${px(x).toFixed(1)},${py(ys[i]).toFixed(1)}`).join(" ");
  const visibleX = xt.ticks.filter((t) => t <= x1 + 1e-9);
  const outside = markers.filter((m) => !(m.x >= 0 && m.x <= x1));
  const yUnitText = yUnit ? ` (${yUnit})` : "";
  return (
    <figure className="min-w-0 space-y-2" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full text-slate-900 dark:text-slate-100" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          {`${yLabel} against ${xLabel.toLowerCase()}, from ${formatNumber(ys[0])}${yUnit ? ` ${yUnit}` : ""} at ${formatNumber(xs[0])} ${xUnit} to ${formatNumber(ys[ys.length - 1])}${yUnit ? ` ${yUnit}` : ""} at ${formatNumber(xMaxData)} ${xUnit}. ${markers.map((m) => m.label).join("; ")}. The data table button below lists every point.`}
        </desc>
        <g className="stroke-slate-300 dark:stroke-slate-700" strokeWidth={1}>
          {yt.ticks.map((t) => (
            <line key={`gy${t}`} x1={M.left} x2={W - M.right} y1={py(t)} y2={py(t)} />
          ))}
        </g>
        <g fill="currentColor" fontSize={12}>
          {visibleX.map((t) => (
            <g key={`x${t}`}>
              <line x1={px(t)} x2={px(t)} y1={H - M.bottom} y2={H - M.bottom + 5} stroke="currentColor" />
              <text x={px(t)} y={H - M.bottom + 18} textAnchor="middle">
                {formatNumber(t)}
              </text>
            </g>
          ))}
          {yt.ticks.map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left - 5} x2={M.left} y1={py(t)} y2={py(t)} stroke="currentColor" />
              <text x={M.left - 8} y={py(t) + 4} textAnchor="end">
                {formatNumber(t)}
              </text>
            </g>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" fontSize={13}>
            {xLabel} ({xUnit})
          </text>
          <text transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={13}>
            {yLabel}
            {yUnitText}
          </text>
        </g>
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="currentColor" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="currentColor" />
        {hLine ? (
          <g>
            <line x1={M.left} x2={W - M.right} y1={py(hLine.y)} y2={py(hLine.y)} className="stroke-amber-700" strokeDasharray="2 4" strokeWidth={1.5} />
            <text x={W - M.right - 4} y={py(hLine.y) - 5} textAnchor="end" fontSize={12} className="fill-amber-800 dark:fill-amber-300">
              {hLine.label}
            </text>
          </g>
        ) : null}
        {markers
          .filter((m) => m.x >= 0 && m.x <= x1)
          .map((m, i) => (
            <g key={m.kind}>
              <line
                x1={px(m.x)}
                x2={px(m.x)}
                y1={M.top}
                y2={H - M.bottom}
                className={m.kind === "lambda" ? "stroke-sky-800 dark:stroke-sky-300" : "stroke-rose-800 dark:stroke-rose-300"}
                strokeDasharray={m.kind === "lambda" ? "6 4" : "2 3"}
                strokeWidth={1.5}
              />
              <text
                x={px(m.x) + 4}
                y={M.top + 14 + i * 16}
                fontSize={12}
                className={m.kind === "lambda" ? "fill-sky-800 dark:fill-sky-300" : "fill-rose-800 dark:fill-rose-300"}
              >
                {m.label}
              </text>
            </g>
          ))}
        <polyline points={points} fill="none" className="stroke-brand-600 dark:stroke-brand-100" strokeWidth={2.5} data-testid={`${testId}-line`} />
      </svg>
      <figcaption className="text-sm text-slate-700 dark:text-slate-300">
        {title}. Dashed line: decay length λ; dotted line: signalling range.
        {outside.length ? ` Beyond the plotted distance: ${outside.map((m) => m.label).join("; ")}.` : ""}
      </figcaption>
      <button
        type="button"
        className="rounded-md border border-slate-400 px-3 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((s) => !s)}
      >
        {showTable ? "Hide" : "Show"} data table: {title.toLowerCase()}
      </button>
      {showTable ? (
        <div id={`${id}-table`} className="max-h-72 overflow-auto rounded-md border border-slate-300 dark:border-slate-700" tabIndex={0} role="region" aria-label={`Data: ${title}`}>
          <table className="w-full text-right text-sm" data-testid={`${testId}-table`}>
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 bg-white dark:bg-slate-900">
              <tr>
                <th scope="col" className="px-3 py-1">
                  {xLabel} ({xUnit})
                </th>
                <th scope="col" className="px-3 py-1">
                  {yLabel}
                  {yUnitText}
                </th>
              </tr>
            </thead>
            <tbody>
              {xs.map((x, i) => (
                <tr key={i} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="px-3 py-0.5 tabular-nums">{formatNumber(x, 4)}</td>
                  <td className="px-3 py-0.5 tabular-nums" data-value={ys[i]}>
                    {formatNumber(ys[i], 4)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
