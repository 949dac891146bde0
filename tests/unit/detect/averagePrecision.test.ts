import {describe, expect, it} from "vitest";
import {averagePrecision, averagePrecisionOfCurve} from "../../../src/detect/averagePrecision.js";

describe("averagePrecision", () => {
  it("averagePrecision(scores, truth) matches scikit-learn's documented example (0.8333)", () => {
    // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(5 / 6, 10);
  });
  it("averagePrecision(perfect ranking) is 1 and a worst ranking gives the step-wise sum", () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [true, true, false])).toBe(1);
    // Ranked: neg, neg, pos, pos → steps at recall 1/2 (precision 1/3) and 1 (precision 2/4).
    expect(averagePrecision([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBeCloseTo(0.5 * (1 / 3) + 0.5 * 0.5, 10);
  });
  it("averagePrecision(ties) treats tied scores as one threshold", () => {
    // All tied: one step to recall 1 at precision = prevalence.
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5], [true, false, false, false])).toBeCloseTo(0.25, 10);
  });
  it("averagePrecision without positives or rows is NaN", () => {
    expect(averagePrecision([0.3, 0.2], [false, false])).toBeNaN();
    expect(averagePrecision([], [])).toBeNaN();
  });
  it("averagePrecisionOfCurve(points) sums recall steps times precision", () => {
    expect(averagePrecisionOfCurve([{precision: 1, recall: 0.25}, {precision: 0.5, recall: 0.5}, {precision: 0.4, recall: 1}])).toBeCloseTo(0.25 + 0.125 + 0.2, 10);
  });
  it("averagePrecision(scores, truth, weights) weighs rows back to the population, as repeating them would", () => {
    // Sorted: 0.9 (abusive, weight 1), 0.8 (benign, weight 3), 0.1 (abusive, weight 1).
    // Points: P 1 at R 0.5; P 1/4 at R 0.5; P 2/5 at R 1. AP = 0.5 × 1 + 0.5 × 0.4 = 0.7.
    expect(averagePrecision([0.9, 0.8, 0.1], [true, false, true], [1, 3, 1])).toBeCloseTo(0.7, 12);
    expect(averagePrecision([0.9, 0.8, 0.8, 0.8, 0.1], [true, false, false, false, true])).toBeCloseTo(0.7, 12);
    expect(averagePrecision([0.9, 0.8, 0.1], [true, false, true])).toBeCloseTo(0.5 + 0.5 * (2 / 3), 12);
  });
});
