/**
 * k-means (Lloyd's algorithm) with k-means++ seeding and several seeded restarts, keeping the run of
 * lowest inertia (the sum of squared distances of points to their centroids). Seeding is the standard
 * k-means++ of Arthur and Vassilvitskii (2007): the first centre uniformly, each next one with probability
 * proportional to the squared distance to the nearest centre chosen so far. This is not scikit-learn's
 * KMeans, whose default "greedy" k-means++ draws several candidates per centre and keeps the one that
 * lowers inertia most: results differ from scikit-learn's for the same data.
 * Randomness comes only from the generator passed in, so a seed gives the same clustering every time.
 *
 * Why not simple-statistics' `kMeansCluster`: it seeds with k uniformly sampled points (not k-means++),
 * runs once (no restarts), and takes dense points only, while the snippets are sparse TF-IDF rows.
 */
import type {Rng} from "../core/random.js";

export interface KMeansOptions {
  /** Independent seeded runs; the lowest-inertia one is kept. Default 10. */
  restarts?: number;
  /** Lloyd iterations per run at most; default 300. */
  maxIter?: number;
  /** A run stops when the centroids move less than this in total squared distance; default 1e-10. */
  tol?: number;
}

export interface KMeansResult {
  k: number;
  /** Cluster of each point. */
  labels: Int32Array;
  centroids: Float64Array[];
  inertia: number;
  /** Iterations of the kept run. */
  iterations: number;
  /** Inertia of every run, in order. */
  runs: number[];
}

/** A sparse vector: ascending indexes and their values (as tfidf.ts's rows). */
export interface SparseVector {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Points as given: dense arrays of one dimension, or sparse vectors. */
export type Points = readonly ArrayLike<number>[] | readonly SparseVector[];

export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j] - b[j];
    s += d * d;
  }
  return s;
}

interface Data {
  n: number;
  d: number;
  indices: ArrayLike<number>[];
  values: ArrayLike<number>[];
  /** Squared norm of each point. */
  norm2: Float64Array;
  /** The points holding each term, ascending, with their values: entries start[j] to start[j + 1]. */
  postings: {start: Int32Array; point: Int32Array; value: Float64Array};
}

function isSparse(p: unknown): p is SparseVector {
  return typeof p === "object" && p !== null && "indices" in p && "values" in p;
}

/** One representation for both kinds of input: sparse rows (a dense point lists every index). */
function prepare(points: Points): Data {
  const n = points.length;
  const indices: ArrayLike<number>[] = [];
  const values: ArrayLike<number>[] = [];
  let d = 0;
  if (n > 0 && !isSparse(points[0])) {
    d = (points[0] as ArrayLike<number>).length;
    const all = Int32Array.from({length: d}, (_, j) => j);
    (points as readonly ArrayLike<number>[]).forEach((p, i) => {
      if (isSparse(p) || p.length !== d) throw new Error(`invalid point ${i}: ${isSparse(p) ? "sparse" : p.length} dimensions, expected ${d}`);
      indices.push(all);
      values.push(p);
    });
  } else {
    for (const p of points as readonly SparseVector[]) {
      indices.push(p.indices);
      values.push(p.values);
      for (let k = 0; k < p.indices.length; k++) d = Math.max(d, p.indices[k] + 1);
    }
  }
  const norm2 = Float64Array.from({length: n}, (_, i) => {
    let s = 0;
    for (let k = 0; k < values[i].length; k++) s += values[i][k] * values[i][k];
    return s;
  });
  const start = new Int32Array(d + 1);
  for (const idx of indices) for (let q = 0; q < idx.length; q++) start[idx[q] + 1]++;
  for (let j = 0; j < d; j++) start[j + 1] += start[j];
  const fill = start.slice(0, d);
  const point = new Int32Array(start[d]);
  const value = new Float64Array(start[d]);
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < indices[i].length; q++) {
      const e = fill[indices[i][q]]++;
      point[e] = i;
      value[e] = values[i][q];
    }
  }
  return {n, d, indices, values, norm2, postings: {start, point, value}};
}

function densePoint(data: Data, i: number): Float64Array {
  const out = new Float64Array(data.d);
  const idx = data.indices[i];
  const val = data.values[i];
  for (let k = 0; k < idx.length; k++) out[idx[k]] = val[k];
  return out;
}

const norm2Of = (v: Float64Array) => {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  return s;
};


