import {errorFunction, probit} from "simple-statistics";

/**
 * The standard normal distribution. simple-statistics' `cumulativeStdNormalProbability` reads a
 * two-decimal table and its `probit` is off in the third decimal (probit(0.975) = 1.957), too coarse
 * for confidence intervals and power, so the CDF uses its error function (absolute error below about
 * 1e-7, plenty for intervals and p-values) and the quantile refines its probit with Newton steps on
 * that CDF.
 */

export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  // Clamped: the approximation can step a hair outside [0, 1] far in the tails.
  return Math.min(1, Math.max(0, 0.5 * (1 + errorFunction(z / Math.SQRT2))));
}

const density = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** The z with normalCdf(z) = p, for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invalid probability: ${p} (expected a number in (0, 1))`);
  if (p === 0.5) return 0;
  let z = probit(p);
  for (let i = 0; i < 4; i++) {
    const step = (normalCdf(z) - p) / density(z);
    z -= step;
    if (Math.abs(step) < 1e-12) break;
  }
  return z;
}

/** Two-sided critical value: the z that leaves (1 - confidence) / 2 in each tail. */
export function criticalValue(confidence = 0.95): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`invalid confidence: ${confidence} (expected a number in (0, 1))`);
  return normalQuantile(1 - (1 - confidence) / 2);
}
