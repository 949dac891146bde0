import {describe, expect, it} from "vitest";
import {MAD_SCALE, robustZ} from "../../../src/detect/robustZ.js";
import {createRng} from "../../../src/core/random.js";

/** robustZ by its definition: sort each day's window and its deviations afresh. */
function robustZBySorting(values: number[], window: number, poissonFloor: boolean) {
  const median = (x: number[]) => {
    const s = [...x].sort((a, b) => a - b);
    const idx = (s.length - 1) / 2;
    const lower = Math.floor(idx);
    return idx % 1 === 0 ? s[idx] : (s[lower] + s[lower + 1]) / 2;
  };
  return values.map((v, i) => {
    const past = values.slice(Math.max(0, i - window), i).filter(Number.isFinite);
    if (past.length < 3) return {median: NaN, spread: NaN, z: NaN};
    const m = median(past);
    let s = MAD_SCALE * median(past.map((x) => Math.abs(x - m)));
    if (poissonFloor) s = Math.max(s, Math.sqrt(Math.max(m, 1)));
    const z = !Number.isFinite(v) ? NaN : s > 0 ? (v - m) / s : v === m ? 0 : v > m ? Infinity : -Infinity;
    return {median: m, spread: s, z};
  });
}

describe("robustZ", () => {
  it("robustZ(values, 5) uses the median and scaled MAD of the five previous values", () => {
    const {median, spread, z} = robustZ([10, 12, 11, 13, 100, 14], 5);
    // Window before index 5: 10, 12, 11, 13, 100 → median 12, |dev| 2, 0, 1, 1, 88 → MAD 1.
    expect(median[5]).toBe(12);
    expect(spread[5]).toBeCloseTo(MAD_SCALE);
    expect(z[5]).toBeCloseTo(2 / MAD_SCALE);
  });
  it("robustZ(values, 3) excludes the current value and needs three values of history", () => {
    const {z, median} = robustZ([1, 2, 50, 3], 3);
    expect(Number.isNaN(z[2])).toBe(true);
    expect(median[3]).toBe(2);
  });
  it("robustZ(values, 4) ignores NaN", () => {
    const {median} = robustZ([1, NaN, 3, 5, 7], 4);
    expect(median[4]).toBe(3);
  });
  it("robustZ(ties, 3) gives z 0 for an equal value and Infinity above a flat baseline", () => {
    const {z} = robustZ([4, 4, 4, 4, 9], 3);
    expect(z[3]).toBe(0);
    expect(z[4]).toBe(Infinity);
  });
  it("robustZ([], 7) is empty and robustZ(values, 2) throws", () => {
    expect(robustZ([], 7).z.length).toBe(0);
    expect(() => robustZ([1, 2, 3], 2)).toThrow("invalid window: 2");
  });
  it("robustZ(surge, 7) still flags a surge's second day where a mean and sd would not", async () => {
    const {rollingZ} = await import("../../../src/detect/rollingZ.js");
    const values = [100, 104, 98, 101, 99, 103, 97, 400, 380];
    expect(robustZ(values, 7).z[8]).toBeGreaterThan(10);
    expect(rollingZ(values, 7).z[8]).toBeLessThan(3);
  });
  it("robustZ with the Poisson floor bounds the spread below by √max(median, 1)", () => {
    // Baseline [0, 0, 0]: MAD 0, floor √1 = 1, so five events is z = 5 rather than Infinity.
    expect(robustZ([0, 0, 0, 5], 3).z[3]).toBe(Infinity);
    expect(robustZ([0, 0, 0, 5], 3, {poissonFloor: true}).z[3]).toBe(5);
    // Baseline [100, 100, 100]: floor √100 = 10, so 130 is z = 3.
    expect(robustZ([100, 100, 100, 130], 3, {poissonFloor: true}).z[3]).toBe(3);
  });
  it("robustZ(values, window) equals sorting every window, bit for bit, over random series with NaN and ties", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = createRng(seed);
      const values = Array.from({length: 120}, () => (random() < 0.1 ? NaN : Math.floor(random() * (random() < 0.5 ? 4 : 400)) / (random() < 0.3 ? 3 : 1)));
      for (const window of [3, 4, 7, 12, 28]) {
        for (const poissonFloor of [false, true]) {
          const got = robustZ(values, window, {poissonFloor});
          const want = robustZBySorting(values, window, poissonFloor);
          expect(Array.from(got.median)).toEqual(want.map((d) => d.median));
          expect(Array.from(got.spread)).toEqual(want.map((d) => d.spread));
          expect(Array.from(got.z)).toEqual(want.map((d) => d.z));
        }
      }
    }
  });
});