/** Picks k starting centres by the k-means++ of Arthur and Vassilvitskii (indexes into points): D² sampling, one draw per centre. */
export function kmeansPlusPlus(points: Points, k: number, rng: Rng): number[] {
  return seed(prepare(points), k, rng);
}

/**
 * ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖² of every point to a centre, clamped at 0 against rounding. The dot
 * products go through the postings of the centre's nonzero terms, so that only the points sharing a
 * term with it are visited. Each point's products come in ascending term order, the order of its own
 * terms, and a term left out would only add zero: the same sums as a point-by-point dot product, to
 * the last bit.
 */
function distancesTo(data: Data, c: Float64Array, out: Float64Array, dots: Float64Array): void {
  const {n, d, norm2, postings: {start, point, value}} = data;
  const cn = norm2Of(c);
  dots.fill(0);
  for (let j = 0; j < d; j++) {
    const w = c[j];
    if (w === 0) continue;
    for (let e = start[j]; e < start[j + 1]; e++) dots[point[e]] += value[e] * w;
  }
  for (let i = 0; i < n; i++) out[i] = Math.max(0, norm2[i] - 2 * dots[i] + cn);
}

function seed(data: Data, k: number, rng: Rng): number[] {
  const n = data.n;
  const centres = [Math.floor(rng() * n)];
  const nearest = new Float64Array(n);
  const dists = new Float64Array(n);
  const dots = new Float64Array(n);
  distancesTo(data, densePoint(data, centres[0]), nearest, dots);
  while (centres.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i];
    let next: number;
    if (total === 0) {
      // Fewer distinct points than k: take any point not yet chosen.
      next = Array.from({length: n}, (_, i) => i).find((i) => !centres.includes(i))!;
    } else {
      let r = rng() * total;
      next = n - 1;
      for (let i = 0; i < n; i++) {
        r -= nearest[i];
        if (r < 0) {
          next = i;
          break;
        }
      }
    }
    centres.push(next);
    distancesTo(data, densePoint(data, next), dists, dots);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], dists[i]);
  }
  return centres;
}

/** Scratch space for assignPoints, allocated once per run. */
interface Scratch {
  /** Each term's nonzero weights in the moved centroids: entries start[j] to start[j + 1] of `cluster` and `weight`. */
  start: Int32Array;
  /** Where the next entry of each term goes while the index is built. */
  fill: Int32Array;
  cluster: Int32Array;
  weight: Float64Array;
  /** Squared norm of each centroid. */
  norms: Float64Array;
  /** The clusters whose centroid moved since the last assignment, and how many. */
  moved: Int32Array;
  /** Dot product of each point with each centroid: element i·k + c. */
  dots: Float64Array;
}

function scratch(n: number, d: number, k: number): Scratch {
  return {start: new Int32Array(d + 1), fill: new Int32Array(d), cluster: new Int32Array(d * k), weight: new Float64Array(d * k), norms: new Float64Array(k), moved: new Int32Array(k), dots: new Float64Array(n * k)};
}

/**
 * Labels each point with its nearest centroid (the first of equals) and records the squared distance,
 * recomputing the dot products with the `movedCount` centroids listed in `moved` only: a centroid
 * whose cluster kept its points is the same mean to the last bit, and so are its dot products. The
 * moved centroids are first indexed term by term, keeping only their nonzero weights (most are zero:
 * a term occurs in few clusters), so that a sparse point's dot products take one pass over its terms.
 * Each dot product still adds its terms in ascending order, and a skipped term would only have added
 * zero, so every sum is the same as a point-by-point dot product's, to the last bit.
 */
