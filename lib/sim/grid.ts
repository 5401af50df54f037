import { SimInputError } from "./errors";

/**
 * Face positions of a 1-D finite-volume grid starting at r0 (0 for the planar
 * problem, the source-cell radius a for the spherical one).
 *
 * Cells grow geometrically from `hStart` up to `hFine` (factor `growth`), stay
 * at `hFine` until r0 + fineLength, then grow by `outerGrowth` until
 * r0 + totalLength. The last face is exactly r0 + totalLength.
 */
export interface GridSpec {
  r0: number;
  hFine: number;
  fineLength: number;
  totalLength: number;
  hStart?: number;
  growth?: number;
  outerGrowth?: number;
  maxCells?: number;
}

export function buildGrid(spec: GridSpec): Float64Array {
  const { r0, hFine, fineLength, totalLength } = spec;
  if (!(hFine > 0) || !(totalLength > 0) || !Number.isFinite(totalLength)) {
    throw new SimInputError("grid: spacing and domain length must be positive and finite");
  }
  const growth = spec.growth ?? 1.04;
  const outerGrowth = spec.outerGrowth ?? 1.05;
  const maxCells = spec.maxCells ?? 50000;
  let h = Math.min(spec.hStart ?? hFine, hFine);
  const end = r0 + totalLength;
  const fineEnd = r0 + Math.min(fineLength, totalLength);
  const faces: number[] = [r0];
  let pos = r0;
  while (pos < end) {
    let next = pos + h;
    if (next > end - 0.5 * h) next = end; // absorb a small remainder into the last cell
    faces.push(next);
    pos = next;
    if (faces.length > maxCells + 1) throw new SimInputError(`grid would need more than ${maxCells} cells`);
    if (pos < fineEnd) h = Math.min(h * growth, hFine);
    else h = h < hFine ? Math.min(h * growth, hFine) : h * outerGrowth;
  }
  return Float64Array.from(faces);
}

/** Uniform grid on [r0, r0 + L] with n cells. */
export function uniformGrid(L: number, n: number, r0 = 0): Float64Array {
  const f = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) f[i] = r0 + (L * i) / n;
  return f;
}
