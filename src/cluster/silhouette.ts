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

/**
 * Silhouette from a distance function over point indexes, or from a precomputed n × n matrix of
 * distances in row-major order (such as pairwiseDistances gives).
 */
export function silhouette(n: number, labels: ArrayLike<number>, distance: ((i: number, j: number) => number) | ArrayLike<number>): number {
  if (labels.length !== n) throw new Error(`length mismatch: ${n} points, ${labels.length} labels`);
  const clusters = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  if (clusters.length < 2 || clusters.length > n - 1) throw new Error(`invalid clustering: ${clusters.length} clusters of ${n} points (silhouette needs 2 to n - 1)`);
  const slot = new Map(clusters.map((c, i) => [c, i]));
  // The points of each cluster, ascending: summing a cluster's distances member by member adds them in
  // the same order as one pass over all points would, one running sum at a time.
  const lists: number[][] = clusters.map(() => []);
  const slotOf = new Int32Array(n);
  for (let i = 0; i < n; i++) lists[(slotOf[i] = slot.get(labels[i])!)].push(i);
  const members = lists.map((list) => Int32Array.from(list));
  const size = Int32Array.from(members, (m) => m.length);
  if (typeof distance !== "function" && distance.length !== n * n) throw new Error(`length mismatch: ${n} points, ${distance.length} distances (expected ${n * n})`);
  const k = clusters.length;
  // The sums of distances from points i to i + 3 to each cluster: element p·k + c.
  const sums = new Float64Array(4 * k);
  let total = 0;
  for (let i = 0; i < n; i += 4) {
    if (typeof distance === "function") for (let p = 0; p < 4 && i + p < n; p++) clusterSums(i + p, members, distance, sums.subarray(p * k, (p + 1) * k));
    else clusterSumsOfMatrix(i, members, distance, n, sums);
    for (let p = 0; p < 4 && i + p < n; p++) {
      const own = slotOf[i + p];
      if (size[own] === 1) continue;
      const a = sums[p * k + own] / (size[own] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[p * k + c] / size[c]);
      const m = Math.max(a, b);
      total += m > 0 ? (b - a) / m : 0;
    }
  }
  return total / n;
}

/** Each cluster's sum of distances from point i (leaving i out), in point order. */
function clusterSums(i: number, members: readonly Int32Array[], distance: (i: number, j: number) => number, sums: Float64Array): void {
  for (let c = 0; c < members.length; c++) {
    const list = members[c];
    let sum = 0;
    for (let q = 0; q < list.length; q++) if (list[q] !== i) sum += distance(i, list[q]);
    sums[c] = sum;
  }
}

/**
 * clusterSums for the four points i to i + 3 at once, from a matrix: each point's sums are chains of
 * additions that must stay in point order, and four of them side by side keep one addition from
 * waiting for the one before. (A row past the last point reads row 0 and is never used.)
 */
function clusterSumsOfMatrix(i: number, members: readonly Int32Array[], matrix: ArrayLike<number>, n: number, sums: Float64Array): void {
  const k = members.length;
  const i1 = i + 1 < n ? i + 1 : -1;
  const i2 = i + 2 < n ? i + 2 : -1;
  const i3 = i + 3 < n ? i + 3 : -1;
  const r0 = i * n;
  const r1 = Math.max(0, i1) * n;
  const r2 = Math.max(0, i2) * n;
  const r3 = Math.max(0, i3) * n;
  for (let c = 0; c < k; c++) {
    const list = members[c];
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let q = 0; q < list.length; q++) {
      const j = list[q];
      if (j !== i) s0 += matrix[r0 + j];
      if (j !== i1) s1 += matrix[r1 + j];
      if (j !== i2) s2 += matrix[r2 + j];
      if (j !== i3) s3 += matrix[r3 + j];
    }
    sums[c] = s0;
    sums[k + c] = s1;
    sums[2 * k + c] = s2;
    sums[3 * k + c] = s3;
  }
}

/** Silhouette of points under Euclidean distance. */
export function silhouetteOfPoints(points: readonly ArrayLike<number>[], labels: ArrayLike<number>): number {
  return silhouette(points.length, labels, (i, j) => {
    let s = 0;
    for (let k = 0; k < points[i].length; k++) s += (points[i][k] - points[j][k]) ** 2;
    return Math.sqrt(s);
  });
}
