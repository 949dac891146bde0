import {describe, expect, it} from "vitest";
import {analyseIncident} from "../../../src/incident/analyseIncident.js";
import {fixture, H, options, spec} from "./incidentFixture.js";

describe("analyseIncident", () => {
  const push = Date.parse(spec.start);
  const a = analyseIncident(fixture(), spec, options);

  it("analyseIncident(tables, spec) counts the wrongful blocks of the push's category, their accounts, appeals and overturns", () => {
    expect(a.impact).toMatchObject({wrongfulBlocks: 3, expectedWrongfulBlocks: 0, excessWrongfulBlocks: 3, accounts: 3, countries: 2, actions: {removal: 3}, appealed: 2, overturned: 1, standing: 2, autoBlocksDuring: 4});
    expect(a.impact.appealRate).toBeCloseTo(2 / 3, 12);
    expect(a.impact.overturnRate).toBe(0.5);
    // 56 of 56 correct in the 28 days before (2 a day), 1 of 4 during.
    expect(a.impact.precisionComparison.b).toMatchObject({successes: 56, n: 56});
    expect(a.impact.precisionComparison.a).toMatchObject({successes: 1, n: 4});
  });

  it("analyseIncident reads the threshold off the data and measures the benign scores' shift across it", () => {
    // The lowest score blocked automatically, any category.
    expect(a.rootCause.threshold).toBe(0.95);
    expect(a.rootCause.benignScoreBaseline).toBeCloseTo(0.3, 12);
    expect(a.rootCause.benignScoreDuring).toBeCloseTo((0.96 + 0.97 + 0.99) / 3, 12);
    expect(a.rootCause.benignOverThresholdBaseline).toBe(0);
    expect(a.rootCause.benignOverThresholdDuring).toBe(1);
    // 28 benign AI flags in 28 × 24 h before; 3 in the 12 h of the push.
    expect(a.rootCause.aiBenignFlagsPerHourBaseline).toBeCloseTo(1 / 24, 12);
    expect(a.rootCause.aiBenignFlagsPerHourDuring).toBe(0.25);
    // Benign scores per 0.05 bin: 0.3 before (bin 6), 0.96–0.99 during (bin 19).
    expect(a.scoreBins[6].baseline).toBeCloseTo(1, 12);
    expect(a.scoreBins[19].during).toBeCloseTo(1, 12);
  });

  it("analyseIncident dates the harm, the peak bin, the appeals and the daily detector's alert", () => {
    expect(a.moments).toMatchObject({push, rollback: push + 12 * H, firstHarm: push + 2 * H, lastHarm: push + 5 * H, firstAppeal: push + 32 * H, lastAppeal: push + 33 * H, binMs: 3 * H});
    // 3-hour bins from 2025-03-27T00:00: 11:00 falls in 09–12 (one), 12:00 and 14:00 in 12–15 (two).
    expect(a.moments.peak).toMatchObject({start: Date.parse("2025-03-30T12:00:00Z"), wrongful: 2});
    // Four nudity auto-blocks against a flat two a day: the detector fires on the 30th, seen at midnight.
    expect(a.moments.alertDay?.date).toBe("2025-03-30");
    expect(a.moments.detectedAt).toBe(Date.parse("2025-03-31T00:00:00Z"));
    expect(a.durations).toEqual({toFirstHarmHours: 2, toDetectHours: 15, toMitigateHours: 12, detectToMitigateHours: -3, harmWindowHours: 3});
  });

  it("analyseIncident gives each metric to watch its baseline, alert level and value during the incident", () => {
    expect(a.watch.autoBlocks).toEqual({baseline: 2, alertAt: 2, direction: "above", during: 4, unit: "per day"});
    // The spam block counts among wrongful blocks of every category.
    expect(a.watch.allWrongfulBlocks).toEqual({baseline: 0, alertAt: 0, direction: "above", during: 4, unit: "per day"});
    expect(a.watch.precision).toEqual({baseline: 1, alertAt: 1, direction: "below", during: 0.25, unit: "share"});
    expect(a.days.find((d) => d.date === "2025-03-30")).toMatchObject({flags: 4, autoBlocks: 4, wrongfulBlocks: 3, allWrongfulBlocks: 4, alert: true});
  });

  it("analyseIncident rejects a window that ends before it starts", () => {
    expect(() => analyseIncident(fixture(), {...spec, end: spec.start})).toThrow("invalid incident window: 2025-03-30T09:00:00Z to 2025-03-30T09:00:00Z");
  });
});
