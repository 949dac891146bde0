import {criticalValue, normalCdf} from "./normal.js";

export interface Estimate {
  estimate: number;
  se: number;
}

export interface Comparison {
  /** treatment − control, with its confidence interval. */
  difference: number;
  lower: number;
  upper: number;
  se: number;
  /** treatment / control − 1, with a confidence interval from the log ratio (NaN when either is ≤ 0). */
  relative: number;
  relativeLower: number;
  relativeUpper: number;
  z: number;
  /** Two-sided p-value of no difference. */
  p: number;
  confidence: number;
}

/**
 * Compares two independent estimates (two experiment arms) with a normal approximation: the difference
 * has variance se_t² + se_c²; the relative change uses the delta method on log(t / c), whose interval is
 * asymmetric and never crosses −100%.
 */
export function compareEstimates(treatment: Estimate, control: Estimate, {confidence = 0.95}: {confidence?: number} = {}): Comparison {
  const z = criticalValue(confidence);
  const difference = treatment.estimate - control.estimate;
  const se = Math.sqrt(treatment.se ** 2 + control.se ** 2);
  const stat = se > 0 ? difference / se : NaN;
  const ratio = treatment.estimate / control.estimate;
  const positive = treatment.estimate > 0 && control.estimate > 0;
  const seLog = positive ? Math.sqrt((treatment.se / treatment.estimate) ** 2 + (control.se / control.estimate) ** 2) : NaN;
  return {
    difference,
    lower: difference - z * se,
    upper: difference + z * se,
    se,
    relative: positive ? ratio - 1 : NaN,
    relativeLower: positive ? ratio * Math.exp(-z * seLog) - 1 : NaN,
    relativeUpper: positive ? ratio * Math.exp(z * seLog) - 1 : NaN,
    z: stat,
    p: Number.isFinite(stat) ? Math.min(1, 2 * (1 - normalCdf(Math.abs(stat)))) : NaN,
    confidence
  };
}
