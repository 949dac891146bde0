import {describe, expect, it} from "vitest";
import {reviewerUtilisation} from "../../../src/ops/utilisation.js";

const H = 3_600_000;
const monday = Date.UTC(2025, 5, 2);
const roster = [
  {reviewer_id: "R1", shift_start_hour: 8, shift_hours: 8, workdays: "Mon Tue Wed Thu Fri"},
  {reviewer_id: "R2", shift_start_hour: 8, shift_hours: 8, workdays: "Mon"}
];

describe("reviewerUtilisation", () => {
  it("reviewerUtilisation(cases, starts, roster, from, to) is case hours inside productive time over productive hours, the rest overtime", () => {
    const cases = [
      {ts: monday, decided_ts: monday + 12 * H, reviewer_id: "R1"},
      {ts: monday, decided_ts: monday + 18 * H, reviewer_id: "R1"} // runs 2 h past the 16:00 shift end
    ];
    const starts = [monday + 8 * H, monday + 12 * H];
    const [r1, r2] = reviewerUtilisation(cases, starts, roster, monday, monday + 24 * H);
    // An 8-hour shift has REVIEW.breaks (2.5 h off the queue): 5.5 productive hours, all of them on a
    // case here; the 4.5 busy hours in breaks and after 16:00 are overtime.
    expect(r1).toMatchObject({reviewer_id: "R1", cases: 2, scheduledHours: 8, productiveHours: 5.5, busyHours: 10, overtimeHours: 4.5, utilisation: 1, casesPerHour: 2 / 5.5});
    expect(r2).toMatchObject({reviewer_id: "R2", cases: 0, scheduledHours: 8, busyHours: 0, utilisation: 0});
  });
  it("reviewerUtilisation clips cases to the period and rejects an empty period", () => {
    const cases = [{ts: monday, decided_ts: monday + 12 * H, reviewer_id: "R1"}];
    const [r1] = reviewerUtilisation(cases, [monday + 8 * H], roster, monday + 10 * H, monday + 24 * H);
    expect(r1.busyHours).toBe(2);
    expect(r1.scheduledHours).toBe(6);
    expect(() => reviewerUtilisation(cases, [0], roster, 5, 5)).toThrow("invalid period: 5 to 5");
  });
  it("reviewerUtilisation of a reviewer with no shift in the period is NaN", () => {
    const sunday = monday - 24 * H;
    expect(reviewerUtilisation([], [], roster, sunday, monday)[0].utilisation).toBeNaN();
  });
});
