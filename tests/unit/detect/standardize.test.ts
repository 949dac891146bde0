import {describe, expect, it} from "vitest";
import {applyScaler, fitScaler} from "../../../src/detect/standardize.js";

describe("fitScaler", () => {
  it("fitScaler(rows) uses the mean and the population standard deviation", () => {
    const scaler = fitScaler([[1, 5], [3, 5]]);
    expect(scaler.mean).toEqual([2, 5]);
    expect(scaler.scale).toEqual([1, 1]); // population sd of 1, 3 is 1; a constant column keeps 1
    expect(applyScaler(scaler, [4, 6])).toEqual([2, 1]);
  });
  it("fitScaler([]) and NaN features throw", () => {
    expect(() => fitScaler([])).toThrow("invalid rows: none to fit a scaler on");
    expect(() => fitScaler([[NaN]])).toThrow("invalid feature: column 0 holds NaN");
    expect(() => applyScaler(fitScaler([[1]]), [1, 2])).toThrow("invalid row: 2 features, expected 1");
  });
});
