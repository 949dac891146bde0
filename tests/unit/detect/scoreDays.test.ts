import {describe, expect, it} from "vitest";
import {scoreDays} from "../../../src/detect/scoreDays.js";

describe("scoreDays", () => {
  it("scoreDays(dates, flagged, isEvent) counts explained flags and caught events", () => {
    const s = scoreDays(["a", "b", "c", "d"], [true, true, false, false], (d) => d === "a" || d === "c");
    expect(s).toEqual({flagged: 2, explained: 1, events: 2, caught: 1, precision: 0.5, recall: 0.5});
  });
  it("scoreDays([], [], f) gives NaN rates and mismatched lengths throw", () => {
    const s = scoreDays([], [], () => true);
    expect(Number.isNaN(s.precision) && Number.isNaN(s.recall)).toBe(true);
    expect(() => scoreDays(["a"], [], () => true)).toThrow("length mismatch");
  });
});
