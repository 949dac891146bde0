import type {RatioUnit} from "../stats/ratioEstimate.js";

/**
 * Units of a ratio estimate summed by cluster: each cluster becomes one unit with y = Σ w·y and
 * x = Σ w·x (weight 1), so that ratioEstimate's linearization standard error counts clusters, not
 * their members (the cluster-robust, CR1-style variance of a ratio: Cochran 6.2 with clusters as
 * the sampled units). Accounts of one ring share an operator and an arm: they are not independent.
 */
export function clusterUnits(units: readonly (RatioUnit & {cluster: string})[]): RatioUnit[] {
  const by = new Map<string, {y: number; x: number}>();
  for (const {cluster, y, x, w = 1} of units) {
    if (!Number.isFinite(y) || !Number.isFinite(x) || !Number.isFinite(w)) continue;
    const c = by.get(cluster) ?? {y: 0, x: 0};
    c.y += w * y;
    c.x += w * x;
    by.set(cluster, c);
  }
  return [...by.values()].map(({y, x}) => ({y, x, w: 1}));
}
