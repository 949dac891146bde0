import {describe, expect, it} from "vitest";
import {kmeans, kmeansPlusPlus, squaredDistance, type SparseVector} from "../../../src/cluster/kmeans.js";
import {createRng, type Rng} from "../../../src/core/random.js";

/**
 * Lloyd's iteration written the plain way, one dense centroid and one sparse dot product at a time:
 * the index of nonzero centroid weights must not change a single bit of the result.
 */
function plainKmeans(points: SparseVector[], k: number, rng: Rng, restarts: number) {
  const n = points.length;
  let d = 0;
  for (const p of points) for (const j of Array.from(p.indices)) d = Math.max(d, j + 1);
  const dot = (i: number, c: Float64Array) => {
    let s = 0;
    for (let q = 0; q < points[i].indices.length; q++) s += points[i].values[q] * c[points[i].indices[q]];
    return s;
  };
  const norm2 = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x * x, 0);
  const dense = (i: number) => {
    const out = new Float64Array(d);
    for (let q = 0; q < points[i].indices.length; q++) out[points[i].indices[q]] = points[i].values[q];
    return out;
  };
  const norms = points.map((p) => norm2(p.values));
  const distance = (i: number, c: Float64Array, cn: number) => Math.max(0, norms[i] - 2 * dot(i, c) + cn);
  let best: {labels: Int32Array; inertia: number; centroids: Float64Array[]} | null = null;
  for (let r = 0; r < restarts; r++) {
    const centres = [Math.floor(rng() * n)];
    const nearest = points.map((_, i) => distance(i, dense(centres[0]), norm2(dense(centres[0]))));
    while (centres.length < k) {
      const total = nearest.reduce((a, b) => a + b, 0);
      let next = n - 1;
      if (total === 0) next = nearest.findIndex((_, i) => !centres.includes(i));
      else for (let i = 0, x = rng() * total; i < n; i++) if ((x -= nearest[i]) < 0) { next = i; break; }
      centres.push(next);
      for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], distance(i, dense(next), norm2(dense(next))));
    }
    let centroids = centres.map(dense);
    const labels = new Int32Array(n);
    const dist = new Float64Array(n);
    const assign = () => {
      const cn = centroids.map(norm2);
      for (let i = 0; i < n; i++) {
        labels[i] = 0;
        dist[i] = Infinity;
        for (let c = 0; c < k; c++) {
          const dd = distance(i, centroids[c], cn[c]);
          if (dd < dist[i]) [dist[i], labels[i]] = [dd, c];
        }
      }
    };
    assign();
    for (let it = 0; it < 300; it++) {
      const sums = centroids.map(() => new Float64Array(d));
      const counts = new Array(k).fill(0);
      for (let i = 0; i < n; i++) {
        for (let q = 0; q < points[i].indices.length; q++) sums[labels[i]][points[i].indices[q]] += points[i].values[q];
        counts[labels[i]]++;
      }
      const next = sums.map((s, c) => {
        if (counts[c] > 0) return s.map((v) => v / counts[c]);
        let far = 0;
        for (let i = 1; i < n; i++) if (dist[i] > dist[far]) far = i;
        dist[far] = 0;
        return dense(far);
      });
      let shift = 0;
      for (let c = 0; c < k; c++) shift += squaredDistance(next[c], centroids[c]);
      centroids = next;
      assign();
      if (shift <= 1e-10) break;
    }
    const inertia = dist.reduce((a, b) => a + b, 0);
    if (!best || inertia < best.inertia) best = {labels, inertia, centroids};
  }
  return best!;
}

const blobs = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]];

