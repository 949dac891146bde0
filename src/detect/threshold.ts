/**
 * What a score threshold does against ground truth: acting on every item scored at or above it.
 */
export interface ThresholdMetrics {
  threshold: number;
  /** Items at or above the threshold. */
  selected: number;
  truePositives: number;
  falsePositives: number;
  /** True violations below the threshold. */
  falseNegatives: number;
  /** truePositives / selected; NaN when nothing is selected. */
  precision: number;
  /** truePositives / all true violations; NaN when there are none. */
  recall: number;
}

/**
 * With `weights` (how many items each row stands for, as a sample's inverse inclusion chances) the
 * counts are weighted sums: estimates of the counts over what the rows were sampled from.
 */
export function thresholdMetrics(scores: ArrayLike<number>, truth: ArrayLike<boolean>, threshold: number, weights?: ArrayLike<number>): ThresholdMetrics {
  if (!Number.isFinite(threshold)) throw new Error(`invalid threshold: ${threshold}`);
  if (scores.length !== truth.length) throw new Error(`length mismatch: ${scores.length} scores, ${truth.length} labels`);
  if (weights && weights.length !== scores.length) throw new Error(`length mismatch: ${scores.length} scores, ${weights.length} weights`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const hit = scores[i] >= threshold;
    const w = weights ? weights[i] : 1;
    if (hit && truth[i]) tp += w;
    else if (hit) fp += w;
    else if (truth[i]) fn += w;
  }
  return {threshold, selected: tp + fp, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp ? tp / (tp + fp) : NaN, recall: tp + fn ? tp / (tp + fn) : NaN};
}

/**
 * Precision and recall at every distinct score, from the highest down: one sort, one pass. Each
 * point is what acting on scores >= that score gives. With `weights` (how many units of the population
 * each row stands for, as a stratified sample's weights) precision and recall are the population's;
 * `selected` stays a count of rows.
 */
export function precisionRecallCurve(scores: ArrayLike<number>, truth: ArrayLike<boolean>, weights?: ArrayLike<number>): {threshold: number; precision: number; recall: number; selected: number}[] {
  if (scores.length !== truth.length) throw new Error(`length mismatch: ${scores.length} scores, ${truth.length} labels`);
  if (weights && weights.length !== scores.length) throw new Error(`length mismatch: ${scores.length} scores, ${weights.length} weights`);
  // Typed arrays: a page sorts tens of thousands of scores on load, and this is several times faster.
  const value = Float64Array.from(scores as ArrayLike<number>);
  const weight = (i: number) => (weights ? weights[i] : 1);
  let m = 0;
  const order = new Int32Array(value.length);
  for (let i = 0; i < value.length; i++) if (Number.isFinite(value[i])) order[m++] = i;
  const sorted = order.subarray(0, m).sort((a, b) => value[b] - value[a] || a - b);
  let positives = 0;
  for (const i of sorted) if (truth[i]) positives += weight(i);
  const out: {threshold: number; precision: number; recall: number; selected: number}[] = [];
  let tp = 0;
  let chosen = 0;
  for (let j = 0; j < m; j++) {
    if (truth[sorted[j]]) tp += weight(sorted[j]);
    chosen += weight(sorted[j]);
    // Ties share one point: emit after the last item with this score.
    if (j + 1 < m && value[sorted[j + 1]] === value[sorted[j]]) continue;
    out.push({threshold: value[sorted[j]], precision: tp / chosen, recall: positives ? tp / positives : NaN, selected: j + 1});
  }
  return out;
}

/** Precision and recall at a threshold, weighted back to the population (see precisionRecallCurve). */
export function weightedRates(scores: ArrayLike<number>, truth: ArrayLike<boolean>, weights: ArrayLike<number>, threshold: number): {precision: number; recall: number} {
  if (scores.length !== truth.length || scores.length !== weights.length) throw new Error(`length mismatch: ${scores.length} scores, ${truth.length} labels, ${weights.length} weights`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const hit = scores[i] >= threshold;
    if (hit && truth[i]) tp += weights[i];
    else if (hit) fp += weights[i];
    else if (truth[i]) fn += weights[i];
  }
  return {precision: tp + fp ? tp / (tp + fp) : NaN, recall: tp + fn ? tp / (tp + fn) : NaN};
}
