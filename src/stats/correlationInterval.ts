import {sampleCorrelation} from "simple-statistics";
import {criticalValue} from "./normal.js";

export interface Correlation {
  r: number;
  lower: number;
  upper: number;
  n: number;
}

/**
 * Pearson's r (simple-statistics) with a confidence interval from Fisher's z = atanh(r), whose standard
 * error is 1 / √(n − 3). Pairs with a non-finite value are dropped; fewer than 4 pairs give NaN bounds.
 */
export function correlationInterval(x: readonly number[], y: readonly number[], {confidence = 0.95}: {confidence?: number} = {}): Correlation {
  if (x.length !== y.length) throw new Error(`invalid pairs: ${x.length} x values and ${y.length} y values`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
    xs.push(x[i]);
    ys.push(y[i]);
  }
  const n = xs.length;
  if (n < 2) return {r: NaN, lower: NaN, upper: NaN, n};
  const r = sampleCorrelation(xs, ys);
  if (n < 4 || !Number.isFinite(r)) return {r, lower: NaN, upper: NaN, n};
  const z = Math.atanh(Math.max(-1 + 1e-15, Math.min(1 - 1e-15, r)));
  const half = criticalValue(confidence) / Math.sqrt(n - 3);
  return {r, lower: Math.tanh(z - half), upper: Math.tanh(z + half), n};
}
