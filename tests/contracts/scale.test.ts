import {quantileSorted as d3Quantile} from "d3";
import * as aq from "arquero";
import {beforeAll, describe, expect, it} from "vitest";
import {columnsToRows} from "../../src/io/export.js";
import {measureKpi} from "../../src/metrics/kpiFigure.js";
import type {Row} from "../../src/metrics/computeKpi.js";
import {summarizeDays, type DayRow, type ViewDayRow} from "../../src/moderation/moderatorDays.js";
import {backlogAt, endOfDay} from "../../src/ops/backlog.js";
import {flagFigures} from "../../src/ops/flagKpis.js";
import {backlogOn, observeBins, utilisationOver, type BacklogDayRow, type ReviewerDayRow, type WaitBinRow} from "../../src/ops/queueDays.js";
import type {RosterRow} from "../../src/ops/roster.js";
import {observeQueue} from "../../src/ops/staffing.js";
import {reviewerUtilisation} from "../../src/ops/utilisation.js";
import {ACTIONS, CATEGORIES, COUNTRIES, ROUTES, SEVERITIES, SOURCES, DECISION_KEYS} from "../../src/core/constants.js";
import {caseFilter, caseParams, type CaseScope} from "../../src/explore/cases.js";
import {caseSampleRate} from "../../src/core/sampling.js";
import type {World} from "../../src/world/simulate.js";
import {sampleRate} from "../../src/world/tables.js";
import {sharedTables, sharedWorld, type Tables} from "../support/sharedWorlds.js";

/**
 * Above scale 4 the item-level tables keep a sample; the pages' cards must still show every flag. At
 * scale 8 (half the flags published), each card the ops and overview pages compute is checked against
 * a count made here directly from the simulated world's arrays, not from any published table.
 */

const SCALE = 8;
const WINDOWS = [
  {from: "2025-06-03", to: "2025-08-31"},
  {from: "2025-04-10", to: "2025-04-16"}
];

let world: World;
let tables: Tables;
const rows: Record<string, Row[]> = {};
beforeAll(() => {
  world = sharedWorld({seed: 42, scale: SCALE});
  tables = sharedTables({seed: 42, scale: SCALE});
  for (const name of ["daily_country", "flag_mix", "score_outcomes", "queue_outcomes", "tta_bins", "moderator_days", "item_view_days", "backlog_days", "reviewer_days", "wait_bins", "reviewers"] as const) rows[name] = columnsToRows(tables[name]);
});

/** Indexes of the world's flags on days in the window that `keep` accepts. */
function worldFlags(window: {from: string; to: string}, keep: (i: number) => boolean = () => true): number[] {
  const first = world.dates.indexOf(window.from);
  const last = world.dates.indexOf(window.to);
  const out: number[] = [];
  for (let i = 0; i < world.flags.length; i++) if (world.flags.day[i] >= first && world.flags.day[i] <= last && keep(i)) out.push(i);
  return out;
}

const is = {
  urgent: (i: number) => SEVERITIES[world.flags.severity[i]] === "critical" || SEVERITIES[world.flags.severity[i]] === "high",
  route: (name: string) => (i: number) => ROUTES[world.review.route[i]] === name,
  enforced: (i: number) => ACTIONS[world.review.action[i]] !== "none",
  violation: (i: number) => world.flags.isViolation[i] === 1
};

