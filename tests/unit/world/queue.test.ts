import {describe, expect, it} from "vitest";
import {simulateQueue} from "../../../src/world/queue.js";
import type {Shift} from "../../../src/core/shifts.js";

const H = 3_600_000;

describe("simulateQueue", () => {
  // Monday 2025-03-03, 00:00 UTC; one reviewer on every day from 00:00 to 08:00, no breaks.
  const MONDAY = Date.parse("2025-03-03T00:00:00Z");
  const allWeek: Shift = {startHour: 0, hours: 8, workdays: Array(7).fill(true)};
  const M = 60_000;

  it("serves cases in arrival order, one at a time, each as the reviewer frees up", () => {
    const q = simulateQueue({arrival: Float64Array.of(MONDAY, MONDAY + M), credit: new Float64Array(2), handling: Float64Array.of(10 * M, 10 * M), shifts: [allWeek], speed: [1]});
    expect([...q.start].map((t) => (t - MONDAY) / M)).toEqual([0, 10]);
    expect([...q.end].map((t) => (t - MONDAY) / M)).toEqual([10, 20]);
    expect([...q.reviewer]).toEqual([0, 0]);
  });

  it("takes the case with the largest age plus credit first, and waits for the next shift", () => {
    // Both wait for Tuesday's shift; the second, with 2 h of credit, goes first.
    const q = simulateQueue({arrival: Float64Array.of(MONDAY + 9 * H, MONDAY + 10 * H), credit: Float64Array.of(0, 2 * H), handling: Float64Array.of(M, M), shifts: [allWeek], speed: [2]});
    expect([...q.start].map((t) => (t - MONDAY) / M)).toEqual([24 * 60 + 2, 24 * 60]);
  });

  it("gives a pool's cases only to reviewers who read it", () => {
    const q = simulateQueue({arrival: Float64Array.of(MONDAY, MONDAY), credit: new Float64Array(2), handling: Float64Array.of(M, M), shifts: [allWeek, allWeek], speed: [1, 1], pool: Uint8Array.of(1, 0), reads: [0b01, 0b11]});
    expect([...q.reviewer]).toEqual([1, 0]);
  });

  it("leaves the pause between a decision and the reviewer's next case", () => {
    const q = simulateQueue({arrival: Float64Array.of(MONDAY, MONDAY), credit: new Float64Array(2), handling: Float64Array.of(10 * M, 10 * M), shifts: [allWeek], speed: [1], pause: M});
    expect([...q.start].map((t) => (t - MONDAY) / M)).toEqual([0, 11]);
  });

  it("asks a daily plan each UTC morning, with the cases waiting in each pool, and follows it: the pools each reviewer takes, the pool taken first and its quota", () => {
    // Three pool-1 cases and one pool-0 case arrive on Sunday evening; on Monday the plan lets
    // reviewer 0 take pool 1 first, at most two of its cases; reviewer 1 takes pool 0 only.
    const mornings: {day: number; waiting: readonly number[]}[] = [];
    const q = simulateQueue({
      arrival: Float64Array.of(MONDAY - 3 * H, MONDAY - 2 * H, MONDAY - 2 * H, MONDAY - H),
      credit: new Float64Array(4),
      handling: Float64Array.of(M, M, M, M),
      shifts: [allWeek, allWeek],
      speed: [1, 1],
      pool: Uint8Array.of(1, 0, 1, 1),
      reads: [0b11, 0b11],
      plan: ({dayStart, waiting}) => {
        mornings.push({day: (dayStart - MONDAY) / (24 * H), waiting});
        return {takes: [0b11, 0b01], first: 1, quota: 2};
      }
    });
    expect(mornings.slice(0, 2)).toEqual([{day: -1, waiting: [0, 0]}, {day: 0, waiting: [1, 3]}]);
    // Monday: reviewer 0 takes pool 1's oldest two at 00:00 and 00:01, then the pool-0 case is already
    // taken by reviewer 1 at 00:00; the third pool-1 case waits for Tuesday's quota.
    expect([...q.reviewer]).toEqual([0, 1, 0, 0]);
    expect([...q.start].map((t) => (t - MONDAY) / M)).toEqual([0, 0, 1, 24 * 60]);
  });
});
