import {describe, expect, it} from "vitest";
import {achievedPower, minimumDetectableEffect, sampleSizeFactor} from "../../../src/stats/power.js";

describe("power", () => {
  it("minimumDetectableEffect(se) at alpha 0.05 and 80% power is 2.8016 · se", () => {
    expect(minimumDetectableEffect(1)).toBeCloseTo(2.80158, 4);
    expect(minimumDetectableEffect(0.5)).toBeCloseTo(1.40079, 4);
    expect(minimumDetectableEffect(1, {power: 0.9})).toBeCloseTo(1.959964 + 1.281552, 4);
  });
  it("achievedPower(MDE, se) is the target power", () => {
    expect(achievedPower(2.80158, 1)).toBeCloseTo(0.8, 3);
    expect(achievedPower(-2.80158, 1)).toBeCloseTo(0.8, 3);
    // No effect: the test rejects at its level.
    expect(achievedPower(0, 1)).toBeCloseTo(0.05, 6);
  });
  it("sampleSizeFactor(effect, se) is (MDE / effect)²", () => {
    expect(sampleSizeFactor(1.40079, 1)).toBeCloseTo(4, 3);
    expect(sampleSizeFactor(0, 1)).toBe(Infinity);
    expect(Number.isNaN(sampleSizeFactor(NaN, 1))).toBe(true);
  });
  it("power functions reject bad levels and return NaN for a NaN or zero SE", () => {
    expect(() => minimumDetectableEffect(1, {alpha: 0})).toThrow("invalid alpha: 0");
    expect(() => minimumDetectableEffect(1, {power: 1})).toThrow("invalid power: 1");
    expect(Number.isNaN(minimumDetectableEffect(NaN))).toBe(true);
    expect(Number.isNaN(achievedPower(1, 0))).toBe(true);
  });
});
