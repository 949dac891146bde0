import {describe, expect, it} from "vitest";
import {clusterUnits} from "../../../src/experiment/clusterUnits.js";
import {ratioEstimate} from "../../../src/stats/ratioEstimate.js";

describe("clusterUnits", () => {
  it("clusterUnits(units) sums weighted numerators and denominators by cluster", () => {
    const out = clusterUnits([
      {cluster: "R1", y: 1, x: 2, w: 2},
      {cluster: "a", y: 0, x: 1},
      {cluster: "R1", y: 3, x: 4, w: 1},
      {cluster: "b", y: NaN, x: 1}
    ]);
    expect(out).toEqual([{y: 5, x: 8, w: 1}, {y: 0, x: 1, w: 1}]);
  });
  it("clusterUnits keeps the ratio and widens its standard error when a cluster moves together", () => {
    // Ten accounts of one ring all abusive, ten independent accounts all benign: 20 accounts, 11 clusters.
    const units = [...Array.from({length: 10}, () => ({cluster: "R", y: 1, x: 1})), ...Array.from({length: 10}, (_, i) => ({cluster: `u${i}`, y: 0, x: 1}))];
    const naive = ratioEstimate(units);
    const robust = ratioEstimate(clusterUnits(units));
    expect(robust.estimate).toBe(naive.estimate);
    expect(robust.n).toBe(11);
    expect(robust.se).toBeGreaterThan(2 * naive.se);
  });
});
