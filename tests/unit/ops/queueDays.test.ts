import {describe, expect, it} from "vitest";
import {backlogOn, backlogSeries, observeBins, shareWithinBins, utilisationOver} from "../../../src/ops/queueDays.js";

const backlogDays = [
  {date: "2025-03-01", severity: "high", open: 3, over_sla: 1, oldest_hours: 30, median_age_hours: 10},
  {date: "2025-03-01", severity: "low", open: 0, over_sla: 0, oldest_hours: null, median_age_hours: null},
  {date: "2025-03-02", severity: "high", open: 5, over_sla: 0, oldest_hours: 20, median_age_hours: 4},
  {date: "2025-03-02", severity: "low", open: 1, over_sla: 0, oldest_hours: 2, median_age_hours: 2}
];

describe("queueDays", () => {
  it("backlogOn(rows, date, keys) is the backlog at the end of that day, in the keys' order, NaN ages when none is open", () => {
    expect(backlogOn(backlogDays, "2025-03-01", ["low", "high"])).toEqual([
      {key: "low", open: 0, overSla: 0, oldestHours: NaN, medianAgeHours: NaN},
      {key: "high", open: 3, overSla: 1, oldestHours: 30, medianAgeHours: 10}
    ]);
  });
  it("backlogSeries(rows, range, keys) lists each key's open cases over the range's days", () => {
    expect(backlogSeries(backlogDays, {from: "2025-03-02", to: "2025-03-02"}, ["high", "low"])).toEqual([
      {date: "2025-03-02", key: "high", open: 5},
      {date: "2025-03-02", key: "low", open: 1}
    ]);
  });
  it("utilisationOver(rows, range) sums hours over the range's days, per reviewer and for the team (null)", () => {
    const rows = [
      {date: "2025-03-01", reviewer_id: null, scheduled_hours: 16, productive_hours: 11, busy_hours: 18, overtime_hours: 8, cases: 10},
      {date: "2025-03-01", reviewer_id: "R01", scheduled_hours: 8, productive_hours: 5.5, busy_hours: 10, overtime_hours: 5, cases: 6},
      {date: "2025-03-02", reviewer_id: null, scheduled_hours: 16, productive_hours: 11, busy_hours: 8, overtime_hours: 0, cases: 4},
      {date: "2025-03-02", reviewer_id: "R01", scheduled_hours: 8, productive_hours: 5.5, busy_hours: 4, overtime_hours: 0, cases: 2}
    ];
    const {team, reviewers} = utilisationOver(rows, {from: "2025-03-01", to: "2025-03-02"});
    expect(team).toMatchObject({cases: 14, scheduledHours: 32, productiveHours: 22, busyHours: 26, utilisation: 18 / 22});
    expect(reviewers).toEqual([{reviewer_id: "R01", cases: 8, scheduledHours: 16, productiveHours: 11, busyHours: 14, overtimeHours: 5, utilisation: 9 / 11, casesPerHour: 8 / 11}]);
  });
  it("observeBins(rows, range) gives the arrival rate per hour of the range's days, mean case time and wait, and the merged bins", () => {
    const rows = [
      {date: "2025-03-01", wait_hours_lo: 0, n: 24, wait_hours_sum: 12, service_hours_sum: 24},
      {date: "2025-03-02", wait_hours_lo: 0, n: 12, wait_hours_sum: 6, service_hours_sum: 6},
      {date: "2025-03-02", wait_hours_lo: 2, n: 12, wait_hours_sum: 30, service_hours_sum: 18}
    ];
    const q = observeBins(rows, {from: "2025-03-01", to: "2025-03-02"});
    expect(q).toEqual({cases: 48, arrivalRate: 1, serviceHours: 1, meanWaitHours: 1, waits: [{lo: 0, hi: 0.05, n: 36}, {lo: 2, hi: 2.25, n: 12}]});
    expect(shareWithinBins(q.waits, 1)).toBe(0.75);
    expect(shareWithinBins(q.waits, 2.125)).toBe(0.875);
    expect(shareWithinBins([], 1)).toBeNaN();
  });
});
