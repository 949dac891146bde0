import {describe, expect, it} from "vitest";
import {mean, silhouette as silhouetteValues} from "simple-statistics";
import {silhouette, silhouetteOfPoints} from "../../../src/cluster/silhouette.js";

describe("silhouette", () => {
  it("silhouetteOfPoints(1-d points, labels) matches a hand computation", () => {
    // Points 0, 1 | 4, 5. Point 0: a = 1, b = (4 + 5)/2 = 4.5, s = 3.5/4.5; by symmetry all four alike
    // except distances: point 1: a = 1, b = 3.5, s = 2.5/3.5.
    const s = silhouetteOfPoints([[0], [1], [4], [5]], [0, 0, 1, 1]);
    expect(s).toBeCloseTo((2 * (3.5 / 4.5) + 2 * (2.5 / 3.5)) / 4, 12);
  });
  it("silhouette gives 0 to a singleton cluster's point", () => {
    // Point 2 alone: s = 0. Points 0, 1: a = 1, b = 10 and 9.
    const s = silhouetteOfPoints([[0], [1], [10]], [0, 0, 1]);
    expect(s).toBeCloseTo((9 / 10 + 8 / 9 + 0) / 3, 12);
  });
  it("silhouetteOfPoints(2-d points, labels) equals the mean of simple-statistics' per-point silhouettes", () => {
    const points = [[0, 0], [0, 1], [1, 0], [5, 5], [6, 5], [5, 7], [10, 0], [3, 3]];
    const labels = [0, 0, 0, 1, 1, 1, 2, 0];
    expect(silhouetteOfPoints(points, labels)).toBeCloseTo(mean(silhouetteValues(points, labels)), 12);
  });
  it("silhouette(n, labels, distance) adds each cluster's distances in point order, as one pass over the points does", () => {
    // One pass per point over all the others, each distance added to its cluster's running sum.
    const plain = (n: number, labels: number[], distance: (i: number, j: number) => number) => {
      const clusters = [...new Set(labels)].sort((a, b) => a - b);
      const size = clusters.map((c) => labels.filter((l) => l === c).length);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const sums = clusters.map(() => 0);
        for (let j = 0; j < n; j++) if (j !== i) sums[clusters.indexOf(labels[j])] += distance(i, j);
        const own = clusters.indexOf(labels[i]);
        if (size[own] === 1) continue;
        const a = sums[own] / (size[own] - 1);
        const b = Math.min(...sums.map((s, c) => (c === own ? Infinity : s / size[c])));
        total += (b - a) / Math.max(a, b);
      }
      return total / n;
    };
    const n = 50;
    const distance = (i: number, j: number) => Math.abs(Math.sin(i * 7.1) - Math.sin(j * 7.1)) + 0.1 * Math.abs(i - j) ** 0.5;
    for (const k of [2, 3, 7]) {
      // Labels that are not 0..k−1 and a singleton cluster (label 99, point 4).
      const labels = Array.from({length: n}, (_, i) => (i === 4 ? 99 : 10 * (Math.floor(i * 2.6) % k)));
      expect(silhouette(n, labels, distance)).toBe(plain(n, labels, distance));
    }
  });
  it("silhouette(n, labels, matrix) equals silhouette(n, labels, distance) on the same distances", () => {
    for (const n of [3, 4, 9, 50]) {
      const matrix = Float32Array.from({length: n * n}, (_, e) => Math.abs(Math.sin(Math.floor(e / n) * 3.7) - Math.sin((e % n) * 3.7)));
      // A singleton cluster (label 7, the last point) whenever there is room for it.
      const labels = Array.from({length: n}, (_, i) => (i === n - 1 && n > 3 ? 7 : i % 2));
      expect(silhouette(n, labels, matrix)).toBe(silhouette(n, labels, (i, j) => matrix[i * n + j]));
    }
    expect(() => silhouette(3, [0, 0, 1], new Float32Array(8))).toThrow("length mismatch: 3 points, 8 distances (expected 9)");
  });
  it("silhouette rejects one cluster or all singletons", () => {
    expect(() => silhouette(3, [0, 0, 0], () => 1)).toThrow("invalid clustering: 1 clusters of 3 points");
    expect(() => silhouette(2, [0, 1], () => 1)).toThrow("invalid clustering: 2 clusters of 2 points");
  });
});
