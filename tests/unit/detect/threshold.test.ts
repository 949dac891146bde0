import {describe, expect, it} from "vitest";
import {precisionRecallCurve, thresholdMetrics, weightedRates} from "../../../src/detect/threshold.js";

describe("thresholdMetrics", () => {
  it("thresholdMetrics(scores, truth, 0.5) counts items at or above the threshold", () => {
    const m = thresholdMetrics([0.9, 0.5, 0.4, 0.2], [true, false, true, false], 0.5);
    expect(m).toMatchObject({selected: 2, truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5});
  });
  it("thresholdMetrics gives NaN precision when nothing is selected and NaN recall without positives", () => {
    expect(thresholdMetrics([0.1], [true], 0.5).precision).toBeNaN();
    expect(thresholdMetrics([0.9], [false], 0.5).recall).toBeNaN();
    expect(() => thresholdMetrics([0.1], [true, false], 0.5)).toThrow("length mismatch: 1 scores, 2 labels");
    expect(() => thresholdMetrics([0.1], [true], NaN)).toThrow("invalid threshold: NaN");
  });
  it("thresholdMetrics(scores, truth, t, weights) counts each row as its weight, and as 1 without", () => {
    const scores = [0.9, 0.5, 0.4, 0.2];
    const truth = [true, false, true, false];
    expect(thresholdMetrics(scores, truth, 0.5, [2, 3, 1.5, 4])).toMatchObject({selected: 5, truePositives: 2, falsePositives: 3, falseNegatives: 1.5, precision: 0.4, recall: 2 / 3.5});
    expect(thresholdMetrics(scores, truth, 0.5, [1, 1, 1, 1])).toEqual(thresholdMetrics(scores, truth, 0.5));
    expect(() => thresholdMetrics(scores, truth, 0.5, [1])).toThrow("length mismatch: 4 scores, 1 weights");
  });
});

describe("precisionRecallCurve", () => {
  it("precisionRecallCurve(scores, truth) gives one point per distinct score, highest first", () => {
    const curve = precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
    expect(curve.map((p) => [p.threshold, p.precision, p.recall, p.selected])).toEqual([
      [0.8, 1, 0.5, 1],
      [0.4, 0.5, 0.5, 2],
      [0.35, 2 / 3, 1, 3],
      [0.1, 0.5, 1, 4]
    ]);
  });
  it("precisionRecallCurve groups ties and skips NaN scores", () => {
    const curve = precisionRecallCurve([0.5, 0.5, NaN, 0.2], [true, false, true, false]);
    expect(curve.map((p) => [p.threshold, p.selected])).toEqual([[0.5, 2], [0.2, 3]]);
    expect(curve[0].precision).toBe(0.5);
    expect(precisionRecallCurve([], [])).toEqual([]);
  });
});

describe("weightedRates", () => {
  it("weightedRates(scores, truth, weights, t) gives the population's precision and recall", () => {
    // At 0.5: selected 0.9 (abusive, 1) and 0.8 (benign, 3): precision 1/4; abusive weight 1 + 2 = 3: recall 1/3.
    expect(weightedRates([0.9, 0.8, 0.1], [true, false, true], [1, 3, 2], 0.5)).toEqual({precision: 0.25, recall: 1 / 3});
    expect(() => weightedRates([0.9], [true], [1, 2], 0.5)).toThrow("length mismatch");
  });
});
