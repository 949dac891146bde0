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
});
