import {describe, expect, it} from "vitest";
import {emptyTotals, sessionTotals} from "../../../src/moderation/sessionTotals.js";
import type {SessionRow} from "../../../src/moderation/summarizeSessions.js";

const session = (session_id: number, reviewer_id: string, duration_s: number, cases: number, idle: [number, number]): SessionRow => ({
  session_id, reviewer_id, start_ts: 0, duration_s, items: cases, unique_items: cases, cases, idle_inactivity_s: idle[0], idle_pause_s: idle[1]
});

describe("sessionTotals", () => {
  it("sessionTotals(sessions, qa, reviewer) sums time, idle of both kinds, cases and QA per key", () => {
    const sessions = [session(1, "R01", 600, 10, [30, 20]), session(2, "R01", 300, 4, [0, 10]), session(3, "R02", 120, 2, [5, 0])];
    const qa = [{session_id: 1, cases_checked: 3, cases_correct: 2}, {session_id: 3, cases_checked: 1, cases_correct: 1}];
    const totals = sessionTotals(sessions, qa, (s) => s.reviewer_id);
    expect(totals.get("R01")).toEqual({sessions: 2, seconds: 900, idle: 60, cases: 14, checked: 3, correct: 2});
    expect(totals.get("R02")).toEqual({sessions: 1, seconds: 120, idle: 5, cases: 2, checked: 1, correct: 1});
    expect([...totals.keys()]).toEqual(["R01", "R02"]);
  });
  it("sessionTotals([]) is empty and emptyTotals() is all zeros", () => {
    expect(sessionTotals([], [], (s) => s.reviewer_id).size).toBe(0);
    expect(emptyTotals()).toEqual({sessions: 0, seconds: 0, idle: 0, cases: 0, checked: 0, correct: 0});
  });
});
