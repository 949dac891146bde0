import {criticalValue} from "./normal.js";

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion (Newcombe 1998, method 3): unlike the Wald interval it stays
 * inside [0, 1] and keeps its coverage near 0 and 1, where QA pass rates live. NaN bounds for n = 0.
 */
export function wilsonInterval(successes: number, n: number, {confidence = 0.95}: {confidence?: number} = {}): Interval {
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`invalid count: ${n}`);
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= n)) throw new Error(`invalid successes: ${successes} of ${n}`);
  if (n === 0) return {estimate: NaN, lower: NaN, upper: NaN};
  const z = criticalValue(confidence);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the bound is exactly 0 or 1; floating point would leave a 1e-17 residue.
  return {estimate: p, lower: successes === 0 ? 0 : centre - half, upper: successes === n ? 1 : centre + half};
}
