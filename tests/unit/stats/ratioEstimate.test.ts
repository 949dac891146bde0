import {describe, expect, it} from "vitest";
import {ratioEstimate} from "../../../src/stats/ratioEstimate.js";

describe("ratioEstimate", () => {
  it("ratioEstimate(units) is Σy / Σx with the linearization SE (hand-checked)", () => {
    // R = 6 / 8 = 0.75; residuals y − R·x = −0.5, 0.5, 0; v = 3/2 · 0.5 / 8² = 0.01171875.
    const r = ratioEstimate([{y: 1, x: 2}, {y: 2, x: 2}, {y: 3, x: 4}]);
    expect(r.estimate).toBe(0.75);
    expect(r.se).toBeCloseTo(Math.sqrt(0.01171875), 12);
    expect(r).toMatchObject({n: 3, numerator: 6, denominator: 8});
  });
  it("ratioEstimate(units with x = 1) is the mean with SE s / √n", () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    const r = ratioEstimate(values.map((y) => ({y, x: 1})));
    const mean = 5;
    const s = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    expect(r.estimate).toBe(mean);
    expect(r.se).toBeCloseTo(s / Math.sqrt(values.length), 12);
  });
  it("ratioEstimate(units with weights) weights totals and residuals", () => {
    // A unit of weight 2 counts like two copies in the totals: R = (1 + 2·3) / (1 + 2·2) = 7 / 5.
    const r = ratioEstimate([{y: 1, x: 1, w: 1}, {y: 3, x: 2, w: 2}]);
    expect(r.estimate).toBeCloseTo(1.4, 12);
    // residuals w(y − R x): 1·(1 − 1.4) = −0.4, 2·(3 − 2.8) = 0.4; v = 2 · 0.32 / 25.
    expect(r.se).toBeCloseTo(Math.sqrt((2 * 0.32) / 25), 12);
  });
  it("ratioEstimate(identical ratios) has SE 0 (ties)", () => {
    const r = ratioEstimate([{y: 1, x: 2}, {y: 2, x: 4}, {y: 3, x: 6}]);
    expect(r.estimate).toBe(0.5);
    expect(r.se).toBe(0);
  });
  it("ratioEstimate(units) skips NaN units, gives NaN SE for one unit and NaN for none", () => {
    expect(ratioEstimate([{y: 1, x: 2}, {y: NaN, x: 1}]).n).toBe(1);
    expect(Number.isNaN(ratioEstimate([{y: 1, x: 2}]).se)).toBe(true);
    expect(ratioEstimate([{y: 1, x: 2}]).estimate).toBe(0.5);
    expect(Number.isNaN(ratioEstimate([]).estimate)).toBe(true);
    expect(Number.isNaN(ratioEstimate([{y: 0, x: 0}, {y: 0, x: 0}]).estimate)).toBe(true);
  });
  it("ratioEstimate(units) rejects a negative weight", () => {
    expect(() => ratioEstimate([{y: 1, x: 1, w: -1}])).toThrow("invalid weight: -1");
  });
});
