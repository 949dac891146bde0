import {SCENARIO_EVENTS} from "../../../src/core/scenarios.js";
import {describe, expect, it} from "vitest";
import {COUNTRIES} from "../../../src/core/constants.js";
import {anomalySeries, COUNT_UNIT, detectAnomalies, explanation, flaggedCsv, flaggedRows, narrateAnomalies, SHARE_UNIT, seriesDays, weekendText, type AnomalyRun} from "../../../src/detect/anomalyView.js";
import {addDays} from "../../../src/core/calendar.js";

const series = anomalySeries();
const total = series.get("Total reports")!;

/** One daily_country row per day from `start`, in one country unless said otherwise. */
const rows = (start: string, reports: readonly number[], extra: (i: number) => Record<string, unknown> = () => ({})) =>
  reports.map((r, i) => ({date: addDays(start, i), country: "Singapore", region: "APAC", reports: r, ...extra(i)}));

// 2025-08-09 to 2025-08-21, rolling z over 3 days: an ordinary rise to 30 on 2025-08-17 (no scenario) and one to
// 60 on 2025-08-20, the first day of attack A5 (z = (60 − 16.67) / 11.55 = 3.75).
/** The simulated world's calendar: its scenarios as known events, and its attacks. */
const WORLD_DAYS = {events: SCENARIO_EVENTS, attacks: SCENARIO_EVENTS.filter((e) => e.event.startsWith("attack "))};
const spikes = rows("2025-08-09", [10, 11, 9, 10, 11, 10, 11, 10, 30, 10, 10, 60, 10]);
const settings = {method: "rolling_z", window: 3, threshold: 2, direction: "both"} as const;

