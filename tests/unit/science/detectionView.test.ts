import {describe, expect, it} from "vitest";
import {cohortIntervalText, detectionColumns, detectionSummary, f1Score, flaggedUserDays, heuristicMaxPoints, thinCurve, thresholdView, type ScoredUserDay} from "../../../src/science/detectionView.js";

const d1 = new Date("2025-08-01T00:00:00Z");
const d2 = new Date("2025-08-02T00:00:00Z");
const row = (date: Date, risk: number, heuristic: number, truth_abusive: boolean, weight: number, risk_lo: number, risk_hi: number): ScoredUserDay => ({date, risk, heuristic, truth_abusive, weight, sample_weight: 1, risk_lo, risk_hi});
// Two abusive user-days (a, c) of four; population weights 1, 3, 2, 4 (prevalence 3/10 weighted, 2/4 as sampled).
const scored = [row(d1, 0.9, 0.5, true, 1, 0.8, 0.95), row(d1, 0.6, 0.5, false, 3, 0.4, 0.7), row(d2, 0.3, 1, true, 2, 0.2, 0.55), row(d2, 0.1, 0, false, 4, 0, 0.2)];
const model = {test: {rows: 10, positives: 3}, sample: {sampled: false}, averagePrecision: {model: 0.7, heuristic: 0.4}, averagePrecisionCohort: {model: 0.8, heuristic: 0.5}};

describe("detectionSummary(scored, model)", () => {
  it("detectionSummary weighs each user-day by its population weight and reads the cohort as sampled beside it", () => {
    const s = detectionSummary(scored, model);
    expect(s.populationPrevalence).toBeCloseTo(0.3, 12);
    expect(s.prevalence).toBeCloseTo(0.3, 12);
    expect(s.evalDays).toBe(2);
    expect(s.cohortRows).toBe(4);
    // Model, weighted: recall 1/3 at precision 1, then 1 at precision 3/6: AP = 1/3 + 2/3 · 1/2.
    expect(s.ap["Logistic regression"]).toBeCloseTo(2 / 3, 12);
    // As sampled: recall 1/2 at precision 1, then 1 at precision 2/3.
    expect(s.apCohortCard["Logistic regression"]).toBeCloseTo(5 / 6, 12);
    expect(s.apCard).toBe(s.ap);
    expect(s.approx).toBe("");
    // The model's second point (b) adds no recall and is thinned; the heuristic's tied a and b are one point.
    expect(s.curvePoints.map((p) => [p.detector, p.threshold])).toEqual([["Logistic regression", 0.9], ["Logistic regression", 0.3], ["Logistic regression", 0.1], ["Heuristic", 1], ["Heuristic", 0.5], ["Heuristic", 0]]);
  });
  it("detectionSummary shows the build's average precision, and marks counts as estimates, when the page reads a sample", () => {
    const s = detectionSummary(scored, {...model, sample: {sampled: true}});
    expect(s.apCard).toEqual({"Logistic regression": 0.7, Heuristic: 0.4});
    expect(s.apCohortCard).toEqual({"Logistic regression": 0.8, Heuristic: 0.5});
    expect(s.approx).toBe("≈ ");
  });
});

describe("thresholdView(scored, columns, threshold, shown, cohortRows)", () => {
  const columns = detectionColumns(scored);
  it("thresholdView(…, 0.5, model) counts the model's confusion on the cohort and its rates on the population", () => {
    const t = thresholdView(scored, columns, 0.5, "Logistic regression", 4);
    // Flags a (abusive) and b; misses c.
    expect(t.confusion).toEqual({tp: 1, fp: 1, fn: 1, tn: 1});
    expect([t.m.precision, t.m.recall]).toEqual([0.5, 0.5]);
    expect(t.pop.precision).toBeCloseTo(1 / 4, 12);
    expect(t.pop.recall).toBeCloseTo(1 / 3, 12);
    expect(t.current.map((c) => [c.detector, c.selected])).toEqual([["Logistic regression", 2], ["Heuristic", 3]]);
  });
  it("thresholdView shows the heuristic when asked, and counts the model's bands that straddle the threshold", () => {
    const t = thresholdView(scored, columns, 0.5, "Heuristic", 4);
    expect(t.confusion).toEqual({tp: 2, fp: 1, fn: 0, tn: 1});
    expect(t.population.Heuristic).toEqual({precision: 0.5, recall: 1});
    // b (0.4 to 0.7) and c (0.2 to 0.55) straddle 0.5; c is abusive.
    expect([t.uncertain, t.uncertainAbusive]).toEqual([2, 1]);
  });
});

describe("cohortIntervalText(hits, of, sampled)", () => {
  it("cohortIntervalText gives the count and its Wilson interval, or says a sample's count is an estimate", () => {
    expect(cohortIntervalText(45, 60, false)).toMatch(/^\(45 of 60; 95% CI .+\)$/);
    expect(cohortIntervalText(45, 60, true)).toBe("(estimated from the sample)");
  });
});

describe("f1Score(rates), thinCurve(detector, curve), flaggedUserDays and heuristicMaxPoints", () => {
  it("f1Score is the harmonic mean, NaN without precision and recall", () => {
    expect(f1Score({precision: 0.5, recall: 1})).toBeCloseTo(2 / 3, 12);
    expect(f1Score({precision: 0, recall: 0})).toBeNaN();
    expect(f1Score({precision: NaN, recall: 0.5})).toBeNaN();
  });
  it("thinCurve keeps both ends and one point per 0.1% of recall", () => {
    const curve = [0.1, 0.1001, 0.1005, 0.2, 0.3].map((recall, i) => ({threshold: 1 - i / 10, precision: 1, recall, selected: i + 1}));
    expect(thinCurve("Heuristic", curve).map((p) => [p.detector, p.recall])).toEqual([["Heuristic", 0.1], ["Heuristic", 0.2], ["Heuristic", 0.3]]);
  });
  it("flaggedUserDays reads the shown detector's score, at or above the threshold", () => {
    expect(flaggedUserDays(scored, "Logistic regression", 0.6).map((d) => d.risk)).toEqual([0.9, 0.6]);
    expect(flaggedUserDays(scored, "Heuristic", 0.6).map((d) => d.risk)).toEqual([0.3]);
  });
  it("heuristicMaxPoints adds each rule's most points", () => {
    expect(heuristicMaxPoints([{max: 2}, {max: 3}, {max: 1}])).toBe(6);
    expect(heuristicMaxPoints([])).toBe(0);
  });
});
