import {describe, expect, it} from "vitest";
import {headcountFor, parseWorkdays, rosterCoverage, stints} from "../../../src/ops/roster.js";

describe("roster", () => {
  it("parseWorkdays(text) indexes days from Sunday and rejects unknown names", () => {
    expect(parseWorkdays("Mon Tue Wed Thu Fri")).toEqual([false, true, true, true, true, true, false]);
    expect(parseWorkdays("")).toEqual([false, false, false, false, false, false, false]);
    expect(() => parseWorkdays("Mon Funday")).toThrow('invalid workday: "Funday"');
  });
  it("rosterCoverage(roster) is weekly hours per reviewer and reviewers on shift at once", () => {
    const roster = [
      {reviewer_id: "R1", shift_start_hour: 0, shift_hours: 8, workdays: "Mon Tue Wed Thu Fri"},
      {reviewer_id: "R2", shift_start_hour: 8, shift_hours: 8, workdays: "Sun Mon Tue Wed Thu"}
    ];
    // 2.5 of each 8 hours are off the queue (REVIEW.breaks): 5.5 / 8 of the hours on shift are productive.
    expect(rosterCoverage(roster)).toEqual({reviewers: 2, weeklyHours: 40, meanOnShift: 80 / 168, meanProductive: (80 / 168) * (5.5 / 8)});
    expect(rosterCoverage(roster, 0).meanProductive).toBe(80 / 168);
    expect(() => rosterCoverage(roster, 1)).toThrow("invalid shrinkage");
    expect(rosterCoverage([]).reviewers).toBe(0);
  });
  it("headcountFor(onShift, weeklyHours) rounds up to whole reviewers", () => {
    expect(headcountFor(5, 40)).toBe(21);
    expect(headcountFor(6, 40)).toBe(26);
    expect(headcountFor(5, 168)).toBe(5);
    expect(() => headcountFor(5, 0)).toThrow("invalid weekly hours: 0");
  });
  it("stints(shift, from, to) clips the shift's working hours to the period", () => {
    const shift = {startHour: 22, hours: 8, workdays: [true, true, true, true, true, true, true]};
    const day = Date.UTC(2025, 5, 2);
    // A night shift that started the evening before is still on at midnight.
    expect(stints(shift, day, day + 86_400_000)).toEqual([[day, day + 6 * 3_600_000], [day + 22 * 3_600_000, day + 86_400_000]]);
  });
});
