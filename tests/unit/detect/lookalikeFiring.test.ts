import {describe, expect, it} from "vitest";
import {layerBaselines} from "../../../src/detect/layered.js";
import {lookalikeDays, lookalikeFiring, summarizeFiring} from "../../../src/detect/lookalikeFiring.js";

const flat = (n: number, v: number) => Array.from({length: n}, (_, i) => v + (i % 2));

describe("lookalikeFiring", () => {
  it("lookalikeDays(events, dates) lists the events on each date, inclusive", () => {
    const dates = ["2025-06-01", "2025-06-02", "2025-06-03"];
    expect(lookalikeDays([{event_id: "B1", start_date: "2025-06-02", end_date: "2025-06-03"}, {event_id: "B2", start_date: new Date("2025-06-03T00:00:00Z"), end_date: "2025-06-03"}], dates)).toEqual([[], ["B1"], ["B1", "B2"]]);
  });
  it("lookalikeFiring(baselines, lookalike) counts the look-alike days each signal alone fires on", () => {
    const n = 20;
    const signals = {dates: Array.from({length: n}, (_, i) => `d${i}`), volume: flat(n, 100), young: flat(n, 10), duplicate: flat(n, 10), shared: flat(n, 0), target: flat(n, 1)};
    // Day 12: a benign near-duplicate burst (duplicate only); day 15: a pile-on (target only); day 17: a quiet look-alike.
    signals.duplicate[12] = 60;
    signals.target[15] = 40;
    const lookalike = signals.volume.map((_, i) => i === 12 || i === 15 || i === 17);
    const firing = Object.fromEntries(lookalikeFiring(layerBaselines(signals, 7), lookalike).map((r) => [r.signal, r]));
    expect(firing.duplicate).toEqual({signal: "duplicate", days: 3, fired: 1, share: 1 / 3});
    expect(firing.target.fired).toBe(1);
    expect(firing.volume.fired).toBe(0);
    expect(firing.young.fired).toBe(0);
    // One secondary signal without volume does not make the layered detector flag a day (minSignals 2).
    expect(firing.layered.fired).toBe(0);
    expect(lookalikeFiring(layerBaselines(signals, 7), lookalike, {from: 13}).find((r) => r.signal === "duplicate")).toEqual({signal: "duplicate", days: 2, fired: 0, share: 0});
  });
  it("summarizeFiring(worlds) gives each signal's median, least and most days fired and the worlds it fired in", () => {
    const world = (fired: number) => ["volume", "young", "duplicate", "shared", "target", "layered"].map((signal) => ({signal: signal as never, days: 4, fired: signal === "young" ? fired : 0, share: fired / 4}));
    const young = summarizeFiring([world(0), world(2), world(3)]).find((s) => s.signal === "young")!;
    expect(young).toEqual({signal: "young", worldsFired: 2, worlds: 3, median: 2, min: 0, max: 3, days: 4});
  });
});
