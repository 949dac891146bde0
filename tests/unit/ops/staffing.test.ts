import {describe, expect, it} from "vitest";
import {observeQueue, shareWithin, staffingCurve} from "../../../src/ops/staffing.js";

const H = 3_600_000;

describe("observeQueue", () => {
  it("observeQueue(cases, starts, from, to) measures arrivals, case time and waits of cases raised in the period", () => {
    const cases = [
      {ts: 0, decided_ts: 2 * H, reviewer_id: "R1"},
      {ts: 1 * H, decided_ts: 5 * H, reviewer_id: "R1"},
      {ts: 9 * H, decided_ts: 11 * H, reviewer_id: "R1"}, // outside [0, 4 h)
      {ts: 2 * H, decided_ts: 3 * H, reviewer_id: null} // no start
    ];
    const starts = [H, 2 * H, 10 * H, NaN];
    const q = observeQueue(cases, starts, 0, 4 * H);
    expect(q.cases).toBe(2);
    expect(q.arrivalRate).toBe(0.5);
    expect(q.serviceHours).toBe(2);
    expect(Array.from(q.waits)).toEqual([1, 1]);
    expect(q.meanWaitHours).toBe(1);
    expect(observeQueue([], [], 0, H).serviceHours).toBeNaN();
  });
  it("shareWithin(sorted, hours) is the share at most hours", () => {
    expect(shareWithin([0, 1, 2, 8], 1)).toBe(0.5);
    expect(shareWithin([], 1)).toBeNaN();
  });
});

describe("staffingCurve", () => {
  it("staffingCurve(rates, targets, servers) is Erlang C per count, unstable below the load", () => {
    const curve = staffingCurve({arrivalRate: 6, serviceHours: 1}, [{hours: 1, level: 0.5}], [5, 6, 7, 8]);
    expect(curve.map((r) => r.stable)).toEqual([false, false, true, true]);
    expect(curve[0].levels[0]).toBe(0);
    expect(curve[3].levels[0]).toBeGreaterThan(curve[2].levels[0]);
    expect(curve[3].meetsTargets).toBe(true);
  });
});
