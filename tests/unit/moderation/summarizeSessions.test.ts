import {describe, expect, it} from "vitest";
import {summarizeSessions} from "../../../src/moderation/summarizeSessions.js";

const sessions = [
  {session_id: 1, reviewer_id: "R01", start_ts: new Date("2025-03-03T08:00:00Z"), duration_s: 1800, items: 3, unique_items: 2, cases: 2, idle_inactivity_s: 60, idle_pause_s: 120},
  {session_id: 2, reviewer_id: "R02", start_ts: new Date("2025-03-03T09:00:00Z"), duration_s: 5400, items: 1, unique_items: 1, cases: 1, idle_inactivity_s: 0, idle_pause_s: 0}
];
const items = [
  {session_id: 1, content_id: 7, status: "completed", decision: "accept", sound_muted: true},
  {session_id: 1, content_id: 8, status: "partial", decision: "none", sound_muted: false},
  {session_id: 1, content_id: 7, status: "completed", decision: "reject", sound_muted: false},
  {session_id: 2, content_id: 7, status: "not_started", decision: "accept", sound_muted: true}
];
const idle = [{session_id: 1, idle_type: "inactivity", duration_s: 60}, {session_id: 1, idle_type: "pause", duration_s: 120}];
const qa = [{session_id: 1, cases_checked: 2, cases_correct: 1}, {session_id: 2, cases_checked: 1, cases_correct: 1}];

describe("summarizeSessions", () => {
  it("summarizeSessions(all) counts the moderator-session dashboard's features and the workbook's additions", () => {
    const s = summarizeSessions(sessions, items, idle, qa);
    expect(s).toMatchObject({sessions: 2, hours: 2, itemViews: 4, uniqueItems: 2, cases: 3, decisionsPerHour: 1.5, checked: 3, correct: 2});
    expect(s.status).toEqual([{status: "completed", count: 2}, {status: "partial", count: 1}, {status: "not_started", count: 1}]);
    expect(s.decisions).toEqual([{decision: "accept", count: 2}, {decision: "reject", count: 1}, {decision: "none", count: 1}]);
    expect(s.sound).toEqual([{muted: true, count: 2}, {muted: false, count: 2}]);
    expect(s.mutedShare).toBe(0.5);
    expect(s.idleShare).toBeCloseTo(180 / 7200, 12);
    expect(s.durations.find((b) => b.label === "15–30 min")?.count).toBe(1);
    expect(s.durations.find((b) => b.label === "1–2 h")?.count).toBe(1);
  });
  it("summarizeSessions(one moderator) filters items, idle periods and QA by session", () => {
    const s = summarizeSessions([sessions[1]], items, idle, qa);
    expect(s).toMatchObject({sessions: 1, itemViews: 1, uniqueItems: 1, checked: 1, correct: 1, qaPass: 1, mutedShare: 1});
    expect(s.idle).toEqual([]);
    expect(s.status.map((d) => d.count)).toEqual([0, 0, 1]);
  });
  it("summarizeSessions([]) is empty with NaN rates", () => {
    const s = summarizeSessions([], items, idle, qa);
    expect(s.sessions).toBe(0);
    expect([s.decisionsPerHour, s.qaPass, s.mutedShare, s.idleShare].every(Number.isNaN)).toBe(true);
  });
});
