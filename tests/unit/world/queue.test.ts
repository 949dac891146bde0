import {describe, expect, it} from "vitest";
import {nextOnShift, simulateQueue, type Shift} from "../../../src/world/queue.js";

const H = 3_600_000;
const weekdays = [false, true, true, true, true, true, false];

describe("nextOnShift", () => {
  it("waits for the next workday's start; 2025-03-01 is a Saturday", () => {
    const shift: Shift = {startHour: 9, hours: 8, workdays: weekdays};
    const saturday = Date.UTC(2025, 2, 1, 12);
    expect(nextOnShift(shift, saturday)).toEqual({from: Date.UTC(2025, 2, 3, 9), until: Date.UTC(2025, 2, 3, 17)});
    // Inside a stint: from is now.
    const monday = Date.UTC(2025, 2, 3, 10);
    expect(nextOnShift(shift, monday)).toEqual({from: monday, until: Date.UTC(2025, 2, 3, 17)});
  });

  it("continues a night shift begun the previous (work)day", () => {
    const shift: Shift = {startHour: 22, hours: 8, workdays: weekdays};
    // Friday 22:00 to Saturday 06:00 is Friday's stint.
    const saturdayEarly = Date.UTC(2025, 2, 1, 3);
    expect(nextOnShift(shift, saturdayEarly)).toEqual({from: saturdayEarly, until: Date.UTC(2025, 2, 1, 6)});
    // Saturday 07:00: the next stint is Monday's.
    expect(nextOnShift(shift, Date.UTC(2025, 2, 1, 7)).from).toBe(Date.UTC(2025, 2, 3, 22));
  });

  it("refuses a shift with no workdays", () => {
    expect(() => nextOnShift({startHour: 9, hours: 8, workdays: Array(7).fill(false)}, 0)).toThrow("no workdays");
  });
});

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
