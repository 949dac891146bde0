import {describe, expect, it} from "vitest";
import {sampleRatioTest} from "../../../src/stats/sampleRatioTest.js";

describe("sampleRatioTest", () => {
  it("sampleRatioTest(a, b) is the chi-square test of a 50/50 split (hand-checked)", () => {
    // 550 vs 450: z = (550 − 500) / √250 = 3.1623, p = 0.00157 (chi-square 10 with 1 df).
    const t = sampleRatioTest(550, 450);
    expect(t.share).toBe(0.55);
    expect(t.z).toBeCloseTo(3.16228, 4);
    expect(t.p).toBeCloseTo(0.001565, 5);
  });
  it("sampleRatioTest(equal counts) has p = 1 (ties)", () => {
    expect(sampleRatioTest(40, 40)).toMatchObject({share: 0.5, z: 0});
    expect(sampleRatioTest(40, 40).p).toBeCloseTo(1, 6);
  });
  it("sampleRatioTest(a, b, {expected: 0.2}) tests an unequal design", () => {
    expect(sampleRatioTest(20, 80, {expected: 0.2}).z).toBeCloseTo(0, 10);
  });
  it("sampleRatioTest(0, 0) is NaN and bad counts throw", () => {
    expect(Number.isNaN(sampleRatioTest(0, 0).p)).toBe(true);
    expect(() => sampleRatioTest(-1, 2)).toThrow("invalid counts: -1 and 2");
    expect(() => sampleRatioTest(1, 2, {expected: 1})).toThrow("invalid expected share: 1");
  });
});
