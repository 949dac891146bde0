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
  it("silhouette rejects one cluster or all singletons", () => {
    expect(() => silhouette(3, [0, 0, 0], () => 1)).toThrow("invalid clustering: 1 clusters of 3 points");
    expect(() => silhouette(2, [0, 1], () => 1)).toThrow("invalid clustering: 2 clusters of 2 points");
  });
});
