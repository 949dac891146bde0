import {describe, expect, it} from "vitest";
import {DAY_MS, HOUR_MS as H} from "../../../src/core/constants.js";
import type {Shift} from "../../../src/core/shifts.js";
import {apacStaffingPlan} from "../../../src/world/apacStaffing.js";

// Monday 2025-03-10, 00:00 UTC: day 20157 since the epoch, a multiple of 3, so the rotation starts at reader 0.
const MONDAY = Date.UTC(2025, 2, 10);
const allWeek: Shift = {startHour: 0, hours: 8, workdays: Array(7).fill(true)};
const shifts = [allWeek, allWeek, allWeek, allWeek];
// Three readers of the APAC pool (bit 1) and one English-only reviewer.
const reads = [0b11, 0b11, 0b11, 0b01];

/** One APAC case an hour through the week before Monday, 30 minutes each, and a goal of `goal` hours. */
function weekOfCases(goal: number) {
  const arrival = Float64Array.from({length: 168}, (_, k) => MONDAY - (168 - k) * H);
  return apacStaffingPlan({arrival, pool: new Uint8Array(168).fill(1), staffed: 1, shifts, reads, handling: new Float64Array(168).fill(0.5 * H), goalHours: () => goal, occupancy: 0.9});
}

describe("apacStaffingPlan", () => {
  it("assigns enough readers for the day's quota: 10 waiting + 24 forecast − 12 h of goal backlog = 22 cases, 12.2 h at 90% occupancy, so two 8-hour readers", () => {
    const day = weekOfCases(12)({dayStart: MONDAY, waiting: [0, 10]});
    expect(day.quota).toBe(22);
    expect(day.first).toBe(1);
    expect(Array.from(day.takes)).toEqual([0b11, 0b11, 0b01, 0b01]);
  });

  it("rotates who is assigned: the next day starts the rotation at reader 1", () => {
    const plan = weekOfCases(12);
    plan({dayStart: MONDAY, waiting: [0, 10]});
    // Tuesday's window holds the 144 cases after Monday 00:00 minus one week: 6/7 of the rate.
    const day = plan({dayStart: MONDAY + DAY_MS, waiting: [0, 10]});
    expect(Array.from(day.takes)).toEqual([0b01, 0b11, 0b11, 0b01]);
  });

  it("assigns no reader and a quota of 0 when nothing waits and the goal backlog exceeds a day of arrivals", () => {
    const day = weekOfCases(30)({dayStart: MONDAY, waiting: [4, 0]});
    expect(day.quota).toBe(0);
    expect(Array.from(day.takes)).toEqual([0b01, 0b01, 0b01, 0b01]);
  });

  it("keeps one reader and a quota of at least one case whenever APAC cases wait", () => {
    const day = weekOfCases(40)({dayStart: MONDAY, waiting: [0, 3]});
    expect(day.quota).toBe(1);
    expect(Array.from(day.takes)).toEqual([0b11, 0b01, 0b01, 0b01]);
  });

  it("lets every reader take APAC cases freely on a day without a week's history to forecast from", () => {
    const day = weekOfCases(12)({dayStart: MONDAY - 8 * DAY_MS, waiting: [0, 0]});
    expect(day.quota).toBe(Infinity);
    expect(Array.from(day.takes)).toEqual(reads);
  });
});
