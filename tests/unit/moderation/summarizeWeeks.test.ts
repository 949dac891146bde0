import {describe, expect, it} from "vitest";
import {summarizeWeeks, weekStart} from "../../../src/moderation/summarizeWeeks.js";

const row = (id: number, start: string, duration: number, cases: number) => ({session_id: id, reviewer_id: "R01", start_ts: new Date(start), duration_s: duration, items: cases, unique_items: cases, cases, idle_inactivity_s: 0, idle_pause_s: duration / 10});

describe("summarizeWeeks", () => {
  it("weekStart(t) is Monday 00:00 UTC, also on a Sunday and a Monday", () => {
    expect(new Date(weekStart(Date.parse("2025-05-18T23:59:00Z"))).toISOString()).toBe("2025-05-12T00:00:00.000Z");
    expect(new Date(weekStart(Date.parse("2025-05-12T00:00:00Z"))).toISOString()).toBe("2025-05-12T00:00:00.000Z");
    expect(new Date(weekStart(Date.parse("2025-05-14T12:00:00Z"))).toISOString()).toBe("2025-05-12T00:00:00.000Z");
  });
  it("summarizeWeeks(sessions, qa) groups by the week a session started", () => {
    const weeks = summarizeWeeks([row(1, "2025-05-12T08:00:00Z", 3600, 2), row(2, "2025-05-18T20:00:00Z", 3600, 4), row(3, "2025-05-19T01:00:00Z", 1800, 1)], [{session_id: 1, cases_checked: 2, cases_correct: 1}, {session_id: 2, cases_checked: 4, cases_correct: 4}]);
    expect(weeks.map((w) => new Date(w.week).toISOString().slice(0, 10))).toEqual(["2025-05-12", "2025-05-19"]);
    expect(weeks[0]).toMatchObject({sessions: 2, hours: 2, cases: 6, decisionsPerHour: 3, checked: 6, correct: 5});
    expect(weeks[0].idleShare).toBeCloseTo(0.1, 12);
    expect(Number.isNaN(weeks[1].qaPass)).toBe(true);
  });
  it("summarizeWeeks([]) is empty", () => {
    expect(summarizeWeeks([], [])).toEqual([]);
  });
});
