import {describe, expect, it} from "vitest";
import {baselinesByWindow, layerBaselines, layeredDetect, layeredFlags} from "../../../src/detect/layered.js";

/** 14 quiet days, then the test days; every signal is flat at its quiet level before. */
function series(extra: {volume: number; young: number; duplicate: number; shared: number; target: number}[]) {
  const quiet = Array.from({length: 14}, (_, i) => ({volume: 400 + (i % 3) * 20, young: 10, duplicate: 30, shared: 0, target: 1}));
  const rows = [...quiet, ...extra];
  const pick = (k: keyof (typeof rows)[number]) => rows.map((r) => r[k]);
  return {dates: rows.map((_, i) => `d${i}`), volume: pick("volume"), young: pick("young"), duplicate: pick("duplicate"), shared: pick("shared"), target: pick("target")};
}

describe("layeredDetect", () => {
  it("layeredDetect flags a volume spike only when a secondary signal confirms it", () => {
    const s = series([
      {volume: 900, young: 10, duplicate: 30, shared: 0, target: 1}, // organic surge: volume only
      {volume: 900, young: 300, duplicate: 30, shared: 0, target: 1} // surge of new accounts
    ]);
    const r = layeredDetect(s);
    expect(r.volume.slice(14)).toEqual([true, true]);
    expect(r.support.slice(14)).toEqual([0, 1]);
    expect(r.flagged.slice(14)).toEqual([false, true]);
  });
  it("layeredDetect flags a low-volume campaign when minSignals signals spike together", () => {
    const s = series([{volume: 430, young: 120, duplicate: 110, shared: 100, target: 1}]);
    const r = layeredDetect(s);
    expect(r.volume[14]).toBe(false);
    expect(r.support[14]).toBe(3);
    expect(r.flagged[14]).toBe(true);
    expect(layeredDetect(s, {minSignals: 4}).flagged[14]).toBe(false);
  });
  it("layeredDetect keeps flagging the later days of a multi-day campaign", () => {
    const day = {volume: 430, young: 120, duplicate: 110, shared: 100, target: 1};
    expect(layeredDetect(series([day, day, day])).flagged.slice(14)).toEqual([true, true, true]);
  });
  it("layeredDetect rejects minSignals outside 1 to 4", () => {
    expect(() => layeredDetect(series([]), {minSignals: 0})).toThrow("invalid minSignals: 0 (expected 1 to 4)");
  });
  it("layeredFlags(layerBaselines(series, window), thresholds) equals layeredDetect(series, options)", () => {
    const day = {volume: 430, young: 120, duplicate: 110, shared: 100, target: 1};
    const s = series([{volume: 900, young: 300, duplicate: 30, shared: 0, target: 1}, day, day]);
    for (const window of [3, 7, 10]) {
      const baselines = layerBaselines(s, window);
      for (const options of [{}, {k: 2.5}, {signalK: 1.5, minSignals: 1}, {signalK: 8, minSignals: 4}]) {
        expect(layeredFlags(baselines, options)).toEqual(layeredDetect(s, {window, ...options}));
      }
    }
  });
  it("baselinesByWindow(series)(window) equals layerBaselines(series, window), computed once per window", () => {
    const s = series([{volume: 900, young: 300, duplicate: 30, shared: 0, target: 1}]);
    const at = baselinesByWindow(s);
    const seven = at(7);
    expect(seven).toEqual(layerBaselines(s, 7));
    expect(at(3)).toEqual(layerBaselines(s, 3));
    expect(at(7)).toBe(seven);
    expect(() => at(2)).toThrow("invalid window: 2");
  });
  it("layeredFlags rejects a non-finite signalK and minSignals outside 1 to 4", () => {
    const baselines = layerBaselines(series([]));
    expect(() => layeredFlags(baselines, {signalK: NaN})).toThrow("invalid threshold: NaN");
    expect(() => layeredFlags(baselines, {minSignals: 5})).toThrow("invalid minSignals: 5 (expected 1 to 4)");
  });
});
