import {describe, expect, it} from "vitest";
import {detectionRates, intervalsOverlap, pooledRates, rate, rateBasis, rateText} from "../../../src/detect/detectionRates.js";

describe("detectionRates", () => {
  it("detectionRates({tp: 6, fp: 2, fn: 3}) gives recall 6 of 9 with its 95% Wilson interval (35–88%)", () => {
    const {recall, precision} = detectionRates({tp: 6, fp: 2, fn: 3});
    expect([recall.successes, recall.n, precision.successes, precision.n]).toEqual([6, 9, 6, 8]);
    expect(recall.value).toBeCloseTo(2 / 3);
    expect(recall.lower).toBeCloseTo(0.3542, 3);
    expect(recall.upper).toBeCloseTo(0.8794, 3);
  });
  it("rateText shows the share with counts, interval and a small-sample mark; rateBasis without the share", () => {
    expect(rateText(rate(6, 9))).toBe("67% (6 of 9; 95% CI 35–88%; fewer than 30 cases)");
    expect(rateBasis(rate(30, 40), 1)).toBe("30 of 40; 95% CI 59.8–85.8%");
    expect(rateText(rate(0, 0))).toBe("– (0 of 0)");
  });
  it("pooledRates sums the counts of every evaluation before dividing", () => {
    const r = pooledRates([{tp: 1, fp: 0, fn: 1}, {tp: 3, fp: 1, fn: 0}]);
    expect([r.recall.successes, r.recall.n, r.precision.successes, r.precision.n]).toEqual([4, 5, 4, 5]);
  });
});

describe("intervalsOverlap", () => {
  it("intervalsOverlap(6 of 9, 8 of 9) is true; (1 of 40, 39 of 40) is false; an empty rate overlaps everything", () => {
    expect(intervalsOverlap(rate(6, 9), rate(8, 9))).toBe(true);
    expect(intervalsOverlap(rate(1, 40), rate(39, 40))).toBe(false);
    expect(intervalsOverlap(rate(0, 0), rate(39, 40))).toBe(true);
  });
});
