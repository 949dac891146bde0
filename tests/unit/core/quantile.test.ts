import {describe, expect, it} from "vitest";
import {median, quantile, quantileSorted, sortedFinite} from "../../../src/core/quantile.js";

describe("quantile", () => {
  it("quantile(values, p) uses the R-7 method", () => {
    // h = (n − 1)p = 3 × 0.9 = 2.7: 30 + 0.7 × (40 − 30) = 37, as NumPy's default and R's type 7 give.
    expect(quantile([40, 10, 30, 20], 0.9)).toBeCloseTo(37, 12);
    expect(quantile([40, 10, 30, 20], 0.25)).toBeCloseTo(17.5, 12);
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
  });

  it("quantile(values, p) skips null, NaN and non-numbers, and is NaN with no values", () => {
    expect(quantile([3, null, NaN, "7", 1, undefined], 0.5)).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([null, NaN], 0.5)).toBeNaN();
  });

  it("quantile(values, p) rejects p outside [0, 1]", () => {
    expect(() => quantile([1], 1.5)).toThrow("invalid quantile: 1.5");
    expect(() => quantileSorted([1], NaN)).toThrow("invalid quantile: NaN");
  });

  it("median(values) is the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("sortedFinite(values) sorts numerically, not as strings", () => {
    expect([...sortedFinite([10, 9, 100, -1])]).toEqual([-1, 9, 10, 100]);
  });
});

describe("quantileSorted", () => {
  it("quantileSorted(sorted, 0.5) of an even count is (a + b) / 2 in one rounding, as the textbook median", () => {
    // a + 0.5 × (b − a) rounds twice: 0.453 + 0.5 × (1.266 − 0.453) is 0.8594999999999999; (0.453 + 1.266) / 2 is 0.8595.
    expect(quantileSorted([0.453, 1.266], 0.5)).toBe(0.8595);
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
  });
});
