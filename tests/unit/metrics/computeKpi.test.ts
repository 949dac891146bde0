import {describe, expect, it} from "vitest";
import {computeKpi, dayKey, evaluate, inScope, matches, meetsTarget} from "../../../src/metrics/computeKpi.js";
import {kpiDefinition} from "../../../src/metrics/definitions.js";

const daily = [
  {date: "2025-03-01", country: "Singapore", region: "APAC", content_created: 1000, reports: 12, enforcements: 9, appeals: 2, successful_appeals: 1, active_users: 100, median_response_time_hours: 10},
  {date: "2025-03-02", country: "Singapore", region: "APAC", content_created: 1000, reports: 8, enforcements: 6, appeals: 0, successful_appeals: 0, active_users: 100, median_response_time_hours: 14},
  {date: new Date("2025-03-01T00:00:00Z"), country: "Brazil", region: "AMER", content_created: 2000, reports: 20, enforcements: null, appeals: 2, successful_appeals: 0, active_users: 200, median_response_time_hours: null}
];
const flag = (over: Record<string, unknown>) => ({date: "2025-03-01", country: "Singapore", region: "APAC", severity: "high", route: "human_review", source: "ai", action: "removal", is_violation: true, tta_hours: 1, actor_id: "u1", ...over});
const flags = [
  flag({tta_hours: 1}),
  flag({tta_hours: 3, source: "user"}),
  flag({tta_hours: 5, action: "none", is_violation: false}),
  flag({tta_hours: 100, severity: "low", actor_id: "u2"})
];

describe("computeKpi", () => {
  it("computeKpi(report_rate) divides summed counts, not daily rates", () => {
    expect(computeKpi(kpiDefinition("report_rate"), {daily_country: daily})).toBeCloseTo(40 / 4000);
  });
  it("computeKpi(enforcements) skips null counts", () => {
    expect(computeKpi(kpiDefinition("enforcements"), {daily_country: daily})).toBe(15);
  });
  it("computeKpi(kpi, tables, scope) filters by country, region and inclusive dates (Date or string)", () => {
    const tables = {daily_country: daily};
    expect(computeKpi(kpiDefinition("reports"), tables, {country: "Singapore"})).toBe(20);
    expect(computeKpi(kpiDefinition("reports"), tables, {region: "AMER"})).toBe(20);
    expect(computeKpi(kpiDefinition("reports"), tables, {from: "2025-03-01", to: "2025-03-01"})).toBe(32);
  });
  it("computeKpi(median_response_time) is the median of country-days, nulls left out", () => {
    expect(computeKpi(kpiDefinition("median_response_time"), {daily_country: daily})).toBe(12);
  });
  it("computeKpi(response_sla_days) counts days at or under 12 h", () => {
    expect(computeKpi(kpiDefinition("response_sla_days"), {daily_country: daily})).toBe(0.5);
  });
  it("computeKpi(kpi) is NaN on an empty denominator or no rows", () => {
    expect(computeKpi(kpiDefinition("appeal_overturn_rate"), {daily_country: daily}, {country: "Singapore", from: "2025-03-02"})).toBeNaN();
    expect(computeKpi(kpiDefinition("median_response_time"), {daily_country: []})).toBeNaN();
  });
  it("computeKpi(tta_high_p50) takes the quantile over enforced high-severity flags", () => {
    expect(computeKpi(kpiDefinition("tta_high_p50"), {flags})).toBe(2);
  });
  it("computeKpi(detection_precision) and qa_pass_rate use ground truth and derived fields", () => {
    expect(computeKpi(kpiDefinition("detection_precision"), {flags})).toBeCloseTo(2 / 3);
    // Every decision matches the truth: enforced violations and a dismissed non-violation.
    expect(computeKpi(kpiDefinition("qa_pass_rate"), {flags})).toBe(1);
  });
  it("computeKpi(harm_prevalence) weights sampled flags by 1 / sample rate", () => {
    const def = kpiDefinition("harm_prevalence");
    const full = computeKpi(def, {flags, daily_country: daily});
    expect(full).toBeCloseTo((3 / 400) * 1000);
    expect(computeKpi(def, {flags, daily_country: daily, flagSampleRate: 0.5})).toBeCloseTo(2 * full);
    expect(() => computeKpi(def, {flags, daily_country: daily, flagSampleRate: 0})).toThrow("invalid flag sample rate: 0");
  });
  it("computeKpi(recurrence_rate) needs a full follow-up window", () => {
    const rows = [
      flag({actor_id: "a", date: "2025-03-01"}), flag({actor_id: "a", date: "2025-03-10"}),
      flag({actor_id: "b", date: "2025-03-01"}), flag({actor_id: "b", date: "2025-04-15"}),
      flag({actor_id: "c", date: "2025-04-20"}), flag({actor_id: "d", date: "2025-05-01", action: "none"})
    ];
    // a repeats within 30 days, b does not; c's window runs past the last day (2025-05-01).
    expect(computeKpi(kpiDefinition("recurrence_rate"), {flags: rows})).toBe(0.5);
  });
  it("evaluate(formula) throws on a missing table", () => {
    expect(() => evaluate(kpiDefinition("reports").formula, {})).toThrow("missing table: daily_country");
  });
});

