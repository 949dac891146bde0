import {describe, expect, it} from "vitest";
import {rollingZ, spikes, spikesAbove} from "../../../src/detect/rollingZ.js";

describe("rollingZ", () => {
  it("rollingZ(values, 3) uses the three previous values and the sample standard deviation", () => {
    const {mean, sd, z} = rollingZ([1, 2, 3, 10], 3);
    expect(mean[3]).toBeCloseTo(2);
    expect(sd[3]).toBeCloseTo(1); // sample sd of 1, 2, 3
    expect(z[3]).toBeCloseTo(8);
  });
  it("rollingZ(values, 3) excludes the current value and needs two values of history", () => {
    const {mean, z} = rollingZ([5, 7, 100], 3);
    expect(Number.isNaN(z[0])).toBe(true);
    expect(Number.isNaN(z[1])).toBe(true);
    expect(mean[2]).toBeCloseTo(6);
  });
  it("rollingZ(values, 2) slides the window", () => {
    const {mean} = rollingZ([1, 1, 5, 9, 0], 2);
    expect(Array.from(mean.slice(2))).toEqual([1, 3, 7]);
  });
  it("rollingZ(values, 3) ignores NaN in the window", () => {
    const {mean, sd} = rollingZ([2, NaN, 4, 6], 3);
    expect(mean[3]).toBeCloseTo(3);
    expect(sd[3]).toBeCloseTo(Math.SQRT2);
  });
  it("rollingZ([], 7) is empty and rollingZ(values, 1) throws", () => {
    expect(rollingZ([], 7).z.length).toBe(0);
    expect(() => rollingZ([1, 2], 1)).toThrow("invalid window: 1");
  });
  it("rollingZ(ties, 3) gives z 0 for an equal value and Infinity above a flat baseline", () => {
    const {z} = rollingZ([4, 4, 4, 4, 5], 3);
    expect(z[3]).toBe(0);
    expect(z[4]).toBe(Infinity);
  });
  it("rollingZ matches a direct computation on large offsets", () => {
    const values = Array.from({length: 50}, (_, i) => 1e9 + ((i * 37) % 11));
    const {mean, sd} = rollingZ(values, 7);
    for (let i = 7; i < 50; i++) {
      const w = values.slice(i - 7, i);
      const m = w.reduce((a, b) => a + b) / 7;
      const s = Math.sqrt(w.reduce((a, b) => a + (b - m) ** 2, 0) / 6);
      expect(mean[i]).toBeCloseTo(m, 6);
      expect(sd[i]).toBeCloseTo(s, 6);
    }
  });
  it("spikes(values, 3, 1.5) and spikesAbove(values, rollingZ(values, 3), 1.5) flag values above mean + 1.5 sd", () => {
    expect(spikes([10, 12, 11, 30, 11], 3, 1.5)).toEqual([false, false, false, true, false]);
    expect(spikesAbove([10, 12, 11, 30, 11], rollingZ([10, 12, 11, 30, 11], 3), 1.5)).toEqual([false, false, false, true, false]);
  });
});
