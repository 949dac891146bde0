import {describe, expect, it} from "vitest";
import {wilsonInterval} from "../../../src/stats/wilsonInterval.js";

// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
describe("wilsonInterval", () => {
  it("wilsonInterval(81, 263) is 0.2553 to 0.3662", () => {
    const ci = wilsonInterval(81, 263);
    expect(ci.estimate).toBeCloseTo(81 / 263, 10);
    expect(ci.lower).toBeCloseTo(0.2553, 4);
    expect(ci.upper).toBeCloseTo(0.3662, 4);
  });
  it("wilsonInterval(15, 148) is 0.0624 to 0.1605", () => {
    const ci = wilsonInterval(15, 148);
    expect(ci.lower).toBeCloseTo(0.0624, 4);
    expect(ci.upper).toBeCloseTo(0.1605, 4);
  });
  it("wilsonInterval(0, 20) starts at exactly 0 and wilsonInterval(20, 20) ends at exactly 1", () => {
    expect(wilsonInterval(0, 20)).toMatchObject({estimate: 0, lower: 0});
    expect(wilsonInterval(0, 20).upper).toBeCloseTo(0.1611, 4);
    expect(wilsonInterval(20, 20)).toMatchObject({estimate: 1, upper: 1});
    expect(wilsonInterval(20, 20).lower).toBeCloseTo(1 - 0.1611, 4);
  });
  it("wilsonInterval(1, 1) for one value is wide and inside [0, 1]", () => {
    const ci = wilsonInterval(1, 1);
    expect(ci.upper).toBe(1);
    expect(ci.lower).toBeCloseTo(0.2065, 4);
  });
  it("wilsonInterval(0, 0) is NaN and bad counts throw", () => {
    const ci = wilsonInterval(0, 0);
    expect([ci.estimate, ci.lower, ci.upper].every(Number.isNaN)).toBe(true);
    expect(() => wilsonInterval(3, 2)).toThrow("invalid successes: 3 of 2");
    expect(() => wilsonInterval(1, 2.5)).toThrow("invalid count: 2.5");
    expect(() => wilsonInterval(NaN, 2)).toThrow("invalid successes: NaN of 2");
  });
  it("wilsonInterval(81, 263, {confidence: 0.99}) is wider", () => {
    const ci95 = wilsonInterval(81, 263);
    const ci99 = wilsonInterval(81, 263, {confidence: 0.99});
    expect(ci99.lower).toBeLessThan(ci95.lower);
    expect(ci99.upper).toBeGreaterThan(ci95.upper);
  });
});
