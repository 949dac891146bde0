import {describe, expect, it} from "vitest";
import {criticalValue, normalCdf, normalQuantile} from "../../../src/stats/normal.js";

describe("normal", () => {
  it("normalCdf(z) matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(Number.isNaN(normalCdf(NaN))).toBe(true);
  });
  it("normalQuantile(p) inverts normalCdf to six decimals", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 5);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
  });
  it("normalQuantile(p) rejects p outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow("invalid probability: 0");
    expect(() => normalQuantile(1)).toThrow("invalid probability: 1");
    expect(() => normalQuantile(NaN)).toThrow("invalid probability: NaN");
  });
  it("criticalValue(0.95) is 1.96 and criticalValue(0.9) is 1.645", () => {
    expect(criticalValue()).toBeCloseTo(1.959964, 5);
    expect(criticalValue(0.9)).toBeCloseTo(1.644854, 5);
    expect(() => criticalValue(1)).toThrow("invalid confidence: 1");
  });
});