describe(`cards at scale ${SCALE}, above the sampling threshold`, () => {
  it("the flags table really is a sample here, so the checks below can fail", () => {
    expect(sampleRate(SCALE)).toBe(0.5);
    expect(tables.flags.flag_id.length).toBeLessThan(world.flags.length * 0.55);
  });

  for (const window of WINDOWS) {
    it(`ops/flags cards equal the world's counts, ${window.from} to ${window.to}, with and without filters`, () => {
      const apacSpam = (i: number) => COUNTRIES[world.flags.country[i]].region === "APAC" && ["spam", "nudity"].includes(CATEGORIES[world.flags.category[i]]);
      for (const [scope, keep] of [[{region: null, categories: null}, () => true], [{region: "APAC", categories: ["spam", "nudity"]}, apacSpam]] as const) {
        const figures = flagFigures({daily_country: rows.daily_country, flags: rows.flag_mix}, {...window, ...scope, allCategories: CATEGORIES});
        const all = worldFlags(window, keep);
        expect(figures.flags).toBe(all.length);
        if (figures.reports) expect(figures.reports.value).toBe(all.length);
        const expected = [all.filter(is.urgent), all.filter(is.route("auto_block")), all.filter(is.route("human_review")), all.filter((i) => world.flags.coordinated[i] === 1)];
        figures.shares.forEach((share, k) => {
          expect([share.numerator, share.denominator], share.id).toEqual([expected[k].length, all.length]);
        });
      }
    });

    it(`ops/classifier's detection precision counts every AI flag, ${window.from} to ${window.to}`, () => {
      const ai = worldFlags(window, (i) => SOURCES[world.flags.source[i]] === "ai");
      const figure = measureKpi("detection_precision", {flags: rows.score_outcomes}, window);
      expect([figure.numerator, figure.denominator]).toEqual([ai.filter(is.violation).length, ai.length]);
    });

    it(`ops/queue's dictionary cards equal the world's, ${window.from} to ${window.to}`, () => {
      const kpiTables = {flags: rows.queue_outcomes, flag_bins: rows.tta_bins};
      const highHuman = worldFlags(window, (i) => is.urgent(i) && is.route("human_review")(i));
      const backlog = measureKpi("backlog_health", kpiTables, window);
      expect([backlog.numerator, backlog.denominator]).toEqual([highHuman.filter((i) => world.review.slaBreached[i] === 1).length, highHuman.length]);
      const qa = measureKpi("qa_pass_rate", kpiTables, window);
      expect([qa.numerator, qa.denominator]).toEqual([highHuman.filter((i) => is.enforced(i) === is.violation(i)).length, highHuman.length]);
      // Quantiles of every decision in the window, against R-7 (d3-array) on the world's values: the
      // bins hold them to within half the precision the cards show (0.1 h).
      const tta = (keep: (i: number) => boolean) => worldFlags(window, keep).map((i) => world.review.ttaHours[i]).sort((a, b) => a - b);
      const standard = (i: number) => is.route("human_review")(i) && ["medium", "low"].includes(SEVERITIES[world.flags.severity[i]]);
      const cases: [string, number[], number][] = [
        ["tta_high_p50", tta((i) => is.urgent(i) && is.enforced(i)), 0.5],
        ["tta_high_p90", tta((i) => is.urgent(i) && is.enforced(i)), 0.9],
        ["tta_p50", tta(is.enforced), 0.5],
        ["ttr_standard", tta(standard), 0.5]
      ];
      for (const [id, values, p] of cases) {
        const figure = measureKpi(id, kpiTables, window);
        expect(figure.n, id).toBe(values.length);
        expect(Math.abs(figure.value! - d3Quantile(values, p)!), id).toBeLessThan(0.05);
      }
    });

    it(`overview cards (daily_country) equal the world's counts, ${window.from} to ${window.to}`, () => {
      const all = worldFlags(window);
      const enforced = all.filter(is.enforced);
      expect(measureKpi("reports", {daily_country: rows.daily_country}, window).value).toBe(all.length);
      expect(measureKpi("enforcements", {daily_country: rows.daily_country}, window).value).toBe(enforced.length);
      expect(measureKpi("appeals", {daily_country: rows.daily_country}, window).value).toBe(enforced.filter((i) => world.review.appealed[i] === 1).length);
    });

    it(`moderator cards count every session, ${window.from} to ${window.to}, for the team and one moderator`, () => {
      const {sessions: ses, items} = world.sessions;
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      for (const who of [null, world.reviewers.id[3]]) {
        const inWindow = (s: number) => day(ses.start[s]) >= window.from && day(ses.start[s]) <= window.to && (who === null || world.reviewers.id[ses.reviewer[s]] === who);
        let sessions = 0, cases = 0, checked = 0, correct = 0;
        for (let s = 0; s < ses.length; s++) if (inWindow(s)) (sessions++, (cases += ses.cases[s]));
        const content = new Set<number>();
        for (let i = 0; i < items.length; i++) {
          if (!inWindow(items.session[i])) continue;
          content.add(items.content[i]);
          if (DECISION_KEYS[items.decision[i]] === "none" || items.flag[i] < 0) continue;
          checked++;
          if ((DECISION_KEYS[items.decision[i]] === "accept") === (world.flags.isViolation[items.flag[i]] === 1)) correct++;
        }
        const cards = summarizeDays(rows.moderator_days as unknown as DayRow[], rows.item_view_days as unknown as ViewDayRow[], window, who);
        expect([cards.sessions, cards.uniqueItems, cards.cases, cards.checked, cards.correct], String(who)).toEqual([sessions, content.size, cases, checked, correct]);
      }
      expect(tables.moderator_sessions.session_id.length).toBeLessThan(world.sessions.sessions.length * 0.55);
    });

    it(`ops/queue's backlog, utilisation and Erlang C inputs count every case, ${window.from} to ${window.to}`, () => {
      // Every human-review case of the world as item rows, with its start from the queue's log.
      const human = worldFlags({from: world.dates[0], to: world.dates[world.dates.length - 1]}, is.route("human_review"));
      const cases = human.map((i) => ({ts: Math.round(world.flags.ts[i]), decided_ts: Math.round(world.review.decided[i]), severity: SEVERITIES[world.flags.severity[i]], reviewer_id: world.review.reviewer[i] >= 0 ? world.reviewers.id[world.review.reviewer[i]] : null}));
      const starts = Float64Array.from(human, (i) => world.review.start[i]);
      const [t0, t1] = [Date.parse(`${window.from}T00:00:00Z`), endOfDay(window.to)];
      const backlog = backlogOn(rows.backlog_days as unknown as BacklogDayRow[], window.to, SEVERITIES);
      expect(backlog.map((b) => [b.open, b.overSla])).toEqual(backlogAt(cases, t1, {slaHours: 24, keys: SEVERITIES}).map((b) => [b.open, b.overSla]));
      const loads = reviewerUtilisation(cases, starts, rows.reviewers as unknown as RosterRow[], t0, t1);
      const {team, reviewers} = utilisationOver(rows.reviewer_days as unknown as ReviewerDayRow[], window);
      expect(team.cases).toBe(loads.reduce((s, d) => s + d.cases, 0));
      expect(team.busyHours).toBeCloseTo(loads.reduce((s, d) => s + d.busyHours, 0), 1);
      expect(team.scheduledHours).toBeCloseTo(loads.reduce((s, d) => s + d.scheduledHours, 0), 6);
      expect(reviewers[0].utilisation).toBeCloseTo(loads[0].utilisation, 4);
      const observed = observeQueue(cases, starts, t0, t1);
      const binned = observeBins(rows.wait_bins as unknown as WaitBinRow[], window);
      expect([binned.cases, binned.arrivalRate]).toEqual([observed.cases, observed.arrivalRate]);
      expect(binned.serviceHours).toBeCloseTo(observed.serviceHours, 6);
    });
  }
});

