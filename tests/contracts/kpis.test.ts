/**
 * Every dictionary KPI, computed by the metric layer (computeKpi through its formula), against an
 * independent recomputation written here from each definition's prose with plain loops: on the
 * published tables of two seeds, and on a hand-made fixture whose values were worked out by hand.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {columnsToRows} from "../../src/io/export.js";
import {computeKpi, type KpiTables, type Row} from "../../src/metrics/computeKpi.js";
import {KPI_DEFINITIONS, kpiDefinition} from "../../src/metrics/definitions.js";
import {sampleRate} from "../../src/world/tables.js";
import {sharedTables} from "../support/sharedWorlds.js";

interface Window {
  from: string;
  to: string;
  region?: string;
}

const HIGH = new Set(["critical", "high"]);
const DAY = 86_400_000;
const day = (r: Row) => String(r.date).slice(0, 10);
const inWindow = (r: Row, w: Window) => day(r) >= w.from && day(r) <= w.to && (!w.region || r.region === w.region);
const sum = (rows: Row[], column: string) => rows.reduce((s, r) => s + (typeof r[column] === "number" ? (r[column] as number) : 0), 0);
const ratio = (n: number, d: number) => (d > 0 ? n / d : NaN);
/** Type-7 quantile, written out: h = (n − 1)p, interpolate between the order statistics around h. */
function type7(values: number[], p: number): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
}
const enforced = (f: Row) => f.action !== "none";

/** The independent recomputation of each KPI, by id, from its definition's words. */
const INDEPENDENT: Record<string, (t: Required<Omit<KpiTables, "flag_bins" | "flag_cubes">>, w: Window) => number> = {
  content_created: (t, w) => sum(t.daily_country.filter((r) => inWindow(r, w)), "content_created"),
  reports: (t, w) => sum(t.daily_country.filter((r) => inWindow(r, w)), "reports"),
  enforcements: (t, w) => sum(t.daily_country.filter((r) => inWindow(r, w)), "enforcements"),
  appeals: (t, w) => sum(t.daily_country.filter((r) => inWindow(r, w)), "appeals"),
  median_response_time: (t, w) => type7(t.daily_country.filter((r) => inWindow(r, w) && Number.isFinite(r.median_response_time_hours)).map((r) => r.median_response_time_hours as number), 0.5),
  response_sla_days: (t, w) => {
    // Country-days without a human-reviewed report have no median (null in the table) and do not count.
    const days = t.daily_country.filter((r) => inWindow(r, w) && Number.isFinite(r.median_response_time_hours));
    return ratio(days.filter((r) => (r.median_response_time_hours as number) <= 12).length, days.length);
  },
  report_rate: (t, w) => { const d = t.daily_country.filter((r) => inWindow(r, w)); return ratio(sum(d, "reports"), sum(d, "content_created")); },
  reports_per_dau: (t, w) => { const d = t.daily_country.filter((r) => inWindow(r, w)); return 1000 * ratio(sum(d, "reports"), sum(d, "active_users")); },
  enforcement_rate: (t, w) => { const d = t.daily_country.filter((r) => inWindow(r, w)); return ratio(sum(d, "enforcements"), sum(d, "reports")); },
  appeal_rate: (t, w) => { const d = t.daily_country.filter((r) => inWindow(r, w)); return ratio(sum(d, "appeals"), sum(d, "enforcements")); },
  appeal_overturn_rate: (t, w) => { const d = t.daily_country.filter((r) => inWindow(r, w)); return ratio(sum(d, "successful_appeals"), sum(d, "appeals")); },
  misinformation_share: (t, w) => { const d = t.daily_country.filter((r) => inWindow(r, w)); return ratio(sum(d, "reports_misinformation"), sum(d, "reports")); },
  harm_prevalence: (t, w) => 1000 * ratio(t.flags.filter((f) => inWindow(f, w) && f.is_violation === true).length / t.flagSampleRate, sum(t.daily_country.filter((r) => inWindow(r, w)), "active_users")),
  tta_high_p50: (t, w) => type7(t.flags.filter((f) => inWindow(f, w) && HIGH.has(f.severity as string) && enforced(f)).map((f) => f.tta_hours as number), 0.5),
  tta_high_p90: (t, w) => type7(t.flags.filter((f) => inWindow(f, w) && HIGH.has(f.severity as string) && enforced(f)).map((f) => f.tta_hours as number), 0.9),
  tta_p50: (t, w) => type7(t.flags.filter((f) => inWindow(f, w) && enforced(f)).map((f) => f.tta_hours as number), 0.5),
  ttr_standard: (t, w) => type7(t.flags.filter((f) => inWindow(f, w) && f.route === "human_review" && !HIGH.has(f.severity as string)).map((f) => f.tta_hours as number), 0.5),
  detection_precision: (t, w) => { const ai = t.flags.filter((f) => inWindow(f, w) && f.source === "ai"); return ratio(ai.filter((f) => f.is_violation === true).length, ai.length); },
  proactive_share: (t, w) => { const v = t.flags.filter((f) => inWindow(f, w) && f.is_violation === true); return ratio(v.filter((f) => f.source === "ai").length, v.length); },
  qa_pass_rate: (t, w) => { const h = t.flags.filter((f) => inWindow(f, w) && f.route === "human_review" && HIGH.has(f.severity as string)); return ratio(h.filter((f) => enforced(f) === Boolean(f.is_violation)).length, h.length); },
  recurrence_rate: (t, w) => {
    // First enforced offence per actor (region only scopes the offences); 30 days of follow-up needed.
    const last = Math.max(...t.flags.map((f) => Date.parse(`${day(f)}T00:00:00Z`)));
    const times = new Map<unknown, number[]>();
    for (const f of t.flags) if (enforced(f) && (!w.region || f.region === w.region)) times.set(f.actor_id, [...(times.get(f.actor_id) ?? []), Date.parse(`${day(f)}T00:00:00Z`)]);
    let eligible = 0, repeat = 0;
    for (const list of times.values()) {
      const first = Math.min(...list);
      const d = new Date(first).toISOString().slice(0, 10);
      if (d < w.from || d > w.to || first + 30 * DAY > last) continue;
      eligible++;
      if (list.some((x) => x > first && x <= first + 30 * DAY)) repeat++;
    }
    return ratio(repeat, eligible);
  },
  backlog_health: (t, w) => { const h = t.flags.filter((f) => inWindow(f, w) && f.route === "human_review" && HIGH.has(f.severity as string)); return ratio(h.filter((f) => f.sla_breached === true).length, h.length); },
  escalation_rate: (t, w) => { const a = t.flags.filter((f) => inWindow(f, w)); return ratio(a.filter((f) => HIGH.has(f.severity as string)).length, a.length); },
  auto_block_share: (t, w) => { const a = t.flags.filter((f) => inWindow(f, w)); return ratio(a.filter((f) => f.route === "auto_block").length, a.length); },
  human_review_share: (t, w) => { const a = t.flags.filter((f) => inWindow(f, w)); return ratio(a.filter((f) => f.route === "human_review").length, a.length); },
  coordinated_share: (t, w) => { const a = t.flags.filter((f) => inWindow(f, w)); return ratio(a.filter((f) => f.coordinated === true).length, a.length); }
};

