import {describe, expect, it} from "vitest";
import {belowThreshold, dailyMean, trailingMean} from "../../../src/detect/drift.js";

describe("drift", () => {
  it("dailyMean(rows, dates, day, value) averages per date, NaN on empty days and skips NaN values", () => {
    const rows = [{d: "a", v: 1}, {d: "a", v: 3}, {d: "a", v: NaN}, {d: "c", v: 5}, {d: "z", v: 9}];
    expect(dailyMean(rows, ["a", "b", "c"], (r) => r.d, (r) => r.v)).toEqual([{date: "a", mean: 2, n: 2}, {date: "b", mean: NaN, n: 0}, {date: "c", mean: 5, n: 1}]);
  });
  it("trailingMean(values, 3) includes the current value and waits for a full window", () => {
    expect(Array.from(trailingMean([1, 2, 3, 4], 3))).toEqual([NaN, NaN, 2, 3]);
    expect(Array.from(trailingMean([1, NaN, 3, 5], 2, 1))).toEqual([1, 1, 3, 4]);
    expect(trailingMean([], 7).length).toBe(0);
    expect(() => trailingMean([1], 0)).toThrow("invalid window: 0");
  });
  it("belowThreshold(values, t) is strict and never alerts on NaN", () => {
    expect(belowThreshold([0.79, 0.8, NaN, 0.81], 0.8)).toEqual([true, false, false, false]);
    expect(() => belowThreshold([1], NaN)).toThrow("invalid threshold: NaN");
  });
});

describe("dailyMean of a cube", () => {
  it("dailyMean(rows, dates, day, sum, count) divides each day's summed values by its summed counts", () => {
    const rows = [{date: "2025-03-01", sum: 1.5, n: 2}, {date: "2025-03-01", sum: 0.75, n: 1}, {date: "2025-03-02", sum: 0, n: 0}];
    const means = dailyMean(rows, ["2025-03-01", "2025-03-02"], (r) => r.date, (r) => r.sum, (r) => r.n);
    expect(means[0]).toEqual({date: "2025-03-01", mean: 0.75, n: 3});
    expect(means[1].mean).toBeNaN();
  });
});
