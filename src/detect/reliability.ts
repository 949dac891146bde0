/**
 * A calibration check (reliability diagram): scores cut into equal-width bins, and in each bin the
 * mean predicted score against the observed share of true violations. A calibrated classifier puts
 * every bin on the diagonal.
 */
export interface ReliabilityBin {
  /** Bin edges: [lo, hi), the last bin includes 1. */
  lo: number;
  hi: number;
  n: number;
  /** Mean score in the bin (NaN when empty). */
  predicted: number;
  /** Share of the bin's items that are true violations (NaN when empty). */
  observed: number;
}

export function reliabilityBins(scores: ArrayLike<number>, truth: ArrayLike<boolean>, bins = 10): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`invalid bins: ${bins}`);
  if (scores.length !== truth.length) throw new Error(`length mismatch: ${scores.length} scores, ${truth.length} labels`);
  const n = new Int32Array(bins);
  const sum = new Float64Array(bins);
  const positives = new Int32Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!Number.isFinite(s) || s < 0 || s > 1) continue;
    const b = Math.min(bins - 1, Math.floor(s * bins));
    n[b]++;
    sum[b] += s;
    if (truth[i]) positives[b]++;
  }
  return Array.from({length: bins}, (_, b) => ({lo: b / bins, hi: (b + 1) / bins, n: n[b], predicted: n[b] ? sum[b] / n[b] : NaN, observed: n[b] ? positives[b] / n[b] : NaN}));
}

/** Expected calibration error: the count-weighted mean gap between predicted and observed. */
export function calibrationError(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((s, b) => s + b.n, 0);
  if (total === 0) return NaN;
  return bins.reduce((s, b) => s + (b.n ? (b.n / total) * Math.abs(b.predicted - b.observed) : 0), 0);
}
