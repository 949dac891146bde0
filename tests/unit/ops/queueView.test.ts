import {describe, expect, it} from "vitest";
import {erlangModelRows, intervalRows, listedReviewersText, queueBacklog, queueData, queueFile, queueHours, queuePeriod, queueReviewers, queueSla, queueStaffing, queueTta, type QueueFiles} from "../../../src/ops/queueView.js";
import type {IntervalQueue} from "../../../src/ops/intervals.js";
import {formatNumber} from "../../../src/core/format.js";
import {SHRINKAGE} from "../../../src/core/params.js";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const roster = (id: string, hub: string, first: string) => ({reviewer_id: id, hub, shift_start_hour: 8, shift_hours: 8, workdays: "Mon Tue Wed Thu Fri", first_day: day(first)});
const outcome = (date: string, severity: string, route: string, slaBreached: boolean, n = 1) => ({date: day(date), severity, route, sla_breached: slaBreached, n});

/** Two days of a small queue, with Arrow's Date objects where the published tables have dates. */
function files(): QueueFiles {
  return {
    reviewers: [roster("R01", "Manila", "2025-03-01"), roster("R02", "Dublin", "2025-03-01"), roster("R03", "Austin", "2025-04-01")],
    queue_outcomes: [
      outcome("2025-03-01", "critical", "human_review", true),
      outcome("2025-03-01", "low", "human_review", false),
      outcome("2025-03-02", "high", "human_review", false),
      outcome("2025-03-02", "high", "auto_block", true),
      outcome("2025-03-03", "critical", "human_review", true)
    ],
    tta_bins: [
      {date: day("2025-03-01"), severity: "high", route: "human_review", enforced: true, tta_hours_lo: 2, n: 3},
      {date: day("2025-03-01"), severity: "high", route: "auto_block", enforced: true, tta_hours_lo: 0, n: 5}
    ],
    backlog_days: [
      {date: day("2025-03-01"), severity: "critical", open: 2, over_sla: 1, oldest_hours: 30, median_age_hours: 12},
      {date: day("2025-03-02"), severity: "critical", open: 1, over_sla: 1, oldest_hours: 40, median_age_hours: 40},
      {date: day("2025-03-02"), severity: "high", open: 4, over_sla: 2, oldest_hours: 26, median_age_hours: 6},
      {date: day("2025-03-02"), severity: "low", open: 7, over_sla: 5, oldest_hours: 50, median_age_hours: 30}
    ],
    reviewer_days: [
      {date: day("2025-03-01"), reviewer_id: null, scheduled_hours: 24, productive_hours: 16, busy_hours: 14, overtime_hours: 2, cases: 8},
      {date: day("2025-03-01"), reviewer_id: "R01", scheduled_hours: 8, productive_hours: 5, busy_hours: 4, overtime_hours: 0, cases: 3},
      {date: day("2025-03-01"), reviewer_id: "R02", scheduled_hours: 8, productive_hours: 5, busy_hours: 5, overtime_hours: 1, cases: 3}
    ],
    wait_bins: [{date: day("2025-03-01"), wait_hours_lo: 0, n: 24, wait_hours_sum: 6, service_hours_sum: 12}],
    queue_hours: [
      {date: day("2025-03-03"), hour: 9, arrivals: 4, wait_hours_sum: 2, service_hours_sum: 2, scheduled_hours: 3, productive_hours: 2, busy_hours: 2},
      {date: day("2025-03-03"), hour: 10, arrivals: 1, wait_hours_sum: 0, service_hours_sum: 0.5, scheduled_hours: 3, productive_hours: 2, busy_hours: 1}
    ]
  };
}

const picked = (from: string, to: string) => ({from: day(from), to: day(to), previous: null});

