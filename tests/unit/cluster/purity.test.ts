import {describe, expect, it} from "vitest";
import {purity} from "../../../src/cluster/purity.js";

describe("purity", () => {
  it("purity(labels, truth) credits each cluster's majority class", () => {
    // Cluster 0: a, a, b (2); cluster 1: b, c, c (2): 4 of 6.
    expect(purity([0, 0, 0, 1, 1, 1], ["a", "a", "b", "b", "c", "c"])).toBeCloseTo(4 / 6, 12);
  });
  it("purity of singletons is 1, of no items NaN", () => {
    expect(purity([0, 1, 2], ["a", "a", "b"])).toBe(1);
    expect(purity([], [])).toBeNaN();
    expect(() => purity([0], [])).toThrow("length mismatch: 1 labels, 0 classes");
  });
});
