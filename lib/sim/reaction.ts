/**
 * Exact propagator of the local, linear exchange between free (C) and
 * matrix-bound (B) ligand over a time t:
 *   dC/dt = −a·C + b·B,   dB/dt = c·C − d·B
 * with a = kon·Bmax, b = koff, c = kon·Bmax, d = koff + k_bound.
 * Writes [p11, p12, p21, p22] with (C, B)(t) = P·(C, B)(0).
 *
 * exp(Mt) = e^{mt}[cosh(δt)·I + sinh(δt)/δ·(M − mI)], m = −(a+d)/2,
 * δ = √(((a−d)/2)² + bc). The diagonal entries are formed as non-negative
 * combinations of e^{(m±δ)t}, so the propagator is entry-wise non-negative
 * in floating point too (positivity of C and B is preserved exactly).
 */
export function exchangePropagator(a: number, b: number, c: number, d: number, t: number, out: Float64Array | number[]): void {
  const m = -0.5 * (a + d);
  const h = 0.5 * (a - d);
  const delta = Math.sqrt(h * h + b * c);
  const dt = delta * t;
  if (dt < 1e-5) {
    const em = Math.exp(m * t);
    const x2 = dt * dt;
    const ch = em * (1 + x2 / 2);
    const sh = em * t * (1 + x2 / 6);
    out[0] = Math.max(0, ch - sh * h);
    out[1] = sh * b;
    out[2] = sh * c;
    out[3] = Math.max(0, ch + sh * h);
    return;
  }
  const e1 = Math.exp((m + delta) * t);
  const e2 = Math.exp((m - delta) * t);
  const rho = Math.max(-1, Math.min(1, -h / delta)); // (d − a)/(2δ) ∈ [−1, 1]
  const s = (e1 - e2) / (2 * delta);
  out[0] = 0.5 * ((1 + rho) * e1 + (1 - rho) * e2);
  out[1] = s * b;
  out[2] = s * c;
  out[3] = 0.5 * ((1 - rho) * e1 + (1 + rho) * e2);
}
