import {SCENARIO_EVENTS} from "../../../src/core/scenarios.js";
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {flagAnomalies} from "../../../src/detect/anomalies.js";
import {generateInsights} from "../../../src/metrics/insights.js";
import {dailyTotals} from "../../../src/metrics/series.js";
import type {Columns} from "../../../src/io/schema.js";
import {dailyCountry, flagsTable} from "../../../src/world/tables.js";
import {simulate} from "../../../src/world/simulate.js";
import {sharedWorld} from "../../support/sharedWorlds.js";

const rows = (columns: Columns) => {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  return Array.from({length: n}, (_, i) => Object.fromEntries(names.map((c) => [c, columns[c][i]])));
};

function insightsFor(seed: number) {
  const world = simulate({seed, scale: 0.25});
  return generateInsights({daily_country: rows(dailyCountry(world)), flags: rows(flagsTable(world)), known_events: SCENARIO_EVENTS}, {region: "APAC"}, "APAC");
}

describe("generateInsights", () => {
  const a = insightsFor(1);
  const b = insightsFor(2);
  it("generateInsights(tables) writes the APAC KPI dashboard's six insights and four recommendations, every one with numbers", () => {
    expect(a.insights.map((i) => i.id)).toEqual(["load", "appeals", "misinformation", "child_safety", "response_time", "anomalies"]);
    expect(a.recommendations.map((i) => i.id)).toEqual(["consistency", "speed", "proactivity", "transparency"]);
    for (const i of [...a.insights, ...a.recommendations]) {
      expect(i.text, i.id).toMatch(/\d/);
      expect(i.text, i.id).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
  it("generateInsights(tables) gives different numbers for two seeds", () => {
    expect(a.insights.map((i) => i.text)).not.toEqual(b.insights.map((i) => i.text));
    expect(a.insights[0].figures.report_rate).not.toBe(b.insights[0].figures.report_rate);
    expect(a.insights[1].figures.appeal_spread).not.toBe(b.insights[1].figures.appeal_spread);
  });
  it("generateInsights(tables) leaves out countries whose appeal cells are suppressed (privacy mode)", () => {
    const world = simulate({seed: 1, scale: 0.25});
    const daily = rows(dailyCountry(world));
    const flags = rows(flagsTable(world));
    const full = generateInsights({daily_country: daily, flags, known_events: SCENARIO_EVENTS}, {region: "APAC"}, "APAC");
    const hidden = full.insights[1].figures.highest as string;
    // Suppress one cell of the country with the highest appeal success, as privacy mode does (null).
    const i = daily.findIndex((r) => r.country === hidden && (r.appeals as number) > 0);
    const masked = daily.map((r, j) => (j === i ? {...r, successful_appeals: null} : r));
    const out = generateInsights({daily_country: masked, flags, known_events: SCENARIO_EVENTS}, {region: "APAC"}, "APAC");
    expect(out.insights[1].figures.highest).not.toBe(hidden);
    expect(out.insights[1].figures.lowest).not.toBe(hidden);
    expect(out.insights[1].figures.withheld).toBe(1);
    expect(out.insights[1].text).toContain("1 country is left out");
    expect(out.insights[1].text).not.toMatch(/NaN|undefined|Infinity/);
  });
  it("generateInsights(tables) counts anomaly days on the Anomalies page's default view, whatever the scope", () => {
    // The page's defaults, read from the page itself: series "Total reports" (all regions), rolling z, window, threshold.
    const page = readFileSync(new URL("../../../docs/anomalies.md", import.meta.url), "utf8");
    const window = Number(/label: "Window \(days\)"[^}]*value: (\d+)/.exec(page)![1]);
    const threshold = Number(/label: "Threshold \(z\)"[^}]*value: ([\d.]+)/.exec(page)![1]);
    expect(page).toMatch(/value: seriesOptions\.get\("Total reports"\)/);
    expect(page).toMatch(/label: "Detector", value: "rolling_z"/);
    const world = sharedWorld({seed: 42, scale: 1});
    const daily = rows(dailyCountry(world));
    const out = generateInsights({daily_country: daily, flags: rows(flagsTable(world)), known_events: SCENARIO_EVENTS}, {region: "APAC"}, "APAC");
    const days = dailyTotals(daily, {});
    const expected = flagAnomalies(days.map((d) => d.reports as number), {method: "rolling_z", window, threshold, direction: "both"}).flagged.filter(Boolean).length;
    const anomalies = out.insights.find((i) => i.id === "anomalies")!;
    expect(anomalies.figures.flagged).toBe(expected);
    expect(anomalies.text).toContain(`${expected} days are flagged`);
  });
}, 120_000);

describe("generateInsights on a hand-made fixture", () => {
  // Two countries of one region over two days; appeals and their successes chosen per test.
  const day = (date: string, country: string, appeals: number, successful: number) => ({
    date, country, region: "R", active_users: 1000, content_created: 10_000, reports: 400, enforcements: 300, appeals, successful_appeals: successful,
    reports_misinformation: date < "2025-07-01" ? 20 : 40, median_response_time_hours: 10
  });
  const flag = (date: string, category: string, source: string, action: string) => ({date, country: "A", region: "R", category, source, action, severity: "high", is_violation: action !== "none", tta_hours: 2, appealed: false, overturned: false, route: "human_review"});
  const flags = [flag("2025-06-30", "spam", "ai", "removal"), flag("2025-07-02", "misinformation", "user", "downrank"), flag("2025-07-02", "child_safety", "user", "removal")];
  const fixture = (a: [number, number], b: [number, number]) => generateInsights({
    daily_country: [day("2025-06-30", "A", a[0], a[1]), day("2025-07-02", "A", 0, 0), day("2025-06-30", "B", b[0], b[1]), day("2025-07-02", "B", 0, 0)],
    flags,
    known_events: []
  }, {region: "R"}, "R");
  it("generateInsights makes no appeals recommendation when the countries' Wilson intervals overlap, and says so", () => {
    // 3 of 20 (15%, 95% CI 5.2–36.0%) against 1 of 20 (5%, 0.9–23.6%): overlapping.
    const out = fixture([20, 3], [20, 1]);
    const rec = out.recommendations.find((r) => r.id === "consistency")!;
    expect(rec.text).not.toMatch(/Standardise/);
    expect(rec.text).toMatch(/within noise/);
    const insight = out.insights.find((i) => i.id === "appeals")!;
    expect(insight.text).toMatch(/within noise/);
    expect(insight.text).toMatch(/3 of 20; 95% CI/);
    expect(insight.text).toMatch(/fewer than 30 cases/);
    expect(insight.text).toMatch(/\+10\.0 pp apart/);
  });
  it("generateInsights recommends standardising appeals only when the intervals do not overlap", () => {
    // 60 of 200 (30%) against 10 of 200 (5%).
    const rec = fixture([200, 60], [200, 10]).recommendations.find((r) => r.id === "consistency")!;
    expect(rec.text).toMatch(/^Standardise appeals handling/);
    expect(rec.text).toMatch(/\+25\.0 pp/);
  });
  it("generateInsights states a change in a rate in percentage points with its interval, never as a relative %", () => {
    const out = fixture([20, 3], [20, 1]);
    const mis = out.insights.find((i) => i.id === "misinformation")!;
    // 80 of 800 in July against 40 of 800 before: +5.0 pp.
    expect(mis.text).toMatch(/\+5\.0 pp/);
    expect(mis.text).toMatch(/95% CI/);
    for (const i of [...out.insights, ...out.recommendations]) expect(i.text, i.id).not.toMatch(/[↑↓]\s*\d|\d×\)|[+−]\d+(\.\d)?% /);
  });
});
