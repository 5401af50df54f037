/**
 * Error-function family in double precision.
 *
 * Implementation of W. J. Cody's rational Chebyshev approximations
 * ("Rational Chebyshev approximations for the error function",
 * Math. Comp. 23 (1969) 631–637; the coefficients are those of his
 * public-domain SPECFUN routine CALERF). Maximum relative error is of the
 * order of 1e-16 over the whole real line — far below the 1e-7 the
 * simulator needs.
 *
 * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x) is the
 * primary routine: the analytic solutions use it to form products such as
 * e^{x/λ}·erfc(u) without overflow or underflow.
 */

const SQRT_PI_INV = 0.5641895835477562869480794515607725858440; // 1/√π
const THRESH = 0.46875;

// erf on |x| ≤ 0.46875
const A = [3.1611237438705656, 113.86415415105016, 377.48523768530202, 3209.3775891384695, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391706];
// erfc on 0.46875 < x ≤ 4
const Cc = [
  0.56418849698867009, 8.8831497943883759, 66.119190637141634, 298.63513819740013, 881.9522212417691,
  1712.0476126340706, 2051.0783778260715, 1230.3393547979972, 2.1531153547440383e-8,
];
const Dd = [
  15.744926110709835, 117.6939508913125, 537.18110186200986, 1621.3895745666902, 3290.7992357334596,
  4362.6190901432472, 3439.3676741437216, 1230.3393548037495,
];
// erfc on x > 4 (asymptotic variable 1/x²)
const P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122925, 0.016083785148742275, 6.5874916152983678e-4, 0.016315387137302097];
const Q = [2.5685201922898682, 1.8729528499234604, 0.52790510295142837, 0.060518341312441319, 0.0023352049762686918];

/** erf(x) for |x| ≤ 0.46875 (no cancellation there). */
function erfSmall(x: number): number {
  const z = x * x;
  let num = A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * z;
    den = (den + B[i]) * z;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

/** erfcx(y) = exp(y²)·erfc(y) for y > 0.46875. */
function erfcxPositive(y: number): number {
  if (y <= 4) {
    let num = Cc[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + Cc[i]) * y;
      den = (den + Dd[i]) * y;
    }
    return (num + Cc[7]) / (den + Dd[7]);
  }
  if (y >= 6.71e7) return SQRT_PI_INV / y; // asymptotic 1/(y√π); relative error < 1e-16
  const z = 1 / (y * y);
  let num = P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * z;
    den = (den + Q[i]) * z;
  }
  const r = (z * (num + P[4])) / (den + Q[4]);
  return (SQRT_PI_INV - r) / y;
}

/**
 * exp(-y²) computed as exp(-ỹ²)·exp(-(y-ỹ)(y+ỹ)) with ỹ = y rounded to 1/16,
 * which avoids the loss of relative accuracy of exp(-y·y) for large y
 * (Cody's device).
 */
function expMinusSquare(y: number): number {
  const ys = Math.trunc(y * 16) / 16;
  const del = (y - ys) * (y + ys);
  return Math.exp(-ys * ys) * Math.exp(-del);
}

/** Error function erf(x). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return erfSmall(x);
  const c = y >= 27 ? 0 : expMinusSquare(y) * erfcxPositive(y);
  const r = 1 - c;
  return x < 0 ? -r : r;
}

/** Complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return 1 - erfSmall(x);
  if (x > 0) {
    if (y >= 27.3) return 0; // underflows double precision
    return expMinusSquare(y) * erfcxPositive(y);
  }
  if (y >= 6) return 2; // erfc(-6) = 2 − 2.2e-17
  return 2 - expMinusSquare(y) * erfcxPositive(y);
}

/**
 * Scaled complementary error function erfcx(x) = exp(x²)·erfc(x).
 * Finite for all x ≥ −26.6; for x → +∞ it behaves like 1/(x√π).
 */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return Math.exp(x * x) * (1 - erfSmall(x));
  if (x > 0) return erfcxPositive(y);
  if (x < -26.6) return Infinity;
  // erfcx(−y) = 2·exp(y²) − erfcx(y)
  const ys = Math.trunc(y * 16) / 16;
  const del = (y - ys) * (y + ys);
  const e = Math.exp(ys * ys) * Math.exp(del);
  return 2 * e - erfcxPositive(y);
}

/**
 * Inverse of erfc restricted to what the simulator needs (bisection + Newton
 * polish); used only for estimates such as the time to a fraction of steady state
 * at the source. Accepts 0 < p < 2.
 */
export function erfcInv(p: number): number {
  if (!(p > 0 && p < 2)) throw new RangeError(`erfcInv: argument ${p} outside (0, 2)`);
  let lo = -27;
  let hi = 27;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (erfc(mid) > p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-15 * Math.max(1, Math.abs(mid))) break;
  }
  return 0.5 * (lo + hi);
}