describe("queueView", () => {
  it("queueData(files) turns the daily tables' dates into days and counts the team of the first day", () => {
    const data = queueData(files());
    expect(data.outcomes.map((f) => f.date)).toEqual(["2025-03-01", "2025-03-01", "2025-03-02", "2025-03-02", "2025-03-03"]);
    expect([data.backlogDays[0].date, data.reviewerDays[0].date, data.queueHours[0].date]).toEqual(["2025-03-01", "2025-03-01", "2025-03-03"]);
    expect(data.kpiTables).toEqual({flags: data.outcomes, flag_bins: data.ttaBins});
    expect(data.firstTeam).toBe(2);
    // Three reviewers, 40 h a week each: 120 / 168 on shift at once.
    expect(data.coverage).toMatchObject({reviewers: 3, weeklyHours: 40, meanOnShift: 120 / 168});
  });

  it("queuePeriod(data, picked) orders the dates and keeps the range's human-review cases", () => {
    const period = queuePeriod(queueData(files()), picked("2025-03-02", "2025-03-01"));
    expect(period.range).toEqual({from: "2025-03-01", to: "2025-03-02"});
    expect(period.dates).toEqual(["2025-03-01", "2025-03-02"]);
    expect(period.cases.map((f) => `${f.date} ${f.severity}`)).toEqual(["2025-03-01 critical", "2025-03-01 low", "2025-03-02 high"]);
    expect(period.previous).toBeNull();
  });

  it("queueBacklog(data, period) reads the backlog at the range's end and counts cases entering review per day", () => {
    const data = queueData(files());
    const backlog = queueBacklog(data, queuePeriod(data, picked("2025-03-01", "2025-03-02")));
    expect(backlog.ages.map((b) => [b.key, b.open, b.overSla])).toEqual([["critical", 1, 1], ["high", 4, 2], ["medium", 0, 0], ["low", 7, 5]]);
    const arrivals = backlog.arrivals.filter((d) => d.count > 0).map((d) => `${d.date} ${d.key} ${d.count}`);
    expect(arrivals).toEqual(["2025-03-01 critical 1", "2025-03-02 high 1", "2025-03-01 low 1"]);
    expect(backlog.openByDay.filter((d) => d.key === "critical")).toEqual([{date: "2025-03-01", key: "critical", open: 2}, {date: "2025-03-02", key: "critical", open: 1}]);
  });

  it("queueReviewers(data, range) gives each listed reviewer's hub and load, the team's, and the 70-95% band", () => {
    const team = queueReviewers(queueData(files()), {from: "2025-03-01", to: "2025-03-01"});
    // R01: 4 busy of 5 productive = 80% (in the band); R02: (5 - 1) / 5 = 80%; the team (14 - 2) / 16 = 75%.
    expect(team.loads.map((d) => [d.reviewer_id, d.hub, d.utilisation])).toEqual([["R01", "Manila", 0.8], ["R02", "Dublin", 0.8]]);
    expect(team).toMatchObject({teamUtilisation: 0.75, teamCasesPerHour: 0.5, inBand: 2, shrinkageShare: 1 - 16 / 24, team: 3});
    expect(listedReviewersText(team)).toBe(" (the first 2 of the team's 3 by id; the team figure counts all of them)");
    expect(listedReviewersText({loads: team.loads, team: 2})).toBe("");
  });

  it("queueSla(period, ages) counts high and critical breaches by the day raised, and high/critical cases open past the SLA", () => {
    const data = queueData(files());
    const period = queuePeriod(data, picked("2025-03-01", "2025-03-02"));
    const sla = queueSla(period, queueBacklog(data, period).ages);
    // The auto-blocked high breach is not a human-review case; the critical one of 3 March is out of range.
    expect(sla.breaches).toBe(1);
    expect(sla.breachesByDay.filter((d) => d.count > 0)).toEqual([{date: "2025-03-01", key: "critical", count: 1}]);
    expect(sla.atRisk).toBe(1 + 2);
  });

  it("queueTta(data, range, scope) reads every route or human review only", () => {
    const data = queueData(files());
    const range = {from: "2025-03-01", to: "2025-03-01"};
    expect(queueTta(data, range, "all").map((d) => [d.key, d.n])).toEqual([["high", 8]]);
    expect(queueTta(data, range, "human").map((d) => [d.key, d.n])).toEqual([["high", 3]]);
  });

  it("queueStaffing(data, range) sets Erlang C on the observed rates: 1 case an hour of 0.5 h is half an Erlang", () => {
    const staffing = queueStaffing(queueData(files()), {from: "2025-03-01", to: "2025-03-01"});
    expect(staffing.observed).toMatchObject({cases: 24, arrivalRate: 1, serviceHours: 0.5, meanWaitHours: 0.25});
    expect(staffing.load).toBe(0.5);
    expect(staffing.maxServers).toBe(12);
    expect(staffing.curve.map((d) => d.servers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(staffing.start).toBe(staffing.needed);
    expect(staffing.targets.map((t) => t.label)).toEqual(["Wait ≤ 1 h (target 50%)", "Wait ≤ 8 h (target 90%)"]);
    // Every wait is in the first bin [0, 0.05) h, so all are within both targets.
    expect(staffing.simLevels).toEqual([1, 1]);
  });

  it("erlangModelRows(staffing, servers, teamUtilisation) sets the chosen count's model against the simulation", () => {
    const staffing = queueStaffing(queueData(files()), {from: "2025-03-01", to: "2025-03-01"});
    const rows = erlangModelRows(staffing, 1, 0.75);
    expect(rows.map((r) => r.measure)).toEqual(["Reviewers working the queue", "Utilisation", "Mean wait", "P50 wait", "P90 wait", "Waits ≤ 1 h", "Waits ≤ 8 h"]);
    // One reviewer at half an Erlang is busy half the time.
    expect(rows[1]).toEqual({measure: "Utilisation", model: "50.0%", sim: "75.0%"});
    // Today's roster: 120 scheduled hours a week over 168, less the shrinkage.
    expect(staffing.currentOnShift).toBeCloseTo((120 / 168) * (1 - SHRINKAGE), 12);
    expect(rows[0]).toEqual({measure: "Reviewers working the queue", model: "1", sim: `${formatNumber(staffing.currentOnShift, 2)} on average`});
  });

  it("queueHours(data, range, shrinkage) finds the quiet and busy hours and intervalRows writes the table", () => {
    const hours = queueHours(queueData(files()), {from: "2025-03-03", to: "2025-03-03"}, 0.5);
    expect(hours.coveredHours).toBe(2);
    expect([hours.quiet.arrivalRate, hours.peak.arrivalRate]).toEqual([1, 4]);
    expect(hours.byDay.length).toBe(24);
    const rows = intervalRows(hours.byDay.filter((d) => d.interval === 9 || d.interval === 10) as IntervalQueue[]);
    expect(rows.map((r) => [r.hour, r.arrivals, r.onShift, r.servers])).toEqual([["09:00", "4.00", "3.0", "1.5"], ["10:00", "1.00", "3.0", "1.5"]]);
  });

  it("queueFile(data, range, table) cuts the daily tables to the range and names the file by it; the roster is whole", () => {
    const data = queueData(files());
    const range = {from: "2025-03-02", to: "2025-03-02"};
    const backlog = queueFile(data, range, "backlog_days");
    expect([backlog.rows.length, backlog.schema.name, backlog.filename, backlog.label]).toEqual([3, "backlog_days", "backlog_days_2025-03-02_2025-03-02", "rows"]);
    expect(queueFile(data, range, "reviewer_days").rows).toEqual([]);
    const roster = queueFile(data, range, "reviewers");
    expect([roster.rows.length, roster.schema.name, roster.filename, roster.label]).toEqual([3, "reviewers", "reviewers", "reviewers"]);
  });
});
