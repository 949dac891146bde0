/**
 * Agreement between a predicted partition and a true one.
 *
 * Adjusted Rand index (Hubert and Arabie 1985), as scikit-learn's adjusted_rand_score: the Rand index
 * corrected for chance, (index − expected) / (max − expected), computed from the pair counts of the
 * contingency table. 1 for identical partitions, about 0 for random ones, negative for worse than chance.
 *
 * Pair precision and recall: among pairs of items that the prediction puts together, the share that
 * truly belong together, and among pairs that truly belong together, the share the prediction found.
 */
import {contingency} from "./purity.js";

const pairs = (n: number) => (n * (n - 1)) / 2;

export interface PairAgreement {
  ari: number;
  /** Predicted together and truly together. */
  truePairs: number;
  predictedPairs: number;
  actualPairs: number;
  precision: number;
  recall: number;
}

export function pairAgreement(predicted: ArrayLike<number | string>, truth: ArrayLike<number | string>): PairAgreement {
  if (predicted.length !== truth.length) throw new Error(`length mismatch: ${predicted.length} predicted, ${truth.length} true`);
  const n = predicted.length;
  const table = contingency(predicted, truth);
  let index = 0;
  const truthSizes = new Map<number | string, number>();
  let predictedPairs = 0;
  for (const row of table.values()) {
    let size = 0;
    for (const [t, count] of row) {
      index += pairs(count);
      size += count;
      truthSizes.set(t, (truthSizes.get(t) ?? 0) + count);
    }
    predictedPairs += pairs(size);
  }
  let actualPairs = 0;
  for (const size of truthSizes.values()) actualPairs += pairs(size);
  const all = pairs(n);
  const expected = all > 0 ? (predictedPairs * actualPairs) / all : 0;
  const max = (predictedPairs + actualPairs) / 2;
  // Both partitions all singletons or one cluster: identical structure, scikit-learn returns 1.
  const ari = max === expected ? 1 : (index - expected) / (max - expected);
  return {
    ari,
    truePairs: index,
    predictedPairs,
    actualPairs,
    precision: predictedPairs > 0 ? index / predictedPairs : NaN,
    recall: actualPairs > 0 ? index / actualPairs : NaN
  };
}

export function adjustedRandIndex(predicted: ArrayLike<number | string>, truth: ArrayLike<number | string>): number {
  return pairAgreement(predicted, truth).ari;
}
