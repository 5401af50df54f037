// "Nice" axis ticks for the hand-written SVG plots (1, 2, 5 × 10ⁿ steps). Pure.
export function niceStep(span: number, target = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, target);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / mag;
  const nice = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return nice * mag;
}

/** Ticks covering [min, max]: the domain is extended to whole steps; returns the ticks and the domain. */
export function niceTicks(min: number, max: number, target = 5): { ticks: number[]; domain: [number, number] } {
  if (!(max > min)) max = min + (min === 0 ? 1 : Math.abs(min));
  const step = niceStep(max - min, target);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return { ticks, domain: [lo, hi] };
}
