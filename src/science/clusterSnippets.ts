/**
 * Automation for the review queue's texts: exact dedup on normalised text and near-duplicate groups by
 * MinHash (src/cluster/minhash.ts), then TF-IDF and k-means on the distinct texts for a range of k. The
 * k is chosen without ground truth, as the k of the highest silhouette over the range; purity against
 * the world's true template groups (policy categories, campaign scripts, benign look-alikes) only
 * evaluates the result. One k-means run is a chance draw, so the chosen k is clustered again from
 * `runs` seeds (each its own fork of the generator passed in) and its purity and silhouette are
 * reported as the median and range of those runs. k-means runs at build time for every k so that the
 * page's k input only picks a precomputed result.
 */
import {dedupe} from "../cluster/dedupe.js";
import {kmeans, type KMeansResult} from "../cluster/kmeans.js";
import {MINHASH_DEFAULTS, nearDuplicateGroups, type MinHashOptions} from "../cluster/minhash.js";
import {normalizeText} from "../cluster/normalizeText.js";
import {pairwiseDistances} from "../cluster/pairwiseDistances.js";
import {contingency, purity} from "../cluster/purity.js";
import {silhouette} from "../cluster/silhouette.js";
import {tfidf, type Tfidf} from "../cluster/tfidf.js";
import {median} from "../core/quantile.js";
import type {Rng} from "../core/random.js";

export interface ClusterOptions {
  ks?: readonly number[];
  rng: Rng;
  /** Distinct texts clustered at most (an evenly spaced subset above it); default 4000. */
  maxItems?: number;
  /** Top terms kept per cluster; default 6. */
  terms?: number;
  /** k-means++ initialisations per run, the lowest-inertia one kept; default 3. */
  restarts?: number;
  /** Seeded runs at the chosen k that its figures are the median and range of; default 20. */
  runs?: number;
  minhash?: MinHashOptions;
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

/** Median and range of a figure over seeded runs, with every run's value in run order. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export interface ClusteredSnippets {
  texts: number;
  distinct: number;
  /** Share of the texts that are exact copies (after normalisation) of an earlier one. */
  duplicateShare: number;
  /** Near-duplicate groups by MinHash over every text, with the parameters used. */
  nearDuplicate: {groups: number; share: number; largest: number; options: Required<MinHashOptions>};
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
  /** k-means++ initialisations per run. */
  restarts: number;
  /** The k of the highest silhouette over the k run (the smaller on a tie): chosen without ground truth. */
  chosenK: number;
  /** Figures of `runs` seeded runs at the chosen k. */
  stability: {k: number; runs: number; purity: Spread; purityAll: Spread; silhouette: Spread};
}

/** The k of the highest silhouette, the smaller on a tie: reads no ground truth. */
export function chooseK(results: readonly {k: number; silhouette: number}[]): number {
  if (!results.length) throw new Error("no k to choose from");
  let best = results[0];
  for (const r of results) if (r.silhouette > best.silhouette || (r.silhouette === best.silhouette && r.k < best.k)) best = r;
  return best.k;
}

export function spread(values: readonly number[]): Spread {
  return {median: median(values), min: Math.min(...values), max: Math.max(...values), values: [...values]};
}

/** What the clustering of the distinct texts needs: the dedup, the subset clustered and its vectors. */
interface Prepared {
  texts: readonly string[];
  truth: readonly string[];
  items: number[];
  normalized: string[];
  model: Tfidf;
  dist: ArrayLike<number>;
  itemTruth: string[];
  /** Clustered item of each input text, or -1. */
  itemOfText: Int32Array;
}

/** Purity counting every queue text (each takes its distinct text's cluster). */
function purityOverTexts(p: Prepared, labels: ArrayLike<number>): {purityAll: number; textsIn: number[]; k: number} {
  const textLabels: number[] = [];
  const textTruth: string[] = [];
  const k = Math.max(...Array.from(labels)) + 1;
  const textsIn = new Array(k).fill(0);
  for (let t = 0; t < p.texts.length; t++) {
    const item = p.itemOfText[t];
    if (item < 0) continue;
    textLabels.push(labels[item]);
    textTruth.push(p.truth[t]);
    textsIn[labels[item]]++;
  }
  return {purityAll: purity(textLabels, textTruth), textsIn, k};
}

