import {describe, expect, it} from "vitest";
import {flagAnomalies} from "../../../src/detect/anomalies.js";

const values = [10, 11, 9, 10, 11, 9, 10, 30, 10, 0];

describe("flagAnomalies", () => {
  it("flagAnomalies(values) defaults to seed 000's rolling z, window 7, |z| > 2", () => {
    const {flagged} = flagAnomalies(values);
    // Day 2 stands out against a two-day history (sd 0.71); day 9's drop hides behind the spike of day 7 in its window.
    expect(flagged.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual([2, 7]);
  });
  it("flagAnomalies(values, {direction}) keeps only spikes or drops", () => {
    expect(flagAnomalies(values, {direction: "up"}).flagged.filter(Boolean).length).toBe(1);
    expect(flagAnomalies(values, {direction: "down"}).flagged.map((f, i) => (f ? i : -1)).filter((i) => i >= 0)).toEqual([2]);
  });
  it("flagAnomalies(values, {threshold}) flags fewer days as the threshold rises", () => {
    const count = (t: number) => flagAnomalies(values, {threshold: t}).flagged.filter(Boolean).length;
    expect(count(1)).toBeGreaterThanOrEqual(count(2));
    expect(count(2)).toBeGreaterThan(count(20));
  });
  it("flagAnomalies(values, {method}) runs each detector", () => {
    for (const method of ["rolling_z", "robust_z", "weekday_z"] as const) expect(flagAnomalies(values, {method, window: 3}).z.length).toBe(values.length);
  });
  it("flagAnomalies(values, bad options) throws", () => {
    expect(() => flagAnomalies(values, {threshold: 0})).toThrow("invalid threshold: 0");
    expect(() => flagAnomalies(values, {method: "nope" as never})).toThrow("invalid method: nope");
  });
});
