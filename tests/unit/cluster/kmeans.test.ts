import {describe, expect, it} from "vitest";
import {kmeans, kmeansPlusPlus} from "../../../src/cluster/kmeans.js";
import {createRng} from "../../../src/world/random.js";

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