describe("kmeans", () => {
  it("kmeans(two blobs, 2, rng) finds them, with the inertia of each blob around its mean", () => {
    const r = kmeans(blobs, 2, createRng(1));
    expect(r.labels[0]).toBe(r.labels[1]);
    expect(r.labels[0]).toBe(r.labels[2]);
    expect(r.labels[3]).toBe(r.labels[4]);
    expect(r.labels[0]).not.toBe(r.labels[3]);
    // Each blob: centroid (1/3, 1/3), squared distances 2/9 + 5/9 + 5/9 = 4/3; two blobs 8/3.
    expect(r.inertia).toBeCloseTo(8 / 3, 12);
    expect(r.runs.length).toBe(10);
    expect(r.inertia).toBe(Math.min(...r.runs));
  });
  it("kmeans(points, k, rng) is deterministic for a seed", () => {
    const points = Array.from({length: 40}, (_, i) => [Math.sin(i), Math.cos(i * 1.7)]);
    const a = kmeans(points, 4, createRng(7));
    const b = kmeans(points, 4, createRng(7));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
  });
  it("kmeans(points, 1) puts everything in one cluster at the mean", () => {
    const r = kmeans([[1], [3]], 1, createRng(0));
    expect(Array.from(r.centroids[0])).toEqual([2]);
    expect(r.inertia).toBe(2);
  });
  it("kmeans(ties, k) copes with fewer distinct points than k", () => {
    const r = kmeans([[1], [1], [1], [2]], 3, createRng(0), {restarts: 2});
    expect(r.inertia).toBe(0);
  });
  it("kmeans rejects a bad k and ragged points", () => {
    expect(() => kmeans([[1]], 2, createRng(0))).toThrow("invalid k: 2 (only 1 points)");
    expect(() => kmeans([[1], [1]], 0, createRng(0))).toThrow("invalid k: 0");
    expect(() => kmeans([[1], [1, 2]], 1, createRng(0))).toThrow("invalid point 1: 2 dimensions, expected 1");
  });
  it("kmeansPlusPlus(points, k, rng) picks distinct far points", () => {
    const centres = kmeansPlusPlus(blobs, 2, createRng(3));
    expect(new Set(centres).size).toBe(2);
    expect(centres.some((c) => c < 3) && centres.some((c) => c >= 3)).toBe(true);
  });
  it("kmeansPlusPlus draws each next centre with probability ∝ D² (Arthur and Vassilvitskii), not greedily", () => {
    // Points 0, 1 and 3 on a line, first centre at 0: squared distances 0, 1 and 9, so point 1 comes
    // second for a tenth of the uniform draws. scikit-learn's greedy variant would always take point 3.
    const scripted = (u: number): Rng => {
      const draws = [0, u];
      const rng = (() => draws.shift() ?? 0) as Rng;
      rng.fork = () => rng;
      return rng;
    };
    const picks = Array.from({length: 1000}, (_, i) => kmeansPlusPlus([[0], [1], [3]], 2, scripted((i + 0.5) / 1000))[1]);
    expect(picks.filter((c) => c === 1).length).toBe(100);
    expect(picks.filter((c) => c === 2).length).toBe(900);
  });
});

describe("kmeans on sparse vectors", () => {
  it("kmeans(sparse rows, k, rng) gives the same result as the dense points", () => {
    const dense = [[0, 0, 1], [0, 0, 0.9], [1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0, 0.95, 0.05]];
    const sparse = dense.map((p) => {
      const indices = p.flatMap((v, j) => (v !== 0 ? [j] : []));
      return {indices, values: indices.map((j) => p[j])};
    });
    const a = kmeans(dense, 3, createRng(5));
    const b = kmeans(sparse, 3, createRng(5));
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(b.inertia).toBeCloseTo(a.inertia, 12);
  });
});

describe("kmeans against the plain iteration", () => {
  it("kmeans(sparse rows, k, rng) equals plain Lloyd iterations to the last bit", () => {
    for (const seed of [1, 2, 3]) {
      const make = createRng(seed);
      // Texts of a few templates: rows share most of their template's terms, so clusters are real.
      const points = Array.from({length: 120}, () => {
        const base = 10 * Math.floor(make() * 4);
        const terms = [...new Set(Array.from({length: 2 + Math.floor(make() * 5)}, () => base + Math.floor(make() * 14)))].sort((a, b) => a - b);
        const values = terms.map(() => make());
        const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0));
        return {indices: Int32Array.from(terms), values: Float64Array.from(values, (v) => v / norm)};
      });
      for (const k of [2, 5, 9]) {
        const r = kmeans(points, k, createRng(`${seed}/${k}`), {restarts: 3});
        const plain = plainKmeans(points, k, createRng(`${seed}/${k}`), 3);
        expect(Array.from(r.labels)).toEqual(Array.from(plain.labels));
        expect(r.inertia).toBe(plain.inertia);
        expect(r.centroids.map((c) => Array.from(c))).toEqual(plain.centroids.map((c) => Array.from(c)));
      }
    }
  });
});
