/**
 * Average precision, as scikit-learn's `average_precision_score`: the step-wise sum
 *
 *     AP = Σₙ (Rₙ − Rₙ₋₁) · Pₙ
 *
 * over the distinct score thresholds from the highest down (tied scores form one step), with R₀ = 0.
 * It is not the trapezoidal area under the PR curve, which interpolates linearly and is optimistic.
 * NaN when there are no positives.
 */
import {precisionRecallCurve} from "./threshold.js";

/** The step-wise sum over precision/recall points ordered by decreasing threshold. */
export function averagePrecisionOfCurve(curve: readonly {precision: number; recall: number}[]): number {
  let ap = 0;
  let previous = 0;
  for (const {precision, recall} of curve) {
    if (!Number.isFinite(recall)) return NaN;
    ap += (recall - previous) * precision;
    previous = recall;
  }
  return curve.length === 0 ? NaN : ap;
}

/** With `weights`, the population's average precision from a weighted sample (see precisionRecallCurve). */
export function averagePrecision(scores: ArrayLike<number>, truth: ArrayLike<boolean>, weights?: ArrayLike<number>): number {
  return averagePrecisionOfCurve(precisionRecallCurve(scores, truth, weights));
}
