import {describe, expect, it} from "vitest";
import {CATEGORIES} from "../../../src/core/constants.js";
import {ALL_CATEGORIES, blockingAt, blockingCurve, calibration, calibrationGapText, categoryLabel, classifierData, classifierScope, driftAlerts, driftSeries, precisionFigure, scoreBoxes} from "../../../src/ops/classifierView.js";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const flag = (date: string, category: string, severity: string, route: string, score: number, violation: boolean) => ({date: day(date), category, severity, route, ml_score: score, is_violation: violation});
/** One day's violations of a category: n flags, their scores summed. */
const outcome = (date: string, category: string, n: number, scoreSum: number, violation = true, source = "ai") => ({date: day(date), category, source, severity: "high", route: "human_review", is_violation: violation, n, score_sum: scoreSum});

function data() {
  return classifierData(
    {
      flag_scores: [
        flag("2025-03-01", "spam", "low", "auto_block", 0.95, true),
        flag("2025-03-01", "spam", "high", "auto_block", 0.93, false),
        flag("2025-03-02", "spam", "high", "human_review", 0.62, true),
        flag("2025-03-02", "nudity", "medium", "human_review", 0.15, false),
        flag("2025-03-03", "nudity", "critical", "auto_dismiss", 0.05, false)
      ],
      score_outcomes: [
        outcome("2025-03-01", "spam", 2, 1.8),
        outcome("2025-03-02", "spam", 1, 0.6),
        outcome("2025-03-02", "nudity", 1, 0.9),
        outcome("2025-03-03", "spam", 4, 2.8),
        outcome("2025-03-03", "spam", 3, 0.6, false)
      ]
    },
    {flagsSimulated: 5}
  );
}
const picked = (from: string, to: string) => ({from, to, previous: null});

describe("classifierView", () => {
  it("classifierData(files, catalog) reads the policy's threshold as the lowest auto-blocked score; every flag is in a small sample", () => {
    const d = data();
    expect(d.policyThreshold).toBe(0.93);
    expect(d.scoreRate).toBe(1);
    expect(d.flags.map((f) => f.date)).toEqual(["2025-03-01", "2025-03-01", "2025-03-02", "2025-03-02", "2025-03-03"]);
  });

  it("classifierScope(data, picked, category) keeps the range's flags of the category and says so", () => {
    const all = classifierScope(data(), picked("2025-03-02", "2025-03-01"), ALL_CATEGORIES);
    expect([all.range, all.rows.length, all.scopeText]).toEqual([{from: "2025-03-01", to: "2025-03-02"}, 4, "all regions, all categories"]);
    const spam = classifierScope(data(), picked("2025-03-01", "2025-03-03"), "spam");
    expect([spam.rows.length, spam.scopeText, spam.dates.length]).toEqual([3, "all regions, Spam", 3]);
    expect([categoryLabel("spam"), categoryLabel(ALL_CATEGORIES)]).toEqual(["Spam", ALL_CATEGORIES]);
  });

  it("precisionFigure(data, category, window) is the dictionary's detection precision, placed in the category under a filter", () => {
    const window = {from: "2025-03-01", to: "2025-03-03"};
    // AI-raised flags: 11 of them, 8 true violations.
    expect(precisionFigure(data(), ALL_CATEGORIES, window)).toMatchObject({value: 8 / 11, n: 11});
    const spam = precisionFigure(data(), "spam", window);
    expect(spam).toMatchObject({value: 7 / 10, n: 10, place: "all; categories: spam"});
  });

  it("driftSeries(data, scope) starts 6 days early inside the calendar; driftAlerts(series, threshold) flags the days under it", () => {
    const series = driftSeries(data(), {range: {from: "2025-03-02", to: "2025-03-03"}, category: "spam"});
    // 1 March is the calendar's first day, so the series starts there: means 0.9, 0.6, 0.7 over 2, 1 and 4 violations.
    expect(series.means.map((d) => [d.date, d.mean, d.n])).toEqual([["2025-03-01", 0.9, 2], ["2025-03-02", 0.6, 1], ["2025-03-03", 0.7, 4]]);
    const drift = driftAlerts(series, 0.95);
    expect(drift.days.map((d) => d.date)).toEqual(["2025-03-02", "2025-03-03"]);
    expect(drift.violations).toBe(5);
    // Seven days are needed for a rolling mean: none yet, so no alert and no lowest mean.
    expect(drift.alertDays).toEqual([]);
    expect(drift.lowest).toBe(Infinity);
    expect(drift.lastWeek).toBeNaN();
  });

  it("scoreBoxes(rows) lists every category and severity in order", () => {
    const {byCategory, bySeverity} = scoreBoxes(classifierScope(data(), picked("2025-03-01", "2025-03-03"), ALL_CATEGORIES).rows);
    expect(byCategory.map((d) => d.key)).toEqual([...CATEGORIES]);
    expect(byCategory.filter((d) => d.n > 0).map((d) => [d.key, d.n])).toEqual([["spam", 3], ["nudity", 2]]);
    expect(bySeverity.map((d) => [d.key, d.n])).toEqual([["critical", 1], ["high", 2], ["medium", 1], ["low", 1]]);
  });

  it("calibration(rows) finds the bin furthest from the diagonal and calibrationGapText says whether noise explains it", () => {
    const cal = calibration(classifierScope(data(), picked("2025-03-01", "2025-03-03"), ALL_CATEGORIES).rows);
    // The 0.9-1.0 bin holds 0.95 (violation) and 0.93 (benign): mean 0.94 against 50%, the largest gap.
    expect([cal.worstBin.lo, cal.worstBin.n, cal.worstBin.observed]).toEqual([0.9, 2, 0.5]);
    expect(cal.worstBin.predicted).toBeCloseTo(0.94, 12);
    // 1 of 2 has a 95% Wilson interval of about 9.5% to 90.5%: the mean score is over it.
    expect([cal.worstRate.successes, cal.worstRate.n, cal.scoreInside]).toEqual([1, 2, false]);
    expect(cal.worstRate.upper).toBeCloseTo(0.9055, 3);
    expect(calibrationGapText(cal)).toMatch(/^The largest gap is in the 0\.9–1\.0 bin: a mean score of 0\.940 against 50\.0% \(1 of 2; .*\) true violations\. The score is over the interval of the observed rate: there it overstates the risk\.$/);
    expect(calibrationGapText({...cal, scoreInside: true})).toMatch(/The mean score lies inside the interval of the observed rate: this gap is within sampling noise\.$/);
    expect(calibrationGapText({...cal, worstBin: {...cal.worstBin, observed: 1}})).toMatch(/there it understates the risk\.$/);
  });

  it("blockingAt(cal, threshold) and blockingCurve(cal, policy) score auto-blocking against the truth", () => {
    const cal = calibration(classifierScope(data(), picked("2025-03-01", "2025-03-03"), ALL_CATEGORIES).rows);
    const at = blockingAt(cal, 0.6);
    // Blocked: 0.95 (violation), 0.93 (benign), 0.62 (violation): 2 of 3 right, both violations caught.
    expect([at.metrics.selected, at.metrics.truePositives, at.metrics.falsePositives]).toEqual([3, 2, 1]);
    expect([at.rates.precision.successes, at.rates.precision.n, at.rates.recall.successes, at.rates.recall.n]).toEqual([2, 3, 2, 2]);
    const {curve, policy} = blockingCurve(cal, 0.93);
    expect(policy.metrics.selected).toBe(2);
    expect(curve.length).toBeGreaterThan(0);
  });
});
