import {beforeAll, describe, expect, it} from "vitest";
import {columnsToRows} from "../../src/io/export.js";
import {evaluateWithCounts, type Row} from "../../src/metrics/computeKpi.js";
import {KPI_DEFINITIONS} from "../../src/metrics/definitions.js";
import {moderatorsOver, summarizeDays, weeksOver, type DayRow, type ViewDayRow} from "../../src/moderation/moderatorDays.js";
import {sessionQa} from "../../src/moderation/sessionQa.js";
import {sessionsInRange} from "../../src/moderation/sessionsInRange.js";
import {summarizeModerators} from "../../src/moderation/summarizeModerators.js";
import {summarizeSessions, type ItemRow, type QaRow, type SessionRow} from "../../src/moderation/summarizeSessions.js";
import {summarizeWeeks} from "../../src/moderation/summarizeWeeks.js";
import {backlogAt, backlogByDay, endOfDay} from "../../src/ops/backlog.js";
import {caseStarts, openedTimes, type QueueCase} from "../../src/ops/caseStarts.js";
import {backlogOn, backlogSeries, observeBins, utilisationOver, type BacklogDayRow, type ReviewerDayRow, type WaitBinRow} from "../../src/ops/queueDays.js";
import {intervalQueues, type QueueHourRow} from "../../src/ops/intervals.js";
import {inRange, rangeDates} from "../../src/ops/range.js";
import type {RosterRow} from "../../src/ops/roster.js";
import {observeQueue} from "../../src/ops/staffing.js";
import {reviewerUtilisation} from "../../src/ops/utilisation.js";
import {SEVERITIES} from "../../src/core/constants.js";
import {sharedTables} from "../support/sharedWorlds.js";

/**
 * At scale 1 the item tables hold every row, so the aggregates pages read instead (flag cubes, queue
 * and moderator day tables) must give what the item rows give, figure for figure.
 */

const RANGES = [
  {from: "2025-06-03", to: "2025-08-31"},
  {from: "2025-07-10", to: "2025-07-16"}
];
const t: Record<string, Row[]> = {};
beforeAll(() => {
  const tables = sharedTables({seed: 42, scale: 1});
  for (const [name, columns] of Object.entries(tables)) if (name !== "events") t[name] = columnsToRows(columns);
  t.session_qa = columnsToRows(sessionQa(tables));
});