const WINDOWS: Window[] = [
  {from: "2025-03-01", to: "2025-08-31"},
  {from: "2025-08-02", to: "2025-08-31"},
  {from: "2025-06-03", to: "2025-08-31", region: "APAC"}
];

function expectSame(actual: number, expected: number, label: string) {
  if (Number.isNaN(expected)) return expect(actual, label).toBeNaN();
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

it("every dictionary KPI has an independent recomputation here", () => {
  expect(KPI_DEFINITIONS.map((d) => d.id).filter((id) => !INDEPENDENT[id])).toEqual([]);
});

for (const [seed, scale] of [[42, 1], [7, 0.3]] as const) {
  describe(`every KPI over the published tables of seed ${seed}, scale ${scale}`, () => {
    let tables: Required<Omit<KpiTables, "flag_bins" | "flag_cubes">>;
    beforeAll(() => {
      const t = sharedTables({seed, scale});
      tables = {daily_country: columnsToRows(t.daily_country), flags: columnsToRows(t.flags), flagSampleRate: sampleRate(scale)};
    });
    for (const def of KPI_DEFINITIONS) {
      it(`computeKpi(${def.id}) equals its independent recomputation in three windows`, () => {
        for (const w of WINDOWS) {
          const scope = {from: w.from, to: w.to, region: w.region ?? null};
          const value = computeKpi(def, tables, scope);
          // Recurrence needs 30 days of follow-up, which the last 30 days of the data do not have.
          if (!(def.id === "recurrence_rate" && w.to === "2025-08-31" && w.from > "2025-08-01")) expect(Number.isFinite(value), `${def.id} has a value in ${JSON.stringify(w)}`).toBe(true);
          expectSame(value, INDEPENDENT[def.id](tables, w), `${def.id} ${JSON.stringify(w)}`);
        }
      });
    }
  });
}

describe("every KPI on a hand-made fixture", () => {
  // Two days, two countries; five flags. Every expected value below was worked out by hand.
  const dc = (date: string, country: string, region: string, over: Record<string, number | null>) => ({date, country, region, active_users: 100, content_created: 1000, reports: 0, enforcements: 0, appeals: 0, successful_appeals: 0, reports_misinformation: 0, median_response_time_hours: null, ...over});
  const daily = [
    dc("2025-03-01", "Singapore", "APAC", {reports: 10, enforcements: 8, appeals: 4, successful_appeals: 1, reports_misinformation: 2, median_response_time_hours: 6}),
    dc("2025-03-02", "Singapore", "APAC", {reports: 20, enforcements: 10, appeals: 0, successful_appeals: 0, reports_misinformation: 0, median_response_time_hours: 20}),
    dc("2025-03-01", "Brazil", "AMER", {active_users: 300, content_created: 3000, reports: 30, enforcements: 12, appeals: 2, successful_appeals: 1, reports_misinformation: 6, median_response_time_hours: 10})
  ];
  const flag = (over: Record<string, unknown>) => ({date: "2025-03-01", region: "APAC", severity: "high", route: "human_review", source: "user", action: "removal", is_violation: true, tta_hours: 2, sla_breached: false, coordinated: false, actor_id: "a", ...over});
  const flags = [
    flag({tta_hours: 2}),
    flag({severity: "critical", source: "ai", route: "auto_block", tta_hours: 0, coordinated: true}),
    flag({tta_hours: 30, action: "none", is_violation: true, sla_breached: true, actor_id: "b"}),
    flag({severity: "low", tta_hours: 8, action: "none", is_violation: false, source: "ai", actor_id: "c"}),
    flag({date: "2025-05-01", severity: "medium", tta_hours: 4, actor_id: "a"})
  ];
  const tables = {daily_country: daily, flags, flagSampleRate: 1};
  const EXPECTED: Record<string, number> = {
    content_created: 5000,
    reports: 60,
    enforcements: 30,
    appeals: 6,
    median_response_time: 10, // median of 6, 20, 10
    response_sla_days: 2 / 3, // 6 and 10 are <= 12
    report_rate: 60 / 5000,
    reports_per_dau: (60 / 500) * 1000,
    enforcement_rate: 30 / 60,
    appeal_rate: 6 / 30,
    appeal_overturn_rate: 2 / 6,
    misinformation_share: 8 / 60,
    harm_prevalence: (4 / 500) * 1000, // 4 violations over 500 DAU-days
    tta_high_p50: 1, // enforced high/critical: 2 and 0
    tta_high_p90: 1.8, // h = 0.9: 0 + 0.9 × 2
    tta_p50: 2, // enforced, any severity: 2, 0 and 4
    ttr_standard: 6, // human-reviewed medium and low: 8 and 4
    detection_precision: 1 / 2, // ai flags: one violation of two
    proactive_share: 1 / 4, // violations: four, one from ai
    qa_pass_rate: 1 / 2, // human-reviewed high/critical: enforced violation (right), dismissed violation (wrong)
    recurrence_rate: 0, // see below
    backlog_health: 1 / 2,
    escalation_rate: 3 / 5,
    auto_block_share: 1 / 5,
    human_review_share: 4 / 5,
    coordinated_share: 1 / 5
  };
  // Recurrence: enforced offences are a on 03-01 (twice: the removal and the auto-block) and a on
  // 05-01 (enforced). a's first offence is 03-01; the other 03-01 offence is not after it, and 05-01 is
  // 61 days later: no repeat within 30 days. The data end on 05-01, so 30 days of follow-up exist.
  it("covers every KPI", () => expect(KPI_DEFINITIONS.map((d) => d.id).filter((id) => !(id in EXPECTED))).toEqual([]));
  for (const id of Object.keys(EXPECTED)) {
    it(`computeKpi(${id}) gives the hand-worked value, as does the independent recomputation`, () => {
      const w = {from: "2025-03-01", to: "2025-08-31"};
      expectSame(computeKpi(kpiDefinition(id), tables, w), EXPECTED[id], id);
      expectSame(INDEPENDENT[id](tables, w), EXPECTED[id], `independent ${id}`);
    });
  }
});
