import {describe, expect, it} from "vitest";
import {correlationInterval} from "../../../src/stats/correlationInterval.js";

describe("correlationInterval", () => {
  it("correlationInterval(x, y) on a perfect line is r = 1", () => {
    const c = correlationInterval([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(c.r).toBeCloseTo(1, 12);
    expect(c.n).toBe(5);
  });
  it("correlationInterval(x, y) uses Fisher's z with SE 1 / √(n − 3) (hand-checked)", () => {
    // x, y with r = 0.8 exactly: y = 0.8 x + 0.6 e with x ⟂ e, both mean 0 and equal variance.
    const x = [1, -1, 1, -1, 0, 0, 2, -2];
    const e = [1, 1, -1, -1, 2, -2, 0, 0];
    const y = x.map((v, i) => 0.8 * v + 0.6 * e[i] * Math.sqrt(12 / 12));
    const c = correlationInterval(x, y);
    expect(c.r).toBeCloseTo(0.8, 10);
    const z = Math.atanh(0.8);
    const half = 1.959964 / Math.sqrt(8 - 3);
    expect(c.lower).toBeCloseTo(Math.tanh(z - half), 5);
    expect(c.upper).toBeCloseTo(Math.tanh(z + half), 5);
  });
  it("correlationInterval(x, y) drops NaN pairs and needs four pairs for an interval", () => {
    const c = correlationInterval([1, 2, NaN, 3], [1, 3, 5, 2]);
    expect(c.n).toBe(3);
    expect(Number.isNaN(c.lower)).toBe(true);
    expect(Number.isNaN(correlationInterval([1], [2]).r)).toBe(true);
  });
  it("correlationInterval(x, y) rejects unequal lengths", () => {
    expect(() => correlationInterval([1, 2], [1])).toThrow("invalid pairs: 2 x values and 1 y values");
  });
});