function assignPoints(data: Data, centroids: Float64Array, k: number, movedCount: number, {start, fill, cluster, weight, norms, moved, dots}: Scratch, labels: Int32Array, dist: Float64Array): void {
  const {n, d, indices, values, norm2} = data;
  start.fill(0);
  for (let m = 0; m < movedCount; m++) {
    const c = moved[m];
    let s = 0;
    for (let j = c * d; j < (c + 1) * d; j++) {
      s += centroids[j] * centroids[j];
      if (centroids[j] !== 0) start[j - c * d + 1]++;
    }
    norms[c] = s;
  }
  // A counting sort of the nonzero weights by term.
  for (let j = 0; j < d; j++) start[j + 1] += start[j];
  fill.set(start.subarray(0, d));
  for (let m = 0; m < movedCount; m++) {
    const c = moved[m];
    for (let j = 0, e = c * d; j < d; j++, e++) {
      const w = centroids[e];
      if (w === 0) continue;
      cluster[fill[j]] = c;
      weight[fill[j]++] = w;
    }
  }
  for (let i = 0; i < n; i++) {
    const idx = indices[i];
    const val = values[i];
    const row = i * k;
    for (let m = 0; m < movedCount; m++) dots[row + moved[m]] = 0;
    for (let q = 0; q < idx.length; q++) {
      const v = val[q];
      const j = idx[q];
      for (let e = start[j]; e < start[j + 1]; e++) dots[row + cluster[e]] += v * weight[e];
    }
    let best = 0;
    let bestD = Infinity;
    const x2 = norm2[i];
    for (let c = 0; c < k; c++) {
      // ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², clamped at 0 against rounding (as distancesTo()).
      const dd = Math.max(0, x2 - 2 * dots[row + c] + norms[c]);
      if (dd < bestD) {
        bestD = dd;
        best = c;
      }
    }
    labels[i] = best;
    dist[i] = bestD;
  }
}

/** The mean of each cluster's points into `next` (k × d); an empty cluster takes the farthest point, as scikit-learn does. */
function updateCentroids(data: Data, labels: Int32Array, dist: Float64Array, k: number, next: Float64Array, counts: Int32Array): void {
  const {n, d, indices, values} = data;
  next.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const offset = labels[i] * d;
    const idx = indices[i];
    const val = values[i];
    for (let q = 0; q < idx.length; q++) next[offset + idx[q]] += val[q];
    counts[labels[i]]++;
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      for (let j = c * d; j < (c + 1) * d; j++) next[j] /= counts[c];
      continue;
    }
    let far = 0;
    for (let i = 1; i < n; i++) if (dist[i] > dist[far]) far = i;
    dist[far] = 0;
    next.set(densePoint(data, far), c * d);
  }
}

function lloyd(data: Data, start: number[], maxIter: number, tol: number): {labels: Int32Array; centroids: Float64Array[]; inertia: number; iterations: number} {
  const {n, d} = data;
  const k = start.length;
  // Centroids as one flat k × d array (row c is centroid c), and the next ones in a second buffer.
  let centroids = new Float64Array(k * d);
  let next = new Float64Array(k * d);
  start.forEach((p, c) => centroids.set(densePoint(data, p), c * d));
  const space = scratch(n, d, k);
  const labels = new Int32Array(n);
  const dist = new Float64Array(n);
  const counts = new Int32Array(k);
  let iterations = 0;
  for (let c = 0; c < k; c++) space.moved[c] = c;
  assignPoints(data, centroids, k, k, space, labels, dist);
  for (; iterations < maxIter; iterations++) {
    updateCentroids(data, labels, dist, k, next, counts);
    // The shift of an unmoved centroid is exactly 0, which would add nothing.
    let shift = 0;
    let movedCount = 0;
    for (let c = 0; c < k; c++) {
      let j = c * d;
      while (j < (c + 1) * d && next[j] === centroids[j]) j++;
      if (j === (c + 1) * d) continue;
      space.moved[movedCount++] = c;
      shift += squaredDistance(next.subarray(c * d, (c + 1) * d), centroids.subarray(c * d, (c + 1) * d));
    }
    const previous = centroids;
    centroids = next;
    next = previous;
    assignPoints(data, centroids, k, movedCount, space, labels, dist);
    if (shift <= tol) {
      iterations++;
      break;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += dist[i];
  return {labels, centroids: Array.from({length: k}, (_, c) => centroids.slice(c * d, (c + 1) * d)), inertia, iterations};
}

/**
 * Clusters dense points (arrays of one length) or sparse vectors (e.g. TF-IDF rows: distances then
 * cost a sparse dot product per centroid, not a pass over the whole vocabulary).
 */
export function kmeans(points: Points, k: number, rng: Rng, {restarts = 10, maxIter = 300, tol = 1e-10}: KMeansOptions = {}): KMeansResult {
  if (!Number.isInteger(k) || k < 1) throw new Error(`invalid k: ${k}`);
  if (points.length < k) throw new Error(`invalid k: ${k} (only ${points.length} points)`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new Error(`invalid restarts: ${restarts}`);
  const data = prepare(points);
  let best: ReturnType<typeof lloyd> | null = null;
  const runs: number[] = [];
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(data, seed(data, k, rng), maxIter, tol);
    runs.push(run.inertia);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return {k, ...best!, runs};
}
