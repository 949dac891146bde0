import {describe, expect, it} from "vitest";
import {caseStarts, openedTimes} from "../../../src/ops/caseStarts.js";

const H = 3_600_000;
const monday = Date.UTC(2025, 5, 2); // a Monday
const roster = [{reviewer_id: "R1", shift_start_hour: 8, shift_hours: 8, workdays: "Mon Tue Wed Thu Fri"}];

describe("caseStarts", () => {
  it("caseStarts(cases, roster) starts a case at its arrival, the previous decision or the next productive stretch", () => {
    // The 8-hour shift has REVIEW.breaks: productive 08:00-09:45, 10:00-11:30, 12:15-12:45, 13:15-14:00, 14:15-15:15.
    const cases = [
      {ts: monday + 2 * H, decided_ts: monday + 9 * H, reviewer_id: "R1"}, // arrives before the shift: starts at 08:00
      {ts: monday + 3 * H, decided_ts: monday + 10 * H, reviewer_id: "R1"}, // waits for the previous decision (09:00)
      {ts: monday + 12 * H, decided_ts: monday + 13 * H, reviewer_id: "R1"}, // arrives in the meal (11:30-12:15): starts after it
      {ts: monday + 15.5 * H, decided_ts: monday + 24 * H + 9 * H, reviewer_id: "R1"}, // arrives in the last block off the queue (15:15-16:00): next morning
      {ts: monday, decided_ts: monday, reviewer_id: null}
    ];
    const starts = caseStarts(cases, roster);
    expect(Array.from(starts.slice(0, 4), (s) => (s - monday) / H)).toEqual([8, 9, 12.25, 32]);
    expect(starts[4]).toBeNaN();
  });
  it("caseStarts orders by decision, not by input order, and skips unknown reviewers", () => {
    const cases = [
      {ts: monday + 8 * H, decided_ts: new Date(monday + 11 * H), reviewer_id: "R1"},
      {ts: monday + 8 * H, decided_ts: new Date(monday + 10 * H), reviewer_id: "R1"},
      {ts: monday + 8 * H, decided_ts: monday + 10 * H, reviewer_id: "R9"}
    ];
    const starts = caseStarts(cases, roster);
    expect((starts[1] - monday) / H).toBe(8);
    expect((starts[0] - monday) / H).toBe(10);
    expect(starts[2]).toBeNaN();
    expect(caseStarts([], roster)).toHaveLength(0);
  });
});

describe("openedTimes", () => {
  it("openedTimes(cases, roster) takes the published opened_ts, even where the queue's rules would open the case earlier", () => {
    // R1 idles from 08:00 to 09:30 with the case waiting: the estimate would say 08:00.
    const cases = [{ts: monday + 7 * H, opened_ts: new Date(monday + 9.5 * H), decided_ts: monday + 10 * H, reviewer_id: "R1"}];
    expect(Array.from(openedTimes(cases, roster), (s) => (s - monday) / H)).toEqual([9.5]);
  });
  it("openedTimes estimates with caseStarts where a row has no opened_ts (absent, null or NaN), from all the rows' decisions", () => {
    const cases = [
      {ts: monday + 2 * H, opened_ts: monday + 8.5 * H, decided_ts: monday + 9 * H, reviewer_id: "R1"},
      {ts: monday + 3 * H, opened_ts: null, decided_ts: monday + 10 * H, reviewer_id: "R1"}, // waits for the previous decision (09:00)
      {ts: monday + 12 * H, opened_ts: NaN, decided_ts: monday + 13 * H, reviewer_id: "R1"}, // after the meal (12:15)
      {ts: monday + 12 * H, decided_ts: monday + 14 * H, reviewer_id: "R9"} // no opened_ts, no shift: unknown
    ];
    const starts = openedTimes(cases, roster);
    expect(Array.from(starts.slice(0, 3), (s) => (s - monday) / H)).toEqual([8.5, 9, 12.25]);
    expect(starts[3]).toBeNaN();
  });
});
