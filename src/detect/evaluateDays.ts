/**
 * Scores a day-level detector against ground truth: which days it flagged, which days were truly
 * attack days, over an evaluation range of day indexes (the detector may look at earlier days).
 */
export type DayLabel = "TP" | "FP" | "FN" | "TN";

export interface DayEvaluation {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** tp / (tp + fp); NaN when nothing was flagged. */
  precision: number;
  /** tp / (tp + fn); NaN when there was nothing to find. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when nothing was found. */
  f1: number;
  /** One label per day in the range, from `from`. */
  labels: DayLabel[];
}

export function evaluateDays(flagged: ArrayLike<boolean>, truth: ArrayLike<boolean>, from = 0, to = truth.length - 1): DayEvaluation {
  if (flagged.length !== truth.length) throw new Error(`length mismatch: ${flagged.length} flagged days, ${truth.length} truth days`);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to >= truth.length || (truth.length > 0 && from > to)) throw new Error(`invalid range: ${from} to ${to}`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const labels: DayLabel[] = [];
  for (let i = from; i <= to && i < truth.length; i++) {
    const label: DayLabel = flagged[i] ? (truth[i] ? "TP" : "FP") : truth[i] ? "FN" : "TN";
    labels.push(label);
    if (label === "TP") tp++;
    else if (label === "FP") fp++;
    else if (label === "FN") fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : NaN;
  const recall = tp + fn > 0 ? tp / (tp + fn) : NaN;
  const f1 = tp > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {tp, fp, fn, tn, precision, recall, f1, labels};
}
