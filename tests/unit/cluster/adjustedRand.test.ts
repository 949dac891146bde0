import {describe, expect, it} from "vitest";
import {adjustedRandIndex, pairAgreement} from "../../../src/cluster/adjustedRand.js";

describe("adjustedRandIndex", () => {
  it("adjustedRandIndex matches scikit-learn's documented examples", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    // adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) == 0.57
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    // adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5
    expect(adjustedRandIndex([0, 1, 0, 1], [0, 0, 1, 1])).toBeCloseTo(-0.5, 12);
    // One cluster against all singletons: 0.
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });
  it("pairAgreement(predicted, truth) counts pairs found and missed", () => {
    // Predicted {0,1,2} {3}; truth {0,1} {2,3}: predicted pairs 3, actual 2, shared 1.
    const r = pairAgreement([0, 0, 0, 1], ["a", "a", "b", "b"]);
    expect(r.predictedPairs).toBe(3);
    expect(r.actualPairs).toBe(2);
    expect(r.truePairs).toBe(1);
    expect(r.precision).toBeCloseTo(1 / 3, 12);
    expect(r.recall).toBe(0.5);
  });
  it("pairAgreement of all singletons has no pairs and ARI 1", () => {
    const r = pairAgreement([0, 1, 2], [5, 6, 7]);
    expect(r.ari).toBe(1);
    expect(r.precision).toBeNaN();
  });
});