describe("anomalyView", () => {
  it("anomalySeries() offers total reports, each category, each country and three shares, each with its case filter", () => {
    expect(series.size).toBe(1 + 6 + COUNTRIES.length + 3);
    expect(series.get("Category: Harassment/hate")).toEqual({label: "Category: Harassment/hate", column: "reports_harassment_hate", scope: {}, unit: COUNT_UNIT, cases: {category: "harassment_hate"}});
    expect(series.get("Country: Germany")).toMatchObject({column: "reports", scope: {country: "Germany"}, cases: {country: "Germany"}});
    expect(series.get("Share: Child safety")).toMatchObject({column: "share_child_safety", unit: SHARE_UNIT, cases: {category: "child_safety"}});
    expect(series.get("Share: user reports")).toMatchObject({column: "share_source_user", unit: SHARE_UNIT, cases: {source: "user"}});
  });
  it("seriesDays(daily, series, {events, attacks}) sums the countries of a day, reads a share in percent and measures the weekend lift", () => {
    // Monday 2025-06-02 to Sunday 2025-06-08: 100 reports Monday to Thursday, 120 Friday to Sunday, over two countries.
    const week = [...rows("2025-06-02", [60, 60, 60, 60, 70, 70, 70], (i) => ({source_user: 30})), ...rows("2025-06-02", [40, 40, 40, 40, 50, 50, 50], () => ({source_user: 20})).map((r) => ({...r, country: "Germany"}))];
    const s = seriesDays(week, total, WORLD_DAYS);
    expect(Array.from(s.values)).toEqual([100, 100, 100, 100, 120, 120, 120]);
    expect(s.weekendLift).toBeCloseTo(0.2, 12);
    expect(Array.from(seriesDays(week, series.get("Share: user reports")!, WORLD_DAYS).values)).toEqual([50, 50, 50, 50, 50 / 1.2, 50 / 1.2, 50 / 1.2]);
    expect(Array.from(seriesDays(week, series.get("Country: Germany")!, WORLD_DAYS).values)).toEqual([40, 40, 40, 40, 50, 50, 50]);
    expect(s.dates[0]).toBe("2025-06-02");
  });
  it("seriesDays(daily, series, {events, attacks}) keeps each date's known scenarios", () => {
    const s = seriesDays(spikes, total, WORLD_DAYS);
    expect(s.scenarios.get("2025-08-20")).toEqual(["attack A5"]);
    expect(s.scenarios.get("2025-08-17")).toEqual([]);
  });
  it("detectAnomalies(days, settings) flags both rises and scores them: the attack day explained, the other not", () => {
    const run = detectAnomalies(seriesDays(spikes, total, WORLD_DAYS), settings);
    expect(run.warm).toBe(3);
    expect(run.flagged.map((p) => p.date)).toEqual(["2025-08-17", "2025-08-20"]);
    expect(run.flagged[1].z).toBeCloseTo(43.333 / 11.547, 3);
    expect([run.score.flagged, run.score.explained, run.score.unexplained]).toEqual([2, 1, 1]);
    // A5 runs 2025-08-20 to 2025-08-21: two attack days, one caught.
    expect([run.attackScore.caught, run.attackScore.events]).toEqual([1, 2]);
    expect(run.explainedCi!.lower).toBeLessThan(0.5);
    expect(run.explainedCi!.upper).toBeGreaterThan(0.5);
    expect(run.points).toHaveLength(13);
  });
  it("detectAnomalies scores attack days from the attacks given, not from the known events' names", () => {
    const attacks = [{event: "A5", start_date: "2025-08-20", end_date: "2025-08-20", note: null}];
    const run = detectAnomalies(seriesDays(spikes, total, {events: [], attacks}), settings);
    expect([run.attackScore.caught, run.attackScore.events]).toEqual([1, 1]);
    expect([run.score.explained, run.score.unexplained]).toEqual([0, 2]);
  });
  it("detectAnomalies(days, settings) compares every detector at the same settings, the chosen one as scored", () => {
    const run = detectAnomalies(seriesDays(spikes, total, WORLD_DAYS), settings);
    expect(run.compare.map((r) => r.method)).toEqual(["Rolling z (mean, sample sd)", "Robust z (median, MAD)", "Day-of-week-aware z"]);
    expect(run.compare[0]).toEqual({method: "Rolling z (mean, sample sd)", flagged: 2, explained: 1, drops: 0, precision: 0.5, attackDays: "1 of 2"});
    const robust = detectAnomalies(seriesDays(spikes, total, WORLD_DAYS), {...settings, method: "robust_z"});
    expect(run.compare[1]).toEqual(robust.compare[1]);
  });
  it("explanation(point) reads a scenario as explaining a rise only", () => {
    expect(explanation({scenario: "", z: 3})).toBe("none known");
    expect(explanation({scenario: "attack A5", z: 3})).toBe("attack A5");
    expect(explanation({scenario: "spam surge, benign B1", z: -3})).toBe("spam surge, benign B1 (a drop: not explained)");
  });
  it("flaggedRows(run) and flaggedCsv(run): the table reads the scenario, the CSV keeps it as it is", () => {
    const run = detectAnomalies(seriesDays(spikes, total, WORLD_DAYS), settings);
    expect(flaggedRows(run).map((r) => [r.date, r.value, r.scenario, r.cases])).toEqual([["2025-08-17", 30, "none known", "2025-08-17"], ["2025-08-20", 60, "attack A5", "2025-08-20"]]);
    const {csv, filename} = flaggedCsv(run);
    expect(filename).toBe("anomalies_rolling_z_window3_z2.csv");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("date,value,baseline,z,scenario");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2025-08-17,30,[\d.]+,[\d.]+,$/);
  });
  it("narrateAnomalies(run, days) counts scored days, the explained share with its interval, and singular or plural rest", () => {
    const run = detectAnomalies(seriesDays(spikes, total, WORLD_DAYS), settings);
    const notes = narrateAnomalies(run, 13);
    expect(notes.flagged).toBe("of 10 scored days (the first 3 fill the window), rolling z (mean, sample sd), window 3, threshold 2.0");
    expect(notes.explained).toMatch(/^rises on a day with a known scenario: 50% of 2 flagged days \(95% CI \d+%–\d+%; fewer than 30 days\)$/);
    expect(notes.unexplained).toBe("1 flagged day with no known scenario: noise, or something to investigate");
    const drops = {...run, score: {...run.score, unexplained: 4, dropsOnScenarioDays: 2}, explainedCi: null} as AnomalyRun;
    expect(narrateAnomalies(drops, 13).unexplained).toBe("2 flagged days with no known scenario and 2 drops on a scenario day (a scenario adds reports: it explains a rise, not a drop): noise, or something to investigate");
    expect(narrateAnomalies({...drops, score: {...drops.score, flagged: 0, precision: NaN}}, 13).explained).toBe("rises on a day with a known scenario: – of 0 flagged days");
  });
  it("weekendText(lift) says more or less", () => {
    expect(weekendText(0.2)).toBe("20% more");
    expect(weekendText(-0.054)).toBe("5% less");
  });
});
