/**
 * Thomas algorithm for tridiagonal systems  lo[i]·x[i−1] + di[i]·x[i] + up[i]·x[i+1] = d[i].
 * The matrices built by the solvers are M-matrices (positive diagonal,
 * non-positive off-diagonals, diagonally dominant), for which the algorithm
 * is stable without pivoting. The factorisation is stored once (cp, inv) and
 * reused for every right-hand side with the same matrix; nothing is allocated.
 */

/** Factorises: cp[i] = up[i]/den[i], inv[i] = 1/den[i], den[i] = di[i] − lo[i]·cp[i−1]. */
export function factorTridiag(
  n: number,
  lo: Float64Array,
  di: Float64Array,
  up: Float64Array,
  cp: Float64Array,
  inv: Float64Array,
): void {
  let den = di[0];
  inv[0] = 1 / den;
  cp[0] = up[0] * inv[0];
  for (let i = 1; i < n; i++) {
    den = di[i] - lo[i] * cp[i - 1];
    inv[i] = 1 / den;
    cp[i] = up[i] * inv[i];
  }
}

/** Solves in place: on entry d holds the right-hand side, on exit the solution. */
export function solveFactored(n: number, lo: Float64Array, cp: Float64Array, inv: Float64Array, d: Float64Array): void {
  d[0] = d[0] * inv[0];
  for (let i = 1; i < n; i++) d[i] = (d[i] - lo[i] * d[i - 1]) * inv[i];
  for (let i = n - 2; i >= 0; i--) d[i] -= cp[i] * d[i + 1];
}

/** Convenience one-shot solver (allocates; for tests and setup code only). */
export function solveTridiag(lo: ArrayLike<number>, di: ArrayLike<number>, up: ArrayLike<number>, rhs: ArrayLike<number>): Float64Array {
  const n = di.length;
  const L = Float64Array.from(lo);
  const Dg = Float64Array.from(di);
  const U = Float64Array.from(up);
  const cp = new Float64Array(n);
  const inv = new Float64Array(n);
  const x = Float64Array.from(rhs);
  factorTridiag(n, L, Dg, U, cp, inv);
  solveFactored(n, L, cp, inv, x);
  return x;
}
