/**
 * Population stability index of a feature, recent against a reference period:
 *
 *     PSI = Σᵦ (aᵦ − eᵦ) · ln(aᵦ / eᵦ)
 *
 * where eᵦ and aᵦ are the reference and recent shares of bin b. The bins are fixed from the reference
 * period (its deciles by default, as values of the data: the empirical quantile, smallest x with
 * F(x) ≥ q; tied quantiles merge, so a count feature may get fewer bins) and
 * reused for the recent period; a share of 0 is replaced by a small epsilon so that an empty bin gives
 * a large but finite term. The usual reading: below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25
 * significant shift.
 */
export const PSI_EPSILON = 1e-4;
export const PSI_BANDS = {moderate: 0.1, significant: 0.25} as const;
export type PsiBand = "stable" | "moderate" | "significant";

export interface PsiBin {
  /** Lower edge (exclusive; -Infinity for the first bin) and upper edge (inclusive; Infinity for the last). */
  lo: number;
  hi: number;
  reference: number;
  recent: number;
  /** This bin's term of the sum. */
  contribution: number;
}

export interface PsiResult {
  psi: number;
  band: PsiBand;
  bins: PsiBin[];
}

export interface PsiOptions {
  /** Quantile bins of the reference period; default 10. */
  bins?: number;
  epsilon?: number;
}

/** Upper edges of the bins: the reference quantiles at 1/bins, 2/bins, ..., deduplicated. */
export function referenceEdges(reference: ArrayLike<number>, bins = 10): number[] {
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`invalid bins: ${bins}`);
  const sorted = Array.from(reference).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error("invalid reference: no finite values");
  const edges: number[] = [];
  for (let q = 1; q < bins; q++) {
    const e = sorted[Math.max(0, Math.ceil((q / bins) * sorted.length - 1e-9) - 1)];
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  // The top bin is open: values above the reference maximum land in it.
  if (edges.length > 0 && edges[edges.length - 1] >= sorted[sorted.length - 1]) edges.pop();
  return edges;
}

/** Share of the finite values in each bin of `edges` (upper edges, inclusive; the last bin is open). */
export function binShares(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array(edges.length + 1).fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
    n++;
  }
  if (n === 0) throw new Error("invalid values: no finite values");
  return counts.map((c) => c / n);
}

export function psiBand(psi: number): PsiBand {
  return psi > PSI_BANDS.significant ? "significant" : psi >= PSI_BANDS.moderate ? "moderate" : "stable";
}

/** PSI of `recent` against `reference`, with bins from the reference. */
export function psi(reference: ArrayLike<number>, recent: ArrayLike<number>, {bins = 10, epsilon = PSI_EPSILON}: PsiOptions = {}): PsiResult {
  const edges = referenceEdges(reference, bins);
  return psiWithEdges(reference, recent, edges, epsilon);
}

/** PSI with given bin edges (e.g. fixed once from a reference period and reused week after week). */
export function psiWithEdges(reference: ArrayLike<number>, recent: ArrayLike<number>, edges: readonly number[], epsilon = PSI_EPSILON): PsiResult {
  if (!(epsilon > 0)) throw new Error(`invalid epsilon: ${epsilon}`);
  return psiOfShares(binShares(reference, edges), recent, edges, epsilon);
}

/**
 * PSI against reference shares already binned with the same edges (binShares): the same result as
 * psiWithEdges, without binning the reference again for every recent period compared with it.
 */
export function psiOfShares(referenceShares: readonly number[], recent: ArrayLike<number>, edges: readonly number[], epsilon = PSI_EPSILON): PsiResult {
  if (!(epsilon > 0)) throw new Error(`invalid epsilon: ${epsilon}`);
  if (referenceShares.length !== edges.length + 1) throw new Error(`length mismatch: ${referenceShares.length} reference shares, ${edges.length + 1} bins`);
  const e = referenceShares;
  const a = binShares(recent, edges);
  const out: PsiBin[] = e.map((ref, b) => {
    const ee = Math.max(ref, epsilon);
    const aa = Math.max(a[b], epsilon);
    return {lo: b === 0 ? -Infinity : edges[b - 1], hi: b === edges.length ? Infinity : edges[b], reference: ref, recent: a[b], contribution: (aa - ee) * Math.log(aa / ee)};
  });
  const total = out.reduce((s, b) => s + b.contribution, 0);
  return {psi: total, band: psiBand(total), bins: out};
}
