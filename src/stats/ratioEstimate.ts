/**
 * A ratio of weighted totals, R = Σ w·y / Σ w·x, over independent units (users), with its
 * linearization (Taylor) standard error: v(R) = n / (n − 1) · Σ (w·(y − R·x))² / (Σ w·x)².
 * It is the variance of a ratio estimator under with-replacement sampling (Cochran, Sampling
 * Techniques, 6.2; R's survey::svyratio), and it accounts for the clustering of many messages
 * within one user, which a per-message binomial SE would ignore. With x = 1 and w = 1 it is the
 * sample mean with SE s / √n.
 */

export interface RatioUnit {
  /** Numerator of the unit (e.g. abusive messages it sent). */
  y: number;
  /** Denominator of the unit (e.g. messages it sent); 1 for a per-unit mean. */
  x: number;
  /** Sampling weight: how many population units it stands for (default 1). */
  w?: number;
}

export interface RatioEstimate {
  estimate: number;
  se: number;
  /** Units with a finite numerator, denominator and weight. */
  n: number;
  /** Weighted totals. */
  numerator: number;
  denominator: number;
}

export function ratioEstimate(units: readonly RatioUnit[]): RatioEstimate {
  let n = 0;
  let Y = 0;
  let X = 0;
  for (const {y, x, w = 1} of units) {
    if (!Number.isFinite(y) || !Number.isFinite(x) || !Number.isFinite(w)) continue;
    if (w < 0) throw new Error(`invalid weight: ${w}`);
    n++;
    Y += w * y;
    X += w * x;
  }
  if (n === 0 || X === 0) return {estimate: NaN, se: NaN, n, numerator: Y, denominator: X};
  const R = Y / X;
  if (n < 2) return {estimate: R, se: NaN, n, numerator: Y, denominator: X};
  let sum = 0;
  for (const {y, x, w = 1} of units) {
    if (!Number.isFinite(y) || !Number.isFinite(x) || !Number.isFinite(w)) continue;
    const e = w * (y - R * x);
    sum += e * e;
  }
  return {estimate: R, se: Math.sqrt((n / (n - 1)) * sum) / Math.abs(X), n, numerator: Y, denominator: X};
}
