import {describe, expect, it} from "vitest";
import {binDurations, durationEdges} from "../../../src/moderation/binDurations.js";

describe("binDurations", () => {
  it("durationEdges(max) starts with the moderator-session dashboard's bins and stops once max fits", () => {
    expect(durationEdges(50)).toEqual([30, 60, 120]);
    expect(durationEdges(400)).toEqual([30, 60, 120, 300, 600]);
    expect(durationEdges(32_024).at(-1)).toBe(57_600);
  });
  it("durationEdges(max) doubles past the ladder", () => {
    expect(durationEdges(200_000).slice(-3)).toEqual([86_400, 172_800, 345_600]);
  });
  it("binDurations(values) puts bounds in the lower bin: (lo, hi], with 0 in the first", () => {
    const bins = binDurations([0, 30, 30.1, 60, 61, 120, 121, 300], [30, 60, 120, 300]);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2, 2]);
    expect(bins.map((b) => b.label)).toEqual(["0–30 s", "31–60 s", "61–120 s", "2–5 min"]);
  });
  it("binDurations(values) labels minutes and hours", () => {
    const labels = binDurations([], [30, 60, 120, 300, 600, 1800, 3600, 7200]).map((b) => b.label);
    expect(labels.slice(4)).toEqual(["5–10 min", "10–30 min", "30 min–1 h", "1–2 h"]);
  });
  it("binDurations(values) skips NaN, negatives and values past the last edge", () => {
    expect(binDurations([NaN, -1, 500], [30, 60]).map((b) => b.count)).toEqual([0, 0]);
  });
  it("binDurations([]) has empty seed bins and binDurations(values, bad edges) throws", () => {
    expect(binDurations([]).map((b) => b.count)).toEqual([0, 0, 0]);
    expect(() => binDurations([1], [60, 30])).toThrow("invalid bin edges: 60, 30");
  });
});
