import {describe, expect, it} from "vitest";
import {flagAnomalies, scoreAnomalies, warmUpDays} from "../../../src/detect/anomalies.js";

const values = [10, 11, 9, 10, 11, 9, 10, 30, 10, 0];

describe("flagAnomalies", () => {
  it("flagAnomalies(values) defaults to the APAC KPI dashboard's rolling z, window 7, |z| > 2", () => {
    const {flagged} = flagAnomalies(values);
    // Day 9's drop hides behind the spike of day 7 in its window.
    expect(flagged.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual([7]);
  });
  it("flagAnomalies(values, {direction}) keeps only spikes or drops", () => {
    expect(flagAnomalies(values, {direction: "up"}).flagged.filter(Boolean).length).toBe(1);
    expect(flagAnomalies(values, {direction: "down"}).flagged.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual([]);
  });
  it("flagAnomalies(values, {threshold}) flags fewer days as the threshold rises", () => {
    const count = (t: number) => flagAnomalies(values, {threshold: t}).flagged.filter(Boolean).length;
    expect(count(1)).toBeGreaterThanOrEqual(count(2));
    expect(count(2)).toBeGreaterThan(count(50));
  });
  it("flagAnomalies(values, {method}) runs each detector", () => {
    for (const method of ["rolling_z", "robust_z", "weekday_z"] as const) expect(flagAnomalies(values, {method, window: 3}).z.length).toBe(values.length);
  });
  it("flagAnomalies(values) scores but never flags a warm-up day, whose window is not full (2025-03-03's z of −10.98)", () => {
    // Day 2 falls far below a two-day history (sd 0.71): z ≈ −14, but the 7-day window has two days in it.
    const start = [100, 101, 90, 100, 101, 99, 100, 100, 101, 99];
    const scored = flagAnomalies(start);
    expect(scored.z[2]).toBeLessThan(-10);
    expect(scored.warmup).toEqual([true, true, true, true, true, true, true, false, false, false]);
    expect(scored.flagged.some(Boolean)).toBe(false);
    expect(warmUpDays("rolling_z", 7)).toBe(7);
    expect(warmUpDays("weekday_z", 7)).toBe(14);
    expect(flagAnomalies(start, {method: "weekday_z", window: 3}).warmup.filter(Boolean).length).toBe(10);
  });
  it("flagAnomalies(values, bad options) throws", () => {
    expect(() => flagAnomalies(values, {threshold: 0})).toThrow("invalid threshold: 0");
    expect(() => flagAnomalies(values, {method: "nope" as never})).toThrow("invalid method: nope");
  });
});

describe("scoreAnomalies", () => {
  const dates = ["d0", "d1", "d2", "d3", "d4", "d5"];
  const scored = {
    warmup: [true, false, false, false, false, false],
    z: Float64Array.from([-9, 3, -3, 2.5, -2.5, 0]),
    flagged: [false, true, true, true, true, false]
  };
  it("scoreAnomalies(dates, scored, isEvent) explains a rise on a scenario day, not a drop", () => {
    const s = scoreAnomalies(dates, scored, (d) => d === "d1" || d === "d2" || d === "d5");
    expect(s).toEqual({flagged: 4, explained: 1, dropsOnScenarioDays: 1, unexplained: 3, events: 3, caught: 1, precision: 0.25, recall: 1 / 3, flaggedDays: ["d1", "d2", "d3", "d4"], explainedDays: ["d1"]});
  });
  it("scoreAnomalies(dates, scored, isEvent) leaves warm-up days out of flags and events", () => {
    const s = scoreAnomalies(dates, scored, (d) => d === "d0");
    expect(s.events).toBe(0);
    expect(Number.isNaN(s.recall)).toBe(true);
    expect(() => scoreAnomalies(["a"], scored, () => true)).toThrow("length mismatch");
  });
  it("scoreAnomalies([], ...) gives NaN rates", () => {
    const s = scoreAnomalies([], {warmup: [], z: new Float64Array(), flagged: []}, () => true);
    expect(s.flagged).toBe(0);
    expect(Number.isNaN(s.precision)).toBe(true);
  });
});
