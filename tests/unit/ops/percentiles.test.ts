import {describe, expect, it} from "vitest";
import {percentilesBy} from "../../../src/ops/percentiles.js";

describe("percentilesBy", () => {
  it("percentilesBy(rows, key, value) interpolates quantiles per group and skips NaN", () => {
    const rows = [1, 2, 3, 4, NaN].map((v) => ({k: "a", v})).concat([{k: "b", v: 7}]);
    const out = percentilesBy(rows, (r) => r.k, (r) => r.v, [0.5, 0.9], ["a", "b", "c"]);
    expect(out[0]).toEqual({key: "a", n: 4, values: [2.5, 3.7]});
    expect(out[1].values).toEqual([7, 7]);
    expect(out[2].n).toBe(0);
    expect(out[2].values.every(Number.isNaN)).toBe(true);
  });
  it("percentilesBy rejects a percentile outside [0, 1]", () => {
    expect(() => percentilesBy([], () => "a", () => 1, [1.5])).toThrow("invalid percentile: 1.5");
  });
});
