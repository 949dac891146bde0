import {describe, expect, it} from "vitest";
import {columnsToRows} from "../../../src/io/export.js";
import {ROUTES, SEVERITIES} from "../../../src/core/constants.js";
import {backlogDays, queueHours, reviewerDays, waitBins} from "../../../src/world/queueTables.js";
import type {World} from "../../../src/world/simulate.js";

const H = 3_600_000;
const day0 = Date.parse("2025-03-01T00:00:00Z");
const HUMAN = ROUTES.indexOf("human_review");
// One reviewer on shift 08:00–16:00 every day with a meal 11:30–12:15 (7.25 productive hours). Case 0: 10:00–12:00 on day 0. Case 1: raised 15:00 on
// day 0, opened at once, decided 09:00 on day 1 (open overnight). Case 2 is automated: not counted.
const world = {
  dates: ["2025-03-01", "2025-03-02"],
  flags: {length: 3, ts: Float64Array.from([day0 + 10 * H, day0 + 15 * H, day0 + 11 * H]), day: Int16Array.from([0, 0, 0]), severity: Uint8Array.from([SEVERITIES.indexOf("high"), SEVERITIES.indexOf("high"), 0])},
  review: {route: Uint8Array.from([HUMAN, HUMAN, ROUTES.indexOf("auto_block")]), reviewer: Int16Array.from([0, 0, -1]), start: Float64Array.from([day0 + 10 * H, day0 + 15 * H, day0 + 11 * H]), decided: Float64Array.from([day0 + 12 * H, day0 + 33 * H, day0 + 11 * H + 5000])},
  reviewers: {length: 1, id: ["R01"], shifts: [{startHour: 8, hours: 8, breaks: [[3.5, 0.75]], workdays: [true, true, true, true, true, true, true]}]}
} as unknown as World;

describe("queueTables", () => {
  it("backlogDays(world, sla) counts the cases open at each day's end, with their ages", () => {
    const high = columnsToRows(backlogDays(world, 24)).filter((r) => r.severity === "high");
    expect(high).toEqual([
      {date: "2025-03-01", severity: "high", open: 1, over_sla: 0, oldest_hours: 9, median_age_hours: 9},
      {date: "2025-03-02", severity: "high", open: 0, over_sla: 0, oldest_hours: null, median_age_hours: null}
    ]);
  });
  it("reviewerDays(world, detailed) splits each case's open hours by day, with the part outside productive time", () => {
    // Day 0: open 10:00–12:00 and 15:00–24:00 (11 h), of which 10:00–11:30 and 15:00–16:00 are productive
    // time (2.5 h): 8.5 h overtime, the meal's 30 minutes among them. Day 1: 00:00–09:00, productive 08:00–09:00.
    expect(columnsToRows(reviewerDays(world, 1)).filter((r) => r.reviewer_id === "R01")).toEqual([
      {date: "2025-03-01", reviewer_id: "R01", scheduled_hours: 8, productive_hours: 7.25, busy_hours: 11, overtime_hours: 8.5, cases: 1},
      {date: "2025-03-02", reviewer_id: "R01", scheduled_hours: 8, productive_hours: 7.25, busy_hours: 9, overtime_hours: 8, cases: 1}
    ]);
    expect(columnsToRows(reviewerDays(world, 0)).map((r) => r.reviewer_id)).toEqual([null, null]);
  });
  it("queueHours(world) gives each UTC hour its arrivals, waits, case times and the team's shift, productive and busy hours", () => {
    const rows = columnsToRows(queueHours(world));
    expect(rows).toHaveLength(48);
    // Case 0 arrives at 10:00 and is open to 12:00 (busy 10:00-11:30 in productive time; the meal starts at 11:30).
    expect(rows[10]).toEqual({date: "2025-03-01", hour: 10, arrivals: 1, wait_hours_sum: 0, service_hours_sum: 2, scheduled_hours: 1, productive_hours: 1, busy_hours: 1});
    expect(rows[11]).toEqual({date: "2025-03-01", hour: 11, arrivals: 0, wait_hours_sum: 0, service_hours_sum: 0, scheduled_hours: 1, productive_hours: 0.5, busy_hours: 0.5});
    expect(rows[12]).toMatchObject({scheduled_hours: 1, productive_hours: 0.75, busy_hours: 0});
    // Case 1 arrives at 15:00 (open 18 h, busy in productive time only 15:00-16:00 and 08:00-09:00 next day).
    expect(rows[15]).toMatchObject({arrivals: 1, service_hours_sum: 18, busy_hours: 1});
    expect(rows[16]).toMatchObject({scheduled_hours: 0, productive_hours: 0, busy_hours: 0});
    expect(rows[24 + 8]).toMatchObject({date: "2025-03-02", hour: 8, busy_hours: 1});
    expect(rows.reduce((s, r) => s + (r.productive_hours as number), 0)).toBe(14.5);
  });
  it("waitBins(world) bins the human-review cases' waits by arrival day, with their summed waits and case times", () => {
    expect(columnsToRows(waitBins(world))).toEqual([{date: "2025-03-01", wait_hours_lo: 0, n: 2, wait_hours_sum: 0, service_hours_sum: 20}]);
  });
});
