import {describe, expect, it} from "vitest";
import {capWhatIf, tightestSafeCap} from "../../../src/experiment/capWhatIf.js";

const days = [
  {ordinary: true, weight: 10, attempted: 2},
  {ordinary: true, weight: 10, attempted: 8},
  {ordinary: false, weight: 1, attempted: 20}
];

describe("capWhatIf", () => {
  it("capWhatIf(days, caps) gives the weighted share of messages above each cap (hand-checked)", () => {
    const [c5, c10] = capWhatIf(days, [5, 10]);
    // Ordinary: 3 of 100 weighted messages over 5 (10 · (8 − 5) / 10 · (2 + 8)); abusive: 15 of 20.
    expect(c5).toMatchObject({cap: 5, ordinaryStopped: 30 / 100, abusiveStopped: 15 / 20, ordinaryDaysCapped: 0.5});
    expect(c10).toMatchObject({ordinaryStopped: 0, abusiveStopped: 0.5, ordinaryDaysCapped: 0});
  });
  it("tightestSafeCap(outcomes, max) is the smallest cap within the friction limit", () => {
    const outcomes = capWhatIf(days, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tightestSafeCap(outcomes, 0.1)?.cap).toBe(7);
    expect(tightestSafeCap(outcomes, 0)?.cap).toBe(8);
    expect(tightestSafeCap(capWhatIf(days, [1]), 0.01)).toBeNull();
  });
  it("capWhatIf([]) is NaN and bad input throws", () => {
    expect(Number.isNaN(capWhatIf([], [3])[0].ordinaryStopped)).toBe(true);
    expect(() => capWhatIf(days, [2.5])).toThrow("invalid cap: 2.5");
    expect(() => capWhatIf([{ordinary: true, weight: -1, attempted: 1}], [1])).toThrow("invalid account-day: weight -1, attempted 1");
  });
});
