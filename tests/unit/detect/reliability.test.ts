import {describe, expect, it} from "vitest";
import {calibrationError, reliabilityBins} from "../../../src/detect/reliability.js";

describe("reliabilityBins", () => {
  it("reliabilityBins(scores, truth, 2) bins by score, the last bin including 1", () => {
    const bins = reliabilityBins([0.1, 0.3, 0.6, 1, NaN], [false, true, true, true, true], 2);
    expect(bins[0]).toEqual({lo: 0, hi: 0.5, n: 2, predicted: 0.2, observed: 0.5});
    expect(bins[1]).toMatchObject({lo: 0.5, hi: 1, n: 2, observed: 1});
    expect(bins[1].predicted).toBeCloseTo(0.8);
  });
  it("calibrationError(bins) is the count-weighted mean gap; NaN without items", () => {
    const bins = reliabilityBins([0.1, 0.3, 0.6, 1], [false, true, true, true], 2);
    expect(calibrationError(bins)).toBeCloseTo(0.5 * 0.3 + 0.5 * 0.2);
    expect(calibrationError(reliabilityBins([], [], 4))).toBeNaN();
    expect(reliabilityBins([], [], 4).every((b) => b.n === 0 && Number.isNaN(b.predicted))).toBe(true);
  });
  it("reliabilityBins rejects bad bins and mismatched lengths", () => {
    expect(() => reliabilityBins([1], [true], 0)).toThrow("invalid bins: 0");
    expect(() => reliabilityBins([1], [], 2)).toThrow("length mismatch: 1 scores, 0 labels");
  });
});
