import {describe, expect, it} from "vitest";
import {generateInsights} from "../../../src/metrics/insights.js";
import type {Columns} from "../../../src/io/schema.js";
import {simulate} from "../../../src/world/simulate.js";
import {dailyCountry, flagsTable} from "../../../src/world/tables.js";

const rows = (columns: Columns) => {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  return Array.from({length: n}, (_, i) => Object.fromEntries(names.map((c) => [c, columns[c][i]])));
};

function insightsFor(seed: number) {
  const world = simulate({seed, scale: 0.25});
  return generateInsights({daily_country: rows(dailyCountry(world)), flags: rows(flagsTable(world))}, {region: "APAC"}, "APAC");
}

describe("generateInsights", () => {
  const a = insightsFor(1);
  const b = insightsFor(2);
  it("generateInsights(tables) writes seed 000's six insights and four recommendations, every one with numbers", () => {
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
    const full = generateInsights({daily_country: daily, flags}, {region: "APAC"}, "APAC");
    const hidden = full.insights[1].figures.highest as string;
    // Suppress one cell of the country with the highest appeal success, as privacy mode does (null).
    const i = daily.findIndex((r) => r.country === hidden && (r.appeals as number) > 0);
    const masked = daily.map((r, j) => (j === i ? {...r, successful_appeals: null} : r));
    const out = generateInsights({daily_country: masked, flags}, {region: "APAC"}, "APAC");
    expect(out.insights[1].figures.highest).not.toBe(hidden);
    expect(out.insights[1].figures.lowest).not.toBe(hidden);
    expect(out.insights[1].figures.withheld).toBe(1);
    expect(out.insights[1].text).toContain("1 country is left out");
    expect(out.insights[1].text).not.toMatch(/NaN|undefined|Infinity/);
  });
}, 120_000);
