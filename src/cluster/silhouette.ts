/**
 * Mean silhouette coefficient (Rousseeuw 1987), as scikit-learn's silhouette_score with Euclidean
 * distance: for each point, a = mean distance to the other points of its cluster, b = the smallest mean
 * distance to the points of another cluster, s = (b − a) / max(a, b); a point alone in its cluster has
 * s = 0. From −1 (wrong clusters) through 0 (overlapping) to 1 (dense, well separated).
 *
 * Why not simple-statistics' `silhouette`: it takes dense points and builds an n × n matrix of them;
 * the snippets are ~3,000 sparse TF-IDF rows over ~1,500 terms, so the pipeline passes a precomputed
 * sparse distance instead. The unit tests check this against simple-statistics on dense points.
 */

/** Silhouette from a distance function over point indexes (so callers can pass a precomputed matrix). */
export function silhouette(n: number, labels: ArrayLike<number>, distance: (i: number, j: number) => number): number {
  if (labels.length !== n) throw new Error(`length mismatch: ${n} points, ${labels.length} labels`);
  const clusters = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  if (clusters.length < 2 || clusters.length > n - 1) throw new Error(`invalid clustering: ${clusters.length} clusters of ${n} points (silhouette needs 2 to n - 1)`);
  const slot = new Map(clusters.map((c, i) => [c, i]));
  // The points of each cluster, ascending: summing a cluster's distances member by member adds them in
  // the same order as one pass over all points would, one running sum at a time.
  const members: number[][] = clusters.map(() => []);
  const slotOf = new Int32Array(n);
  for (let i = 0; i < n; i++) members[(slotOf[i] = slot.get(labels[i])!)].push(i);
  const size = Int32Array.from(members, (m) => m.length);
  const sums = new Float64Array(clusters.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (size[slotOf[i]] === 1) continue;
    for (let c = 0; c < members.length; c++) {
      const list = members[c];
      let sum = 0;
      for (let q = 0; q < list.length; q++) if (list[q] !== i) sum += distance(i, list[q]);
      sums[c] = sum;
    }
    const own = slotOf[i];
    const a = sums[own] / (size[own] - 1);
    let b = Infinity;
    for (let c = 0; c < clusters.length; c++) if (c !== own && size[c] > 0) b = Math.min(b, sums[c] / size[c]);
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}

/** Silhouette of points under Euclidean distance. */
export function silhouetteOfPoints(points: readonly ArrayLike<number>[], labels: ArrayLike<number>): number {
  return silhouette(points.length, labels, (i, j) => {
    let s = 0;
    for (let k = 0; k < points[i].length; k++) s += (points[i][k] - points[j][k]) ** 2;
    return Math.sqrt(s);
  });
}
