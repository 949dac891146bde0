import {SCENARIO_EVENTS} from "../../../src/core/scenarios.js";
import {describe, expect, it} from "vitest";
import {attackEvents, attackOutcome, attackRange, attackTable, dateSpan, detectionTable, layeredScore, layerReasons, medianF1Text, overlapText, rangeSignalDays, seedF1Text, seedSummaryRows, volumeScore, withSpikes, type AttackWorld} from "../../../src/detect/attackView.js";
import type {Comparison} from "../../../src/detect/compareSeeds.js";
import {rate} from "../../../src/detect/detectionRates.js";
import type {LayerBaselines, LayeredResult} from "../../../src/detect/layered.js";

/**
 * Five days: A1 runs on days 2 and 3; the volume rule (mean + 2 SD) fires on day 2 (40 > 10) and on
 * day 4 (31 > 30), where no attack runs. Scored over days 1 to 4: TN, TP, FN, FP.
 */
const world: AttackWorld = {
  dates: ["2025-07-01", "2025-07-02", "2025-07-03", "2025-07-04", "2025-07-05"],
  signals: {dates: [], volume: [10, 10, 40, 12, 31], young: [1, 1, 9, 8, 1], duplicate: [2, 2, 2, 7, 2], shared: [0, 0, 0, 0, 0], target: [3, 3, 3, 3, 3]},
  attacks: [[], [], ["A1"], ["A1"], []]
};
const span = {from: 1, to: 4};
const f64 = (xs: number[]) => Float64Array.from(xs);
const baselines = {window: 2, volume: world.signals.volume, rolling: {mean: f64([NaN, 10, 10, 20, 20]), sd: f64([NaN, 0, 0, 5, 5]), z: f64([NaN, 0, 0, 0, 0])}, robust: {}} as unknown as LayerBaselines;
const F = false;
const T = true;
/** Young accounts spike on days 2 and 3, near-duplicates on day 3; volume on 2 and 4, unconfirmed on 4. */
const layered: LayeredResult = {
  volume: [F, F, T, F, T],
  signals: {young: [F, F, T, T, F], duplicate: [F, F, F, T, F], shared: [F, F, F, F, F], target: [F, F, F, F, F]},
  support: [0, 0, 1, 2, 0],
  flagged: [F, F, T, T, F]
};

describe("attackRange", () => {
  it("attackRange(world, picked) indexes the range and counts the attack days and attacks in it", () => {
    expect(attackRange(world, {from: "2025-07-04", to: "2025-07-05"})).toEqual({range: {from: "2025-07-04", to: "2025-07-05"}, from: 3, to: 4, attackDays: 2, attackDaysInRange: 1, eventsInRange: 1});
    expect(attackRange(world, {from: new Date("2025-07-01"), to: "2025-07-02"})).toMatchObject({from: 0, to: 1, attackDaysInRange: 0, eventsInRange: 0});
  });
});

describe("volumeScore", () => {
  it("volumeScore(world, baselines, 2, range) flags days above mean + 2 SD and labels the range's days", () => {
    const s = volumeScore(world, baselines, 2, span);
    expect(s.flagged).toEqual([F, F, T, F, T]);
    expect(s.upper.slice(1)).toEqual([10, 10, 30, 30]);
    expect(s.evaluation).toMatchObject({tp: 1, fp: 1, fn: 1, tn: 1, labels: ["TN", "TP", "FN", "FP"]});
    expect(s.rates.recall).toMatchObject({successes: 1, n: 2});
    expect(s.rates.precision).toMatchObject({successes: 1, n: 2});
    expect(s.days[0]).toEqual({date: "2025-07-02", volume: 10, upper: 10, label: "TN", attacks: [], reason: ""});
    expect(s.days.map((d) => d.reason)).toEqual(["", "", "", ""]);
  });
  it("volumeScore never flags a day without a baseline (the window's first days)", () => {
    expect(volumeScore(world, baselines, 0, {from: 0, to: 0}).days).toEqual([{date: "2025-07-01", volume: 10, upper: NaN, label: "TN", attacks: [], reason: ""}]);
  });
});

