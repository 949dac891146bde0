/**
 * Automation for the review queue's texts: exact dedup on normalised text, then TF-IDF and k-means on
 * the distinct texts for a range of k, each scored by its silhouette and by purity against the world's
 * true template groups (policy categories and campaign scripts). k-means runs at build time for every
 * k so that the page's k input only picks a precomputed result.
 */
import {dedupe} from "../cluster/dedupe.js";
import {kmeans} from "../cluster/kmeans.js";
import {normalizeText} from "../cluster/normalizeText.js";
import {pairwiseDistances} from "../cluster/pairwiseDistances.js";
import {contingency, purity} from "../cluster/purity.js";
import {silhouette} from "../cluster/silhouette.js";
import {tfidf, type SparseRow} from "../cluster/tfidf.js";
import type {Rng} from "../world/random.js";

export interface ClusterOptions {
  ks?: readonly number[];
  rng: Rng;
  /** Distinct texts clustered at most (an evenly spaced subset above it); default 4000. */
  maxItems?: number;
  /** Top terms kept per cluster; default 6. */
  terms?: number;
  restarts?: number;
}

export interface KResult {
  k: number;
  inertia: number;
  silhouette: number;
  /** Purity over the distinct texts clustered. */
  purity: number;
  /** Purity over every queue text (each inherits its distinct text's cluster). */
  purityAll: number;
  clusters: {cluster: number; size: number; texts: number; terms: string[]; majority: string; majorityShare: number}[];
  /** Distinct texts per (cluster, true group). */
  contingency: {cluster: number; group: string; count: number}[];
}

export interface ClusteredSnippets {
  texts: number;
  distinct: number;
  duplicateShare: number;
  vocabulary: number;
  /** Distinct texts clustered (all of them unless over maxItems). */
  clustered: number;
  /** Dedup group of each input text. */
  group: Int32Array;
  representatives: number[];
  sizes: number[];
  /** Hash of each group's normalised text. */
  keys: string[];
  normalized: string[];
  /** Group indexes clustered, ascending. */
  items: number[];
  results: KResult[];
  /** Cluster of each clustered item, per k. */
  labels: Record<number, number[]>;
}

export function clusterSnippets(texts: readonly string[], truth: readonly string[], {ks = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], rng, maxItems = 4000, terms = 6, restarts = 10}: ClusterOptions): ClusteredSnippets {
  if (texts.length !== truth.length) throw new Error(`length mismatch: ${texts.length} texts, ${truth.length} groups`);
  const d = dedupe(texts);
  const groups = d.representatives.length;
  const step = Math.max(1, groups / maxItems);
  const items: number[] = [];
  for (let x = 0; Math.floor(x) < groups && items.length < maxItems; x += step) items.push(Math.floor(x));
  const normalized = d.representatives.map((i) => normalizeText(texts[i]));
  const model = tfidf(items.map((g) => normalized[g]));
  const rows = model.rows;
  const n = rows.length;
  const norms = rows.map((r) => r.values.reduce((s, v) => s + v * v, 0));
  const dist = pairwiseDistances(rows, norms);
  const itemTruth = items.map((g) => truth[d.representatives[g]]);
  const groupOfText = d.group;
  const clusteredGroup = new Int32Array(groups).fill(-1);
  items.forEach((g, i) => (clusteredGroup[g] = i));
  const labels: Record<number, number[]> = {};
  const results: KResult[] = [];
  for (const k of ks) {
    if (k < 2 || k > n - 1) continue;
    const r = kmeans(rows, k, rng, {restarts});
    labels[k] = Array.from(r.labels);
    const textLabels: number[] = [];
    const textTruth: string[] = [];
    const textsIn = new Array(k).fill(0);
    for (let t = 0; t < texts.length; t++) {
      const item = clusteredGroup[groupOfText[t]];
      if (item < 0) continue;
      textLabels.push(r.labels[item]);
      textTruth.push(truth[t]);
      textsIn[r.labels[item]]++;
    }
    const table = contingency(r.labels, itemTruth);
    const clusters = r.centroids.map((c, cluster) => {
      const order = Array.from(c.keys()).sort((a, b) => c[b] - c[a] || a - b);
      const row = table.get(cluster) ?? new Map<string, number>();
      let majority = "";
      let best = 0;
      let size = 0;
      for (const [group, count] of [...row].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        size += count;
        if (count > best) [majority, best] = [group, count];
      }
      return {cluster, size, texts: textsIn[cluster], terms: order.slice(0, terms).filter((j) => c[j] > 0).map((j) => model.vocabulary[j]), majority, majorityShare: size ? best / size : NaN};
    });
    const cells: KResult["contingency"] = [];
    for (const [cluster, row] of [...table].sort((a, b) => a[0] - b[0])) for (const [group, count] of [...row].sort((a, b) => (a[0] < b[0] ? -1 : 1))) cells.push({cluster, group, count});
    results.push({
      k,
      inertia: r.inertia,
      silhouette: silhouette(n, r.labels, dist),
      purity: purity(r.labels, itemTruth),
      purityAll: purity(textLabels, textTruth),
      clusters,
      contingency: cells
    });
  }
  return {texts: texts.length, distinct: groups, duplicateShare: d.duplicateShare, vocabulary: model.vocabulary.length, clustered: n, group: d.group, representatives: d.representatives, sizes: d.sizes, keys: d.representatives.map((i) => d.keys[i]), normalized, items, results, labels};
}
