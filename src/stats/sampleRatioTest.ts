import {normalCdf} from "./normal.js";

export interface SampleRatio {
  /** Observed share of units in the first group. */
  share: number;
  expected: number;
  z: number;
  /** Two-sided p-value of the observed split under the expected share (normal approximation to the binomial). */
  p: number;
}

/**
 * Sample-ratio-mismatch check of an experiment's assignment: with a designed split `expected` (0.5 for
 * 50/50), a very small p-value means the assignment or the logging is broken and the readout cannot be
 * trusted. The normal approximation is the usual chi-square test with one degree of freedom.
 */
export function sampleRatioTest(a: number, b: number, {expected = 0.5}: {expected?: number} = {}): SampleRatio {
  if (!(Number.isInteger(a) && a >= 0 && Number.isInteger(b) && b >= 0)) throw new Error(`invalid counts: ${a} and ${b}`);
  if (!(expected > 0 && expected < 1)) throw new Error(`invalid expected share: ${expected}`);
  const n = a + b;
  if (n === 0) return {share: NaN, expected, z: NaN, p: NaN};
  const z = (a - n * expected) / Math.sqrt(n * expected * (1 - expected));
  return {share: a / n, expected, z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z))))};
}
