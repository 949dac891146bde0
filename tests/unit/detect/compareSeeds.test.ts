import {describe, expect, it} from "vitest";
import {compareDetectors, detectBoth} from "../../../src/detect/compareSeeds.js";
import type {DailySignals} from "../../../src/detect/dailySignals.js";
import {layerBaselines} from "../../../src/detect/layered.js";

/** A world of 20 quiet days with one low-volume coordinated day (index 15) and one organic surge (index 18). */
function world(): {signals: DailySignals; truth: boolean[]} {
  const n = 20;
  const signals: DailySignals = {
    dates: Array.from({length: n}, (_, i) => `d${i}`),
    volume: Array.from({length: n}, (_, i) => (i === 18 ? 900 : i === 15 ? 440 : 400 + (i % 3) * 20)),
    young: Array.from({length: n}, (_, i) => (i === 15 ? 150 : 10)),
    duplicate: Array.from({length: n}, (_, i) => (i === 15 ? 140 : 30)),
    shared: Array.from({length: n}, (_, i) => (i === 15 ? 130 : 0)),
    target: Array.from({length: n}, () => 1)
  };
  return {signals, truth: Array.from({length: n}, (_, i) => i === 15)};
}

describe("compareDetectors", () => {
  it("detectBoth(signals) runs the volume rule and the layered detector with the same inputs", () => {
    const {signals} = world();
    const both = detectBoth(signals);
    expect(both.baseline[18]).toBe(true);
    expect(both.baseline[15]).toBe(false);
    expect(both.layered[15]).toBe(true);
    expect(both.layered[18]).toBe(false);
  });
  it("compareDetectors(series) scores each world and summarises median and worst", () => {
    const a = world();
    const c = compareDetectors([{seed: 1, ...a}, {seed: 2, ...a}], {from: 10});
    expect(c.scores).toHaveLength(4);
    const [baseline, layered] = c.summary;
    expect(baseline).toMatchObject({detector: "baseline", worlds: 2, median: {precision: 0, recall: 0, f1: 0}});
    expect(layered).toMatchObject({detector: "layered", median: {precision: 1, recall: 1, f1: 1}, worst: {f1: 1}});
    expect(c.options).toEqual({window: 7, k: 1.5, signalK: 3, minSignals: 2});
  });
  it("compareDetectors([]) has NaN summaries", () => {
    expect(compareDetectors([]).summary[0].median.f1).toBeNaN();
  });
  it("compareDetectors(series, {baselines}) scores as it does without them, and refuses another window's", () => {
    const a = world();
    const series = [{seed: 1, ...a}, {seed: 2, ...a}];
    const baselines = series.map((s) => layerBaselines(s.signals, 5));
    expect(compareDetectors(series, {window: 5, signalK: 2, from: 8, baselines})).toEqual(compareDetectors(series, {window: 5, signalK: 2, from: 8}));
    expect(() => compareDetectors(series, {window: 7, baselines})).toThrow("baselines for window 5, not 7");
    expect(() => compareDetectors(series, {window: 5, baselines: baselines.slice(1)})).toThrow("baselines for 1 worlds, not 2");
  });
});
