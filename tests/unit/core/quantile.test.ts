import {describe, expect, it} from "vitest";
import {median, quantile, quantileBinned, quantileSorted, sortedFinite} from "../../../src/core/quantile.js";

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

describe("quantileBinned", () => {
  it("quantileBinned(bins, p) is R-7 on the values the bins stand for, spread evenly inside each", () => {
    // [0, 10) with 2 values → 2.5, 7.5; [10, 20) with 1 → 15. R-7: median 7.5, P25 5, P90 13.5.
    const bins = [{lo: 0, hi: 10, n: 2}, {lo: 10, hi: 20, n: 1}];
    expect(quantileBinned(bins, 0.5)).toBe(7.5);
    expect(quantileBinned(bins, 0.25)).toBe(5);
    expect(quantileBinned(bins, 0.9)).toBeCloseTo(13.5, 12);
    expect(quantileBinned(bins, 0)).toBe(2.5);
    expect(quantileBinned(bins, 1)).toBe(15);
  });
  it("quantileBinned(bins, p) of one value per bin is quantileSorted of the bins' midpoints", () => {
    const bins = [1, 2, 4, 8].map((lo) => ({lo, hi: lo + 1, n: 1}));
    for (const p of [0.1, 0.5, 0.9]) expect(quantileBinned(bins, p)).toBeCloseTo(quantileSorted([1.5, 2.5, 4.5, 8.5], p), 12);
  });
  it("quantileBinned([], p) is NaN and an invalid p throws", () => {
    expect(quantileBinned([], 0.5)).toBeNaN();
    expect(() => quantileBinned([{lo: 0, hi: 1, n: 1}], 2)).toThrow(/invalid quantile/);
  });
});
