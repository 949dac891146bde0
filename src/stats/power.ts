import {criticalValue, normalCdf, normalQuantile} from "./normal.js";

export interface PowerOptions {
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
  /** Target power (default 0.8). */
  power?: number;
}

function check(alpha: number, power: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`invalid alpha: ${alpha}`);
  if (!(power > 0 && power < 1)) throw new Error(`invalid power: ${power}`);
}

/**
 * Minimum detectable effect of a two-sided z-test whose estimate has standard error `se`:
 * (z₁₋α/₂ + z_power) · se. With α = 0.05 and 80% power the multiplier is 2.80.
 */
export function minimumDetectableEffect(se: number, {alpha = 0.05, power = 0.8}: PowerOptions = {}): number {
  check(alpha, power);
  if (!(se >= 0)) return NaN;
  return (criticalValue(1 - alpha) + normalQuantile(power)) * se;
}

/** Probability that a two-sided z-test at level alpha rejects when the true effect is `effect`. */
export function achievedPower(effect: number, se: number, {alpha = 0.05}: Pick<PowerOptions, "alpha"> = {}): number {
  check(alpha, 0.5);
  if (!(se > 0) || !Number.isFinite(effect)) return NaN;
  const z = criticalValue(1 - alpha);
  const shift = Math.abs(effect) / se;
  return normalCdf(shift - z) + normalCdf(-shift - z);
}

/**
 * How many times the current sample a test needs to detect `effect` with the given power: standard
 * errors shrink with √n, so the factor is (MDE / effect)². Infinity for a zero effect.
 */
export function sampleSizeFactor(effect: number, se: number, options: PowerOptions = {}): number {
  const mde = minimumDetectableEffect(se, options);
  if (!Number.isFinite(mde) || !Number.isFinite(effect)) return NaN;
  return effect === 0 ? Infinity : (mde / Math.abs(effect)) ** 2;
}
