import {describe, expect, it} from "vitest";
import {INCIDENT_DEFAULTS, type IncidentAnalysis} from "../../../src/incident/incidentTypes.js";
import {narrateIncident} from "../../../src/incident/narrateIncident.js";
import {compareShares, countedShare} from "../../../src/stats/compareShares.js";

const H = 3_600_000;
const push = Date.parse("2025-06-10T08:00:00Z");
const watch = (baseline: number, during: number, unit: "per day" | "share" = "per day") => ({baseline, alertAt: baseline + 1, direction: "above" as const, during, unit});

/** A hand-made analysis: 40 wrongful blocks in a 10-hour push, a daily alert 16 h after it. */
function analysis(overrides: Partial<IncidentAnalysis> = {}): IncidentAnalysis {
  const alertDay = {date: "2025-06-10", flags: 90, autoBlocks: 60, wrongfulBlocks: 40, allWrongfulBlocks: 41, alert: true};
  return {
    spec: {id: "INC-X", title: "Spam model v2", category: "child_safety", start: "2025-06-10T08:00:00Z", end: "2025-06-10T18:00:00Z"},
    options: {...INCIDENT_DEFAULTS, baselineDays: 14},
    durations: {toFirstHarmHours: 1, toDetectHours: 16, toMitigateHours: 10, detectToMitigateHours: -6, harmWindowHours: 8},
    impact: {
      wrongfulBlocks: 40, expectedWrongfulBlocks: 2.5, excessWrongfulBlocks: 37.5, accounts: 35, countries: 4, actions: {removal: 40},
      appealed: 10, overturned: 6, standing: 34, appealRate: 0.25, overturnRate: 0.6, precisionBaseline: 0.9, precisionDuring: 0.5, autoBlocksDuring: 80,
      precisionComparison: compareShares(countedShare(40, 80), countedShare(900, 1000)),
      overThresholdComparison: compareShares(countedShare(30, 100), countedShare(2, 200))
    },
    rootCause: {threshold: 0.9, benignScoreBaseline: 0.2, benignScoreDuring: 0.7, benignOverThresholdBaseline: 0.01, benignOverThresholdDuring: 0.3, aiBenignFlagsPerHourBaseline: 1, aiBenignFlagsPerHourDuring: 5},
    bins: [],
    scoreBins: [],
    days: [alertDay],
    moments: {push, rollback: push + 10 * H, firstHarm: push + H, lastHarm: push + 9 * H, firstAppeal: push + 20 * H, lastAppeal: push + 30 * H, peak: {start: push + 3 * H, wrongful: 12, correct: 4, appeals: 0}, binMs: 3 * H, alertDay, detectedAt: push + 16 * H},
    watch: {autoBlocks: watch(20, 60), allWrongfulBlocks: watch(3, 41), precision: {baseline: 0.9, alertAt: 0.8, direction: "below", during: 0.5, unit: "share"}},
    ...overrides
  };
}

describe("narrateIncident", () => {
  it("narrateIncident(analysis) writes the timeline in time order, with the peak bin's clock times", () => {
    const {timeline} = narrateIncident(analysis());
    expect(timeline.map((e) => [e.ts - push, e.event])).toEqual([
      [0, "Classifier push: Spam model v2"],
      [H, "First benign item blocked automatically"],
      [4.5 * H, "Peak: 12 wrongful blocks between 11:00 and 14:00 UTC"],
      [9 * H, "Last wrongful block"],
      [10 * H, "Rollback"],
      [16 * H, "Daily detector fires on 2025-06-10's child_safety auto-blocks (60, over 3 sd above the 28-day mean)"],
      [20 * H, "First appeal against a wrongful block"],
      [30 * H, "Last appeal against a wrongful block"]
    ]);
  });

  it("narrateIncident names the metrics to watch after the category and keeps their figures", () => {
    const {watch: rows} = narrateIncident(analysis());
    expect(rows.map((w) => w.metric)).toEqual(["Child safety auto-blocks per day", "Wrongful auto-blocks per day (QA sample)", "Child safety auto-block precision"]);
    expect(rows[0].definition).toBe("Items of child safety the classifier blocked without review (observable, no ground truth needed)");
    expect(rows[2]).toMatchObject({baseline: 0.9, alertAt: 0.8, direction: "below", during: 0.5, unit: "share"});
  });

  it("narrateIncident quotes the analysis' figures in the findings and dates actions from the rollback day", () => {
    const {findings, actions} = narrateIncident(analysis());
    expect(findings[0]).toBe("40 benign child_safety items were blocked automatically between the push and the rollback (10.0 h), against 2.5 expected at the baseline rate: 38 excess wrongful blocks on 35 accounts in 4 countries.");
    expect(findings[1]).toBe("10 of them were appealed (25%) and 6 overturned; 34 wrongful blocks still stand.");
    expect(findings[4]).toBe("A daily detector on child_safety auto-blocks would have fired 16.0 h after the push; the rollback came 10.0 h after the push.");
    expect(actions.map((a) => [a.owner, a.due])).toEqual([
      ["ML platform", "2025-06-24"],
      ["Detection ML", "2025-06-24"],
      ["T&S analytics", "2025-06-17"],
      ["T&S operations", "2025-06-13"],
      ["T&S policy with Detection ML", "2025-07-10"]
    ]);
    expect(actions[1].verifiedBy).toBe("Benign share over threshold: 1.0% before the push");
    expect(actions[3].action).toBe("Reverse the 34 wrongful blocks still standing and notify the 35 affected accounts");
  });

  it("narrateIncident drops the actions that rest on differences within noise, and says when the detector would not fire", () => {
    const a = analysis();
    const quiet = analysis({
      impact: {...a.impact, precisionComparison: compareShares(countedShare(3, 4), countedShare(9, 10)), overThresholdComparison: compareShares(countedShare(1, 10), countedShare(1, 12))},
      moments: {...a.moments, alertDay: undefined, detectedAt: NaN}
    });
    const text = narrateIncident(quiet);
    expect(text.actions.map((x) => x.owner)).toEqual(["ML platform", "T&S analytics", "T&S operations"]);
    expect(text.findings[4]).toBe("A daily detector on child_safety auto-blocks (window 28 days, 3 sd) would not have fired: the incident stays inside normal variation of the observable signal.");
    expect(text.timeline.some((e) => e.source === "detector")).toBe(false);
  });
});
