import {describe, expect, it} from "vitest";
import {compareEstimates} from "../../../src/stats/compareEstimates.js";

describe("compareEstimates", () => {
  it("compareEstimates(t, c) gives the difference ± 1.96 · √(se_t² + se_c²)", () => {
    // se = √(0.03² + 0.04²) = 0.05; z = −0.1 / 0.05 = −2; p = 0.0455.
    const c = compareEstimates({estimate: 0.2, se: 0.03}, {estimate: 0.3, se: 0.04});
    expect(c.difference).toBeCloseTo(-0.1, 12);
    expect(c.se).toBeCloseTo(0.05, 12);
    expect(c.lower).toBeCloseTo(-0.1 - 1.959964 * 0.05, 5);
    expect(c.upper).toBeCloseTo(-0.1 + 1.959964 * 0.05, 5);
    expect(c.z).toBeCloseTo(-2, 12);
    expect(c.p).toBeCloseTo(0.0455, 4);
  });
  it("compareEstimates(t, c) gives a relative change with a log-ratio interval", () => {
    const c = compareEstimates({estimate: 0.2, se: 0.03}, {estimate: 0.3, se: 0.04});
    const seLog = Math.sqrt((0.03 / 0.2) ** 2 + (0.04 / 0.3) ** 2);
    expect(c.relative).toBeCloseTo(-1 / 3, 12);
    expect(c.relativeLower).toBeCloseTo((2 / 3) * Math.exp(-1.959964 * seLog) - 1, 5);
    expect(c.relativeUpper).toBeCloseTo((2 / 3) * Math.exp(1.959964 * seLog) - 1, 5);
    expect(c.relativeLower).toBeGreaterThan(-1);
  });
  it("compareEstimates(equal estimates) is a tie with p = 1", () => {
    const c = compareEstimates({estimate: 0.5, se: 0.1}, {estimate: 0.5, se: 0.1});
    expect(c.difference).toBe(0);
    expect(c.p).toBeCloseTo(1, 6);
    expect(c.p).toBeLessThanOrEqual(1);
  });
  it("compareEstimates(a zero control) has no relative change, and NaN SE propagates", () => {
    expect(Number.isNaN(compareEstimates({estimate: 0.1, se: 0.01}, {estimate: 0, se: 0.01}).relative)).toBe(true);
    const c = compareEstimates({estimate: 0.1, se: NaN}, {estimate: 0.2, se: 0.01});
    expect(Number.isNaN(c.lower)).toBe(true);
    expect(Number.isNaN(c.p)).toBe(true);
  });
});