describe(`the case view at scale ${SCALE}, where it holds a sample of the flags`, () => {
  /** Drill-through scopes of the figures that link to the case view, and the world's flags each counts. */
  const SCOPES: {name: string; scope: CaseScope; keep: (i: number) => boolean}[] = [
    {name: "reports card, 90 days, APAC", scope: {...WINDOWS[0], region: "APAC"}, keep: (i) => COUNTRIES[world.flags.country[i]].region === "APAC"},
    {name: "enforcements card, 90 days", scope: {...WINDOWS[0], action: "enforced"}, keep: is.enforced},
    {name: "a week's spam (an anomaly series' days)", scope: {...WINDOWS[1], category: "spam"}, keep: (i) => CATEGORIES[world.flags.category[i]] === "spam"},
    {name: "a week of Vietnam's AI flags (a mix segment)", scope: {...WINDOWS[1], country: "Vietnam", source: "ai"}, keep: (i) => COUNTRIES[world.flags.country[i]].name === "Vietnam" && SOURCES[world.flags.source[i]] === "ai"}
  ];

  it("counts, through the page's own filter, what each figure counts times the sample rate (within 4 binomial standard errors)", () => {
    const rate = caseSampleRate(world.flags.length);
    expect(rate).toBeLessThan(0.9);
    expect(tables.cases.flag_id.length).toBeLessThan(world.flags.length * (rate + 0.05));
    // As the page reads it: dates as epoch ms.
    const cases = aq.table(tables.cases).derive({date: aq.escape((d: {date: string}) => Date.parse(`${d.date}T00:00:00Z`))});
    for (const {name, scope, keep} of SCOPES) {
      const figure = worldFlags(scope, keep).length;
      const shown = cases.params(caseParams(scope)).filter(caseFilter(scope)).numRows();
      const se = Math.sqrt(figure * rate * (1 - rate));
      expect(figure, name).toBeGreaterThan(100);
      expect(Math.abs(shown - figure * rate), `${name}: ${shown} cases for ${figure} flags at rate ${rate.toFixed(3)}`).toBeLessThan(4 * se);
    }
  });
});