describe("aggregates against the item rows they replace, seed 42, scale 1", () => {
  it("every flag KPI evaluates the same on the flag cubes and tta_bins as on the flags (quantiles to 0.05 h)", () => {
    const items = {daily_country: t.daily_country, flags: t.flags};
    for (const def of KPI_DEFINITIONS.filter((d) => d.formula.kind !== "recurrence" && JSON.stringify(d.formula).includes("flags"))) {
      // Ring origin is in flag_mix (the flags page's cube); every other field in flag_outcomes.
      const cubes = {daily_country: t.daily_country, flags: JSON.stringify(def.formula).includes("coordinated") ? t.flag_mix : t.flag_outcomes, flag_bins: t.tta_bins};
      for (const range of RANGES) {
        const [a, b] = [evaluateWithCounts(def.formula, items, range), evaluateWithCounts(def.formula, cubes, range)];
        if (def.formula.kind === "quantile") expect(Math.abs(a.value - b.value), def.id).toBeLessThan(0.05);
        else expect([b.value, b.numerator, b.denominator], def.id).toEqual([a.value, a.numerator, a.denominator]);
      }
    }
  });

  it("the pages' projections of flag_outcomes are its sums over the fields they drop", () => {
    const sumBy = (rows: Row[], fields: string[], sums: string[]) => {
      const out = new Map<string, number[]>();
      for (const r of rows) {
        const key = fields.map((f) => (r[f] instanceof Date ? (r[f] as Date).getTime() : r[f])).join("|");
        const acc = out.get(key) ?? out.set(key, [0, ...sums.map(() => 0)]).get(key)!;
        [r.n, ...sums.map((s) => r[s])].forEach((v, k) => (acc[k] += v as number));
      }
      return [...out].map(([key, v]) => [key, ...v.map((x) => Math.round(x * 1e4) / 1e4)]).sort();
    };
    const score = ["date", "category", "source", "is_violation"];
    expect(sumBy(t.score_outcomes, score, ["score_sum"])).toEqual(sumBy(t.flag_outcomes, score, ["score_sum"]));
    const queue = ["date", "severity", "route", "enforced", "is_violation", "sla_breached"];
    expect(sumBy(t.queue_outcomes, queue, [])).toEqual(sumBy(t.flag_outcomes, queue, []));
    expect(t.queue_outcomes.length).toBeLessThan(t.flag_outcomes.length / 2);
  });

  it("the queue's day tables give backlogAt, backlogByDay, and reviewerUtilisation and observeQueue's figures from the published opened_ts", () => {
    const cases = t.flags.filter((f) => f.route === "human_review") as unknown as (QueueCase & {severity: string})[];
    const roster = t.reviewers as unknown as RosterRow[];
    expect(cases.filter((c) => c.opened_ts == null)).toEqual([]);
    const starts = openedTimes(cases, roster);
    for (const range of RANGES) {
      const [t0, t1] = [Date.parse(`${range.from}T00:00:00Z`), endOfDay(range.to)];
      const backlog = backlogAt(cases, t1, {slaHours: 24, keys: SEVERITIES});
      const days = backlogOn(t.backlog_days as unknown as BacklogDayRow[], range.to, SEVERITIES);
      expect(days.map((b) => [b.open, b.overSla])).toEqual(backlog.map((b) => [b.open, b.overSla]));
      // backlog_days publishes ages to 0.001 h: equal to that precision (toFixed(2) broke on rounding ties).
      days.forEach((b, k) => expect(b.medianAgeHours).toBeCloseTo(backlog[k].medianAgeHours, 3));
      expect(backlogSeries(t.backlog_days as unknown as BacklogDayRow[], range, SEVERITIES)).toEqual(backlogByDay(cases, rangeDates(range), (c) => c.severity, SEVERITIES));
      const loads = reviewerUtilisation(cases, starts, roster, t0, t1);
      const {reviewers} = utilisationOver(t.reviewer_days as unknown as ReviewerDayRow[], range);
      reviewers.forEach((r, k) => expect([r.reviewer_id, r.cases, r.utilisation.toFixed(4)]).toEqual([loads[k].reviewer_id, loads[k].cases, loads[k].utilisation.toFixed(4)]));
      const observed = observeQueue(cases, starts, t0, t1);
      const binned = observeBins(t.wait_bins as unknown as WaitBinRow[], range);
      expect([binned.cases, binned.arrivalRate]).toEqual([observed.cases, observed.arrivalRate]);
      // wait_bins stores each cell's summed hours to 1e-4 h, so the means can differ by at most half of
      // that per cell in range over the cases (plus the published times' whole milliseconds). Comparing
      // the means rounded to 5 decimals failed on a rounding edge once waits spread over more bins.
      const cells = (t.wait_bins as unknown as WaitBinRow[]).filter((r) => inRange(r.date, range)).length;
      const tolerance = (cells * 0.5e-4) / observed.cases + 1e-6 / 3600;
      expect(Math.abs(binned.serviceHours - observed.serviceHours)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(binned.meanWaitHours - observed.meanWaitHours)).toBeLessThanOrEqual(tolerance);
    }
  });

  it("caseStarts, the estimate for rows without opened_ts, never opens a case after its published opened_ts", () => {
    const cases = t.flags.filter((f) => f.route === "human_review") as unknown as QueueCase[];
    const estimate = caseStarts(cases, t.reviewers as unknown as RosterRow[]);
    // The earliest the queue's rules allow: equal where no reviewer idles while a case they read waits.
    expect(cases.filter((c, i) => !(estimate[i] <= Number(c.opened_ts)))).toEqual([]);
  });

  it("queue_hours sums to reviewer_days' team hours and wait_bins' cases, waits and case times", () => {
    for (const range of RANGES) {
      const hours = (t.queue_hours as unknown as QueueHourRow[]).filter((r) => inRange(r.date, range));
      expect(hours.length).toBe(rangeDates(range).length * 24);
      const sum = (k: keyof QueueHourRow) => hours.reduce((s, r) => s + (r[k] as number), 0);
      const {team} = utilisationOver(t.reviewer_days as unknown as ReviewerDayRow[], range);
      expect(sum("scheduled_hours")).toBeCloseTo(team.scheduledHours, 1);
      expect(sum("productive_hours")).toBeCloseTo(team.productiveHours, 1);
      expect(sum("busy_hours")).toBeCloseTo(team.busyHours - team.overtimeHours, 1);
      const binned = observeBins(t.wait_bins as unknown as WaitBinRow[], range);
      expect(sum("arrivals")).toBe(binned.cases);
      expect(sum("wait_hours_sum") / sum("arrivals")).toBeCloseTo(binned.meanWaitHours, 4);
      expect(sum("service_hours_sum") / sum("arrivals")).toBeCloseTo(binned.serviceHours, 4);
      // The per-interval model reads the same rows: every hour of the week is covered once per week.
      const week = intervalQueues(hours, range, {shrinkage: 0.3, targets: [{hours: 1, level: 0.5}]});
      expect(week.reduce((s, d) => s + d.hours, 0)).toBe(hours.length);
      expect(week.reduce((s, d) => s + d.arrivalRate * d.hours, 0)).toBeCloseTo(binned.cases, 6);
    }
  });

  it("moderator_days and item_view_days give summarizeSessions, summarizeWeeks and summarizeModerators' figures", () => {
    const [days, views] = [t.moderator_days as unknown as DayRow[], t.item_view_days as unknown as ViewDayRow[]];
    const [sessions, items, idle, qa] = [t.moderator_sessions as unknown as SessionRow[], t.session_items as unknown as ItemRow[], t.idle_periods as never[], t.session_qa as unknown as QaRow[]];
    const reviewers = t.reviewers as unknown as {reviewer_id: string; hub: string; accuracy: number}[];
    for (const range of RANGES) {
      for (const who of [null, "R07"]) {
        const shown = sessionsInRange(sessions, range).filter((s) => who === null || s.reviewer_id === who);
        const a = summarizeSessions(shown, items, idle, qa);
        const b = summarizeDays(days, views, range, who);
        expect([b.sessions, b.uniqueItems, b.itemViews, b.cases, b.checked, b.correct, b.status, b.decisions, b.sound, b.idlePeriods]).toEqual([a.sessions, a.uniqueItems, a.itemViews, a.cases, a.checked, a.correct, a.status, a.decisions, a.sound, a.idle.length]);
        expect(b.hours).toBeCloseTo(a.hours, 6);
        expect(b.idleShare).toBeCloseTo(a.idleShare, 9);
        const [wa, wb] = [summarizeWeeks(shown, qa), weeksOver(days, range, who)];
        expect(wb.map((w) => [w.week, w.sessions, w.cases, w.checked, w.correct])).toEqual(wa.map((w) => [w.week, w.sessions, w.cases, w.checked, w.correct]));
      }
      const [ma, mb] = [summarizeModerators(sessionsInRange(sessions, range), qa, reviewers), moderatorsOver(days, range, reviewers)];
      expect(mb.map((m) => [m.reviewer_id, m.sessions, m.cases, m.checked, m.correct, m.idleShare.toFixed(9)])).toEqual(ma.map((m) => [m.reviewer_id, m.sessions, m.cases, m.checked, m.correct, m.idleShare.toFixed(9)]));
    }
  });

  it("the case view's QA audit, dated by its session's start, gives moderator_days' decisions checked and passed, day by day and reviewer by reviewer", () => {
    const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
    const fromCases = new Map<string, [number, number]>();
    for (const c of t.cases) {
      if (c.qa === null) continue;
      for (const who of [null, c.reviewer_id]) {
        const key = `${day(c.session_date)}|${who}`;
        const acc = fromCases.get(key) ?? fromCases.set(key, [0, 0]).get(key)!;
        acc[0]++;
        if (c.qa === "pass") acc[1]++;
      }
    }
    const fromDays = new Map(t.moderator_days.filter((d) => (d.qa_checked as number) > 0).map((d) => [`${day(d.date)}|${d.reviewer_id}`, [d.qa_checked, d.qa_correct]]));
    expect(fromCases.size).toBeGreaterThan(1000);
    expect(Object.fromEntries(fromCases)).toEqual(Object.fromEntries(fromDays));
    // Only reviewed cases are audited, and each has its session's day.
    expect(t.cases.every((c) => (c.qa === null) === (c.route !== "human_review") && (c.qa === null) === (c.session_date === null))).toBe(true);
  });
});
