import {describe, expect, it} from "vitest";
import {evaluateDays} from "../../../src/detect/evaluateDays.js";

describe("evaluateDays", () => {
  const flagged = [true, true, false, false, true];
  const truth = [true, false, true, false, true];
  it("evaluateDays(flagged, truth) labels days and scores precision, recall and F1", () => {
    const e = evaluateDays(flagged, truth);
    expect(e.labels).toEqual(["TP", "FP", "FN", "TN", "TP"]);
    expect([e.tp, e.fp, e.fn, e.tn]).toEqual([2, 1, 1, 1]);
    expect(e.precision).toBeCloseTo(2 / 3);
    expect(e.recall).toBeCloseTo(2 / 3);
    expect(e.f1).toBeCloseTo(2 / 3);
  });
  it("evaluateDays(flagged, truth, from, to) scores only the range", () => {
    const e = evaluateDays(flagged, truth, 2, 3);
    expect(e.labels).toEqual(["FN", "TN"]);
    expect(e.precision).toBeNaN();
    expect(e.recall).toBe(0);
    expect(e.f1).toBe(0);
  });
  it("evaluateDays with nothing to find has NaN recall; bad ranges and lengths throw", () => {
    expect(evaluateDays([false], [false]).recall).toBeNaN();
    expect(evaluateDays([], []).labels).toEqual([]);
    expect(() => evaluateDays([true], [true, false])).toThrow("length mismatch: 1 flagged days, 2 truth days");
    expect(() => evaluateDays(flagged, truth, 3, 1)).toThrow("invalid range: 3 to 1");
  });
});
