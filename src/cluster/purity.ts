/**
 * Purity of a clustering against true classes: each cluster is credited with its most frequent class,
 * and purity is the credited share of all items, Σ_clusters max_class |cluster ∩ class| / n. It is 1 when
 * every cluster holds a single class, and it never falls as clusters are split, so read it with the
 * number of clusters (and the silhouette) beside it.
 */
export function purity(labels: ArrayLike<number | string>, truth: ArrayLike<number | string>): number {
  if (labels.length !== truth.length) throw new Error(`length mismatch: ${labels.length} labels, ${truth.length} classes`);
  if (labels.length === 0) return NaN;
  const table = contingency(labels, truth);
  let credited = 0;
  for (const row of table.values()) credited += Math.max(...row.values());
  return credited / labels.length;
}

/** Counts per (cluster, class): cluster → class → count. */
export function contingency<L, T>(labels: ArrayLike<L>, truth: ArrayLike<T>): Map<L, Map<T, number>> {
  const table = new Map<L, Map<T, number>>();
  for (let i = 0; i < labels.length; i++) {
    let row = table.get(labels[i]);
    if (!row) table.set(labels[i], (row = new Map()));
    row.set(truth[i], (row.get(truth[i]) ?? 0) + 1);
  }
  return table;
}
