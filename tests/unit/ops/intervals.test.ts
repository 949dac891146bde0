import {describe, expect, it} from "vitest";
import {erlangQueue, minServers} from "../../../src/ops/erlangC.js";
import {intervalOf, intervalQueues, type QueueHourRow} from "../../../src/ops/intervals.js";

// Monday 2025-06-02 and Tuesday 2025-06-03, hours 0 and 9 only (other hours empty).
const row = (date: string, hour: number, x: Partial<QueueHourRow>): QueueHourRow => ({date, hour, arrivals: 0, wait_hours_sum: 0, service_hours_sum: 0, scheduled_hours: 0, productive_hours: 0, busy_hours: 0, ...x});
const rows = [
  row("2025-06-02", 9, {arrivals: 6, wait_hours_sum: 3, service_hours_sum: 3, scheduled_hours: 4, productive_hours: 3, busy_hours: 2.4}),
  row("2025-06-03", 9, {arrivals: 10, wait_hours_sum: 1, service_hours_sum: 5, scheduled_hours: 4, productive_hours: 3, busy_hours: 2.1}),
  row("2025-06-02", 0, {arrivals: 4, wait_hours_sum: 8, service_hours_sum: 2, scheduled_hours: 0, productive_hours: 0, busy_hours: 0}),
  row("2025-06-09", 9, {arrivals: 99, scheduled_hours: 9}) // outside the range
];
const range = {from: "2025-06-02", to: "2025-06-03"};
const targets = [{hours: 1, level: 0.5}];

describe("intervals", () => {
  it("intervalOf(date, hour, kind) counts hours of the week from Monday 00:00 UTC, or hours of the day", () => {
    expect(intervalOf("2025-06-02", 0, "week")).toBe(0);
    expect(intervalOf("2025-06-03", 9, "week")).toBe(33);
    expect(intervalOf("2025-06-08", 23, "week")).toBe(167);
    expect(intervalOf(new Date("2025-06-08T00:00:00Z"), 23, "day")).toBe(23);
  });

  it("intervalQueues(rows, range, options) pools each hour of the day over the range and runs Erlang C with shrinkage", () => {
    const byDay = intervalQueues(rows, range, {shrinkage: 0.25, targets, kind: "day"});
    expect(byDay).toHaveLength(24);
    const nine = byDay[9];
    // Two hours of 09:00: 16 cases, 4 on shift each, 3 working at 25% shrinkage; case time 10 h / 20 cases.
    expect([nine.hours, nine.arrivalRate, nine.onShift, nine.servers]).toEqual([2, 8, 4, 3]);
    const serviceHours = 10 / 20;
    expect(nine.predictedUtilisation).toBeCloseTo((8 * serviceHours) / 3, 12);
    const model = erlangQueue({servers: 3, arrivalRate: 8, serviceHours});
    expect(nine.predictedWaitProbability).toBe(model.probabilityWait);
    expect(nine.predictedMeanWaitHours).toBe(model.meanWaitHours);
    expect(nine.neededOnShift).toBeCloseTo(minServers({arrivalRate: 8, serviceHours}, targets) / 0.75, 12);
    expect(nine.simulatedMeanWaitHours).toBeCloseTo(4 / 16, 12);
    expect(nine.simulatedUtilisation).toBeCloseTo(4.5 / 6, 12);
    // Midnight: nobody on shift, so no finite wait; the empty hours have no rate.
    expect([byDay[0].servers, byDay[0].predictedMeanWaitHours, byDay[0].simulatedMeanWaitHours]).toEqual([0, Infinity, 2]);
    expect(byDay[5].hours).toBe(0);
    expect(byDay[5].arrivalRate).toBeNaN();
  });

  it("intervalQueues keeps Monday and Tuesday apart by hour of the week, and rejects a shrinkage outside [0, 1)", () => {
    const week = intervalQueues(rows, range, {shrinkage: 0, targets});
    expect(week).toHaveLength(168);
    expect([week[9].arrivalRate, week[33].arrivalRate, week[9 + 24 * 6].hours]).toEqual([6, 10, 0]);
    expect(() => intervalQueues(rows, range, {shrinkage: 1, targets})).toThrow("invalid shrinkage");
  });
});