/** One k's published result: quality figures, each cluster's top terms and majority group, the contingency cells. */
function describeRun(p: Prepared, r: KMeansResult, terms: number): KResult {
  const n = p.items.length;
  const {purityAll, textsIn} = purityOverTexts(p, r.labels);
  const table = contingency(r.labels, p.itemTruth);
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
    return {cluster, size, texts: textsIn[cluster] ?? 0, terms: order.slice(0, terms).filter((j) => c[j] > 0).map((j) => p.model.vocabulary[j]), majority, majorityShare: size ? best / size : NaN};
  });
  const cells: KResult["contingency"] = [];
  for (const [cluster, row] of [...table].sort((a, b) => a[0] - b[0])) for (const [group, count] of [...row].sort((a, b) => (a[0] < b[0] ? -1 : 1))) cells.push({cluster, group, count});
  return {k: r.k, inertia: r.inertia, silhouette: silhouette(n, r.labels, p.dist), purity: purity(r.labels, p.itemTruth), purityAll, clusters, contingency: cells};
}

/** The chosen k clustered from `runs` seeds, each a fork of the generator: the spread of its figures. */
function rerun(p: Prepared, k: number, rng: Rng, runs: number, restarts: number): ClusteredSnippets["stability"] {
  const purities: number[] = [];
  const all: number[] = [];
  const silhouettes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const run = kmeans(p.model.rows, k, rng.fork(`run/${r}`), {restarts});
    purities.push(purity(run.labels, p.itemTruth));
    all.push(purityOverTexts(p, run.labels).purityAll);
    silhouettes.push(silhouette(p.items.length, run.labels, p.dist));
  }
  return {k, runs, purity: spread(purities), purityAll: spread(all), silhouette: spread(silhouettes)};
}

export function clusterSnippets(texts: readonly string[], truth: readonly string[], {ks = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], rng, maxItems = 4000, terms = 6, restarts = 3, runs = 20, minhash = {}}: ClusterOptions): ClusteredSnippets {
  if (texts.length !== truth.length) throw new Error(`length mismatch: ${texts.length} texts, ${truth.length} groups`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`invalid runs: ${runs}`);
  const d = dedupe(texts);
  const near = nearDuplicateGroups(texts, minhash);
  const groups = d.representatives.length;
  const step = Math.max(1, groups / maxItems);
  const items: number[] = [];
  for (let x = 0; Math.floor(x) < groups && items.length < maxItems; x += step) items.push(Math.floor(x));
  const normalized = d.representatives.map((i) => normalizeText(texts[i]));
  const model = tfidf(items.map((g) => normalized[g]));
  const n = model.rows.length;
  const norms = model.rows.map((r) => r.values.reduce((s, v) => s + v * v, 0));
  const clusteredGroup = new Int32Array(groups).fill(-1);
  items.forEach((g, i) => (clusteredGroup[g] = i));
  const p: Prepared = {texts, truth, items, normalized, model, dist: pairwiseDistances(model.rows, norms), itemTruth: items.map((g) => truth[d.representatives[g]]), itemOfText: Int32Array.from(d.group, (g) => clusteredGroup[g])};
  const labels: Record<number, number[]> = {};
  const results: KResult[] = [];
  for (const k of ks) {
    if (k < 2 || k > n - 1) continue;
    const r = kmeans(model.rows, k, rng, {restarts});
    labels[k] = Array.from(r.labels);
    results.push(describeRun(p, r, terms));
  }
  if (!results.length) throw new Error(`no k to run: ${n} distinct texts for k in ${ks.join(", ")}`);
  const chosenK = chooseK(results);
  return {
    texts: texts.length,
    distinct: groups,
    duplicateShare: d.duplicateShare,
    nearDuplicate: {groups: near.sizes.length, share: near.nearDuplicateShare, largest: Math.max(0, ...near.sizes), options: {...MINHASH_DEFAULTS, ...minhash}},
    vocabulary: model.vocabulary.length,
    clustered: n,
    group: d.group,
    representatives: d.representatives,
    sizes: d.sizes,
    keys: d.representatives.map((i) => d.keys[i]),
    normalized,
    items,
    results,
    labels,
    restarts,
    chosenK,
    stability: rerun(p, chosenK, rng, runs, restarts)
  };
}