describe("matches, inScope, dayKey, meetsTarget", () => {
  it("matches(row, filter) handles values, lists and not", () => {
    const row = {a: 1, b: "x", action: "none", is_violation: false};
    expect(matches(row, {a: 1, b: ["x", "y"]})).toBe(true);
    expect(matches(row, {b: {not: "x"}})).toBe(false);
    expect(matches(row, {b: {not: ["y"]}})).toBe(true);
    expect(matches(row, {enforced: false, decision_correct: true})).toBe(true);
  });
  it("dayKey(value) reads Date, epoch ms and strings", () => {
    expect(dayKey(new Date("2025-03-01T00:00:00Z"))).toBe("2025-03-01");
    expect(dayKey(Date.UTC(2025, 2, 1))).toBe("2025-03-01");
    expect(dayKey("2025-03-01")).toBe("2025-03-01");
    expect(inScope({date: "2025-03-01"}, {from: "2025-03-02"})).toBe(false);
  });
  it("meetsTarget(def, value, previous) checks bounds and trends", () => {
    expect(meetsTarget(kpiDefinition("tta_high_p90"), 7)).toBe(true);
    expect(meetsTarget(kpiDefinition("tta_high_p90"), 9)).toBe(false);
    expect(meetsTarget(kpiDefinition("appeal_overturn_rate"), 0.1, 0.2)).toBe(true);
    expect(meetsTarget(kpiDefinition("appeal_overturn_rate"), 0.1)).toBeNull();
    expect(meetsTarget(kpiDefinition("reports"), 5)).toBeNull();
  });
});

describe("computeKpi on a flag cube (rows with a count n)", () => {
  // The four flags above as a cube: the first two share every field but source, so stay apart.
  const cube = [
    {date: "2025-03-01", region: "APAC", severity: "high", route: "human_review", source: "ai", enforced: true, is_violation: true, n: 1},
    {date: "2025-03-01", region: "APAC", severity: "high", route: "human_review", source: "user", enforced: true, is_violation: true, n: 1},
    {date: "2025-03-01", region: "APAC", severity: "high", route: "human_review", source: "ai", enforced: false, is_violation: false, n: 1},
    {date: "2025-03-01", region: "APAC", severity: "low", route: "human_review", source: "ai", enforced: true, is_violation: true, n: 1}
  ];
  it("counts each row as its n flags, as the item rows count one each", () => {
    for (const id of ["escalation_rate", "detection_precision", "qa_pass_rate", "human_review_share"]) {
      expect(computeKpi(kpiDefinition(id), {flags: cube})).toBe(computeKpi(kpiDefinition(id), {flags}));
    }
    const doubled = cube.map((r) => ({...r, n: 2}));
    expect(computeKpi(kpiDefinition("escalation_rate"), {flags: doubled})).toBe(0.75);
  });
  it("reads a cube's own enforced column, and derives decision_correct from it", () => {
    // qa_pass_rate: high severity, human review; correct when enforced equals is_violation: all 3.
    expect(computeKpi(kpiDefinition("qa_pass_rate"), {flags: cube})).toBe(1);
  });
  it("throws, naming the fields, when the cube lacks a field the KPI filters on", () => {
    const noSource = cube.map(({source: _source, ...rest}) => rest);
    expect(() => computeKpi(kpiDefinition("detection_precision"), {flags: noSource})).toThrow(/flags has no source/);
  });
  it("reads quantiles from flag_bins: R-7 on each bin's values spread evenly inside it", () => {
    // High severity, enforced: 2 values in [0, 0.05) and 2 in [2, 2.25) → 0.0125, 0.0375, 2.0625,
    // 2.1875; the median is 1.05.
    const bins = [
      {date: "2025-03-01", severity: "high", route: "human_review", enforced: true, tta_hours_lo: 0, n: 2},
      {date: "2025-03-01", severity: "high", route: "human_review", enforced: true, tta_hours_lo: 2, n: 2},
      {date: "2025-03-01", severity: "low", route: "human_review", enforced: true, tta_hours_lo: 90, n: 5}
    ];
    expect(computeKpi(kpiDefinition("tta_high_p50"), {flag_bins: bins})).toBeCloseTo(1.05, 12);
    expect(() => computeKpi(kpiDefinition("tta_high_p50"), {flag_bins: bins.map(({enforced: _e, ...rest}) => rest)})).toThrow(/flag_bins has no enforced/);
  });
});
