import {describe, expect, it} from "vitest";
import {rollingZ} from "../../../src/detect/rollingZ.js";
import {weekdayZ} from "../../../src/detect/weekdayZ.js";

// Five weeks of a weekly rhythm: day 5 and 6 of each week are busy.
const week = [100, 100, 100, 100, 100, 150, 150];
const series = [...week, ...week, ...week, ...week, ...week];

describe("weekdayZ", () => {
  it("weekdayZ(values, 7) sees no anomaly in a pure weekly rhythm where rollingZ does", () => {
    const w = weekdayZ(series, 7);
    const plain = rollingZ(series, 7);
    const busy = 4 * 7 + 5;
    expect(Math.abs(w.z[busy])).toBeLessThan(0.01);
    expect(plain.z[busy]).toBeGreaterThan(1.4);
    expect(w.baseline[busy]).toBeCloseTo(150);
  });
  it("weekdayZ(values, 7) flags a busy day on a quiet weekday", () => {
    const values = [...series];
    values[4 * 7 + 2] = 150;
    expect(weekdayZ(values, 7).z[4 * 7 + 2]).toBe(Infinity);
  });
  it("weekdayZ(values, 7) needs one week of history and ignores NaN", () => {
    const w = weekdayZ([1, 2, 3, 4, 5, 6, 7, NaN, 9], 7);
    expect(Number.isNaN(w.factor[6])).toBe(true);
    expect(Number.isFinite(w.factor[7])).toBe(true);
    expect(Number.isNaN(w.z[7])).toBe(true);
  });
  it("weekdayZ([], 7) is empty and bad options throw", () => {
    expect(weekdayZ([], 7).z.length).toBe(0);
    expect(() => weekdayZ([1], 7, {period: 1})).toThrow("invalid period: 1");
    expect(() => weekdayZ([1], 7, {weeks: 0})).toThrow("invalid weeks: 0");
  });
});
