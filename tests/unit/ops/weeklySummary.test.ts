import {beforeAll, describe, expect, it} from "vitest";
import {reportText, weeklySummary, type WeeklyFlag, type WeeklyReport} from "../../../src/ops/weeklySummary.js";
import {numbersIn} from "../../../src/ops/checkRewrite.js";
import {endOfDay} from "../../../src/ops/backlog.js";
import {measureKpi} from "../../../src/metrics/kpiFigure.js";
import {sharedTables} from "../../support/sharedWorlds.js";

/** Row objects of published columns (dates stay "YYYY-MM-DD" strings, timestamps epoch ms). */
function rows(columns: Record<string, ArrayLike<unknown>>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  return Array.from({length: columns[names[0]].length}, (_, i) => Object.fromEntries(names.map((k) => [k, columns[k][i]])));
}

let report: WeeklyReport;
let flags: WeeklyFlag[];
beforeAll(() => {
  const tables = sharedTables({seed: 42, scale: 1});
  flags = rows(tables.flags) as unknown as WeeklyFlag[];
  report = weeklySummary({flags, users: rows(tables.users) as never, reviewers: rows(tables.reviewers) as never});
}, 60_000);

describe("weeklySummary at the default seed", () => {
  const fact = (id: string) => report.facts.find((f) => f.id === id)!;
  it("weeklySummary(tables) reports the last week of the data against the week before", () => {
    expect(report.week).toEqual({from: "2025-08-25", to: "2025-08-31"});
    expect(report.previousWeek).toEqual({from: "2025-08-18", to: "2025-08-24"});
    expect(report.sections.map((s) => s.title)).toEqual(["Top risks", "Category to watch", "Classifier health", "Staffing recommendation", "Metric to watch next week"]);
  });
  it("weeklySummary(tables) facts match a direct count of the flags table", () => {
    const inWeek = (f: WeeklyFlag) => String(f.date) >= "2025-08-25" && String(f.date) <= "2025-08-31";
    expect(fact("flags").value).toBe(flags.filter(inWeek).length);
    const urgent = flags.filter((f) => inWeek(f) && f.route === "human_review" && (f.severity === "high" || f.severity === "critical"));
    expect(fact("sla_breach_rate").value).toBeCloseTo(urgent.filter((f) => f.sla_breached).length / urgent.length, 12);
    expect(fact("team_now").value).toBe(20);
    // Calibration figure 13: the first week's mean score on true violations is 0.86 ± 0.01.
    expect(Math.abs(fact("score_baseline").value - 0.86)).toBeLessThanOrEqual(0.01);
  });
  it("weeklySummary(tables) ranks risks past their level and recommends more reviewers than a stable queue needs", () => {
    expect(report.risks.length).toBeGreaterThan(0);
    for (let i = 1; i < report.risks.length; i++) expect(report.risks[i - 1].ratio).toBeGreaterThanOrEqual(report.risks[i].ratio);
    expect(report.risks.every((r) => r.ratio >= 1)).toBe(true);
    expect(fact("on_shift_needed").value).toBeGreaterThan(fact("load").value);
    expect(fact("team_needed").value).toBeGreaterThanOrEqual(Math.ceil((fact("on_shift_needed").value * 168) / 40));
  });
  it("weeklySummary(tables) writes only numbers that are in its facts, dates and targets", () => {
    const known = new Set([...report.facts.flatMap((f) => [...numbersIn(f.text), ...numbersIn(f.previousText ?? ""), ...numbersIn(f.label)]), ...numbersIn(JSON.stringify(report.week) + JSON.stringify(report.previousWeek))]);
    // Targets and definitions the text quotes: 1 h, 8 h, 24 h, P50/P90, 7-day windows, z >= 2.
    for (const n of ["1", "8", "24", "50", "90", "7", "2", "003", "40"]) known.add(String(Number(n)));
    const unknown = numbersIn(reportText(report)).filter((n) => !known.has(n));
    expect(unknown).toEqual([]);
  });
  it("weeklySummary(tables) gives the dictionary's tta_high_p50 and tta_high_p90 over the week", () => {
    const scope = {from: "2025-08-25", to: "2025-08-31"};
    for (const id of ["tta_high_p50", "tta_high_p90"]) {
      const expected = measureKpi(id, {flags: flags as never}, scope);
      expect(fact(id).value, id).toBe(expected.value);
      expect(report.kpis!.current.find((k) => k.id === id)!.value, id).toBe(expected.value);
    }
    // The dictionary's definition, recomputed by hand: critical and high, enforced, R-7 median.
    const tta = flags.filter((f) => String(f.date) >= scope.from && String(f.date) <= scope.to && ["critical", "high"].includes(f.severity) && (f as unknown as {action: string}).action !== "none").map((f) => f.tta_hours).sort((a, b) => a - b);
    const h = (tta.length - 1) * 0.5;
    expect(fact("tta_high_p50").value).toBeCloseTo(tta[Math.floor(h)] + (tta[Math.ceil(h)] - tta[Math.floor(h)]) * (h - Math.floor(h)), 12);
  });
  it("weeklySummary(tables) counts only high and critical cases in the open high/critical backlog", () => {
    const t = endOfDay("2025-08-31");
    const open = flags.filter((f) => f.route === "human_review" && Number(f.ts) <= t && t < Number(f.decided_ts));
    const urgent = open.filter((f) => f.severity === "high" || f.severity === "critical");
    expect(open.length).toBeGreaterThan(urgent.length);
    expect(fact("backlog_urgent").value).toBe(urgent.length);
  });
  it("weeklySummary(tables) states changes in rates in percentage points, with a Wilson interval", () => {
    const sla = report.sections[0].items.concat(report.sections[4].items).join(" ") + report.risks.map((r) => r.sentence).join(" ");
    const slaRisk = report.risks.find((r) => r.id === "sla") ?? {sentence: ""};
    const precision = report.sections.find((s) => s.id === "classifier")!.items.join(" ");
    for (const text of [precision, ...(slaRisk.sentence ? [slaRisk.sentence] : [])]) {
      expect(text).toMatch(/[+−±]\d+\.\d pp/);
      expect(text).toMatch(/95% CI/);
    }
    expect(sla).not.toMatch(/[+−]\d+\.\d% (?:the week before|week over week)/);
  });
  it("weeklySummary rejects a week without a previous week inside the data", () => {
    expect(() => weeklySummary({flags: [], users: [], reviewers: []}, {to: "2025-03-10"})).toThrow("invalid week: 2025-03-04 to 2025-03-10");
  });
});