describe("layeredScore and layerReasons", () => {
  it("layerReasons(layered) names each day's layers that fired, volume first", () => {
    expect(layerReasons(layered)).toEqual(["", "", "volume, flags on young accounts", "flags on young accounts, largest near-duplicate cluster", "volume"]);
  });
  it("layeredScore gives a reason only on flagged days and keeps the volume rule's alarm line", () => {
    const s = layeredScore(world, layered, volumeScore(world, baselines, 2, span), span);
    expect(s.evaluation).toMatchObject({tp: 2, fp: 0, fn: 0, tn: 2});
    expect(s.days.map((d) => [d.label, d.reason, d.upper])).toEqual([
      ["TN", "", 10],
      ["TP", "volume, flags on young accounts", 10],
      ["TP", "flags on young accounts, largest near-duplicate cluster", 30],
      ["TN", "", 30]
    ]);
  });
});

describe("overlapText", () => {
  it("overlapText says the range cannot tell the detectors apart when both intervals overlap", () => {
    const r = {recall: rate(2, 3), precision: rate(2, 3)};
    expect(overlapText(r, r)).toMatch(/^On this range the two detectors' recall and precision intervals overlap/);
  });
  it("overlapText says they differ when one pair of intervals does not overlap", () => {
    const low = {recall: rate(0, 100), precision: rate(50, 100)};
    const high = {recall: rate(100, 100), precision: rate(50, 100)};
    expect(overlapText(high, low)).toBe("On this range recall or precision differs between the two detectors beyond their 95% intervals.");
  });
});

describe("attack table", () => {
  const records = [
    {attack_id: "A1", pattern: "spam_bot_wave", category: "harassment_hate", accounts: 70, start_date: new Date("2025-07-03T00:00:00Z"), end_date: new Date("2025-07-04T00:00:00Z"), days: 2, flags: 1497},
    {attack_id: "A9", pattern: "hate_raid", category: "spam", accounts: 5, start_date: "2025-09-01", end_date: "2025-09-01", days: 1, flags: 10}
  ];
  it("dateSpan(start, end) is one day when both are the same UTC day, else 'start to end'", () => {
    expect(dateSpan("2025-07-03", new Date("2025-07-03T00:00:00Z"))).toBe("2025-07-03");
    expect(dateSpan(new Date("2025-07-03T00:00:00Z"), "2025-07-04")).toBe("2025-07-03 to 2025-07-04");
  });
  it("attackOutcome(days, flagged) counts the days found: detected, partly detected or missed", () => {
    const flagged = [F, F, T, F, F];
    expect(attackOutcome([2], flagged)).toBe("1 of 1 day: detected");
    expect(attackOutcome([2, 3], flagged)).toBe("1 of 2 days: partly detected");
    expect(attackOutcome([3, 4], flagged)).toBe("0 of 2 days: missed");
    expect(attackOutcome([], flagged)).toBe("0 of 0 days: missed");
  });
  it("attackTable(attacks, daily) words patterns and categories and finds each attack's days", () => {
    const table = attackTable(records, world.attacks);
    expect(table.rows[0]).toEqual({attack_id: "A1", pattern: "spam bot wave", category: "harassment hate", accounts: 70, dates: "2025-07-03 to 2025-07-04", days: 2, flags: 1497});
    expect(table.rows[1].dates).toBe("2025-09-01");
    expect(table.days).toEqual(new Map([["A1", [2, 3]], ["A9", []]]));
  });
  it("attackEvents(table, baseline, layered) adds each detector's outcome to the fixed columns", () => {
    const events = attackEvents(attackTable(records, world.attacks), [F, F, T, F, T], layered.flagged);
    expect(events.map((e) => [e.attack_id, e.baseline, e.layered])).toEqual([
      ["A1", "1 of 2 days: partly detected", "2 of 2 days: detected"],
      ["A9", "0 of 0 days: missed", "0 of 0 days: missed"]
    ]);
  });
});

describe("detectionTable", () => {
  it("detectionTable(volume, layered) keeps the days either detector flagged or missed, with the day's scenarios", () => {
    const volume = volumeScore(world, baselines, 2, span);
    const rows = detectionTable(volume, layeredScore(world, layered, volume, span), SCENARIO_EVENTS);
    expect(rows).toEqual([
      {date: "2025-07-03", flags: 40, attack: "A1", baseline: "TP", layered: "TP", fired: "volume, flags on young accounts", context: "misinformation event; benign B6"},
      {date: "2025-07-04", flags: 12, attack: "A1", baseline: "FN", layered: "TP", fired: "flags on young accounts, largest near-duplicate cluster", context: "misinformation event"},
      {date: "2025-07-05", flags: 31, attack: "", baseline: "FP", layered: "TN", fired: "", context: "misinformation event"}
    ]);
  });
});

describe("rangeSignalDays and withSpikes", () => {
  it("rangeSignalDays(world, range) gives each secondary signal's days with the truth, withSpikes adds its spikes", () => {
    const days = rangeSignalDays(world, {from: 2, to: 3});
    expect(Object.keys(days)).toEqual(["young", "duplicate", "shared", "target"]);
    expect(days.young).toEqual([{date: "2025-07-03", value: 9, attack: true}, {date: "2025-07-04", value: 8, attack: true}]);
    const spiked = withSpikes(days, layered, 2);
    expect(spiked.duplicate.map((d) => d.spike)).toEqual([false, true]);
    expect(spiked.young[0]).toEqual({date: "2025-07-03", value: 9, attack: true, spike: true});
  });
});

describe("the comparison over worlds", () => {
  const stats = (f1: number) => ({precision: NaN, recall: NaN, f1});
  const comparison = {
    options: {window: 7, k: 1.5, signalK: 3, minSignals: 2},
    scores: [
      {seed: 1, detector: "baseline", precision: NaN, recall: NaN, f1: 0, tp: 2, fp: 1, fn: 1},
      {seed: 2, detector: "baseline", precision: NaN, recall: NaN, f1: 0, tp: 1, fp: 0, fn: 2},
      {seed: 1, detector: "layered", precision: NaN, recall: NaN, f1: 0, tp: 3, fp: 0, fn: 0},
      {seed: 2, detector: "layered", precision: NaN, recall: NaN, f1: 0, tp: 3, fp: 0, fn: 0}
    ],
    summary: [
      {detector: "baseline", worlds: 2, median: stats(0.5), worst: stats(0.4), best: stats(0.6), f1Quartiles: [0.45, 0.55]},
      {detector: "layered", worlds: 2, median: stats(0.75), worst: stats(0.7), best: stats(1), f1Quartiles: [0.7, 0.9]}
    ]
  } as Comparison;
  it("seedSummaryRows(comparison) pools recall and precision over the worlds and gives F1's median, middle half and range", () => {
    // Baseline: 3 of 6 attack days found, 3 of 4 flagged days right; Wilson 95% for 3 of 6 is 18.8–81.2%.
    expect(seedSummaryRows(comparison)[0]).toEqual({detector: "Baseline: volume (ops dashboard)", recall: "50.0% (3 of 6; 95% CI 18.8–81.2%; fewer than 30 cases)", precision: expect.stringMatching(/^75\.0% \(3 of 4; /), f1: "0.50", iqr: "0.45–0.55", range: "0.40–0.60"});
    expect(seedSummaryRows(comparison)[1]).toMatchObject({detector: "Layered: volume + secondary signals", recall: expect.stringMatching(/^100\.0% \(6 of 6; /), f1: "0.75", iqr: "0.70–0.90", range: "0.70–1.00"});
  });
  it("medianF1Text(comparison) gives both medians and the layered detector's gain, signed", () => {
    expect(medianF1Text(comparison)).toBe("Median F1: 0.50 for the volume detector, 0.75 layered (+0.25)");
    const worse = {...comparison, summary: [comparison.summary[1], comparison.summary[0]].map((s, i) => ({...s, detector: i === 0 ? "baseline" : "layered"}))} as Comparison;
    expect(medianF1Text(worse)).toBe("Median F1: 0.75 for the volume detector, 0.50 layered (−0.25)");
  });
  it("seedF1Text(summary) gives each detector's median F1, middle half and range", () => {
    expect(seedF1Text(comparison.summary.slice(0, 1))).toBe("Baseline: volume (ops dashboard) median F1 0.50 (middle half of worlds 0.45–0.55, range 0.40–0.60)");
    expect(seedF1Text(comparison.summary).split("; ")).toHaveLength(2);
  });
});
