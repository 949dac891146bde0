import {describe, expect, it} from "vitest";
import {columnsToRows} from "../../../src/io/export.js";
import {itemViewDays, moderatorDays, summarizeDays, type DayRow, type ViewDayRow} from "../../../src/moderation/moderatorDays.js";
import type {ModeratorSessions} from "../../../src/world/sessions.js";

const DAY = 86_400_000;
const t0 = Date.parse("2025-03-01T09:00:00Z");
// Three sessions: A on 03-01 and 03-03, B on 03-01. Content 7 is viewed by A on both days and by B;
// content 8 by A on 03-01 twice; content 9 by B. Decisions: accept on flag 0 (a violation), reject on flag 1 (a violation: wrong).
const sessions = {
  sessions: {length: 3, reviewer: Int32Array.from([0, 1, 0]), start: Float64Array.from([t0, t0 + 3600_000, t0 + 2 * DAY]), durationS: Float64Array.from([3600, 1800, 7200]), items: Int32Array.from([3, 2, 1]), cases: Int32Array.from([1, 1, 0]), idleInactivityS: Float64Array.from([60, 0, 0]), idlePauseS: Float64Array.from([0, 30, 0])},
  items: {length: 6, session: Int32Array.from([0, 0, 0, 1, 1, 2]), content: Int32Array.from([7, 8, 8, 7, 9, 7]), flag: Int32Array.from([0, -1, -1, 1, -1, -1]), decision: Uint8Array.from([0, 2, 2, 1, 2, 2])}
} as unknown as ModeratorSessions;
const input = {sessions, isViolation: [1, 1], reviewerIds: ["A", "B"]};

describe("moderatorDays", () => {
  it("moderatorDays(input) sums the team's and each moderator's sessions per start day, with decisions checked against the truth", () => {
    expect(columnsToRows(moderatorDays(input))).toEqual([
      {date: "2025-03-01", reviewer_id: null, sessions: 2, session_s: 5400, item_views: 5, cases: 2, idle_inactivity_s: 60, idle_pause_s: 30, qa_checked: 2, qa_correct: 1},
      {date: "2025-03-01", reviewer_id: "A", sessions: 1, session_s: 3600, item_views: 3, cases: 1, idle_inactivity_s: 60, idle_pause_s: 0, qa_checked: 1, qa_correct: 1},
      {date: "2025-03-01", reviewer_id: "B", sessions: 1, session_s: 1800, item_views: 2, cases: 1, idle_inactivity_s: 0, idle_pause_s: 30, qa_checked: 1, qa_correct: 0},
      {date: "2025-03-03", reviewer_id: null, sessions: 1, session_s: 7200, item_views: 1, cases: 0, idle_inactivity_s: 0, idle_pause_s: 0, qa_checked: 0, qa_correct: 0},
      {date: "2025-03-03", reviewer_id: "A", sessions: 1, session_s: 7200, item_views: 1, cases: 0, idle_inactivity_s: 0, idle_pause_s: 0, qa_checked: 0, qa_correct: 0}
    ]);
  });
  it("moderatorDays({detailed: 1}) keeps rows of their own for the first moderator only; the team's rows still count both", () => {
    const rows = columnsToRows(moderatorDays({...input, detailed: 1}));
    expect(rows.map((r) => r.reviewer_id)).toEqual([null, "A", null, "A"]);
    expect(rows[0].sessions).toBe(2);
  });
  it("itemViewDays(input) links each item's view day to its next one, per moderator and for the team (null)", () => {
    const rows = columnsToRows(itemViewDays(input));
    expect(rows).toContainEqual({reviewer_id: "A", date: "2025-03-01", next_date: "2025-03-03", n: 1});
    expect(rows).toContainEqual({reviewer_id: "A", date: "2025-03-01", next_date: null, n: 1});
    expect(rows).toContainEqual({reviewer_id: null, date: "2025-03-01", next_date: null, n: 2});
    expect(rows).toContainEqual({reviewer_id: null, date: "2025-03-01", next_date: "2025-03-03", n: 1});
  });
});

describe("summarizeDays", () => {
  const days = columnsToRows(moderatorDays(input)) as unknown as DayRow[];
  const views = columnsToRows(itemViewDays(input)) as unknown as ViewDayRow[];
  it("summarizeDays counts an item viewed on two days in range once, and on each of two ranges that split them", () => {
    expect(summarizeDays(days, views, {from: "2025-03-01", to: "2025-03-03"}).uniqueItems).toBe(3);
    expect(summarizeDays(days, views, {from: "2025-03-01", to: "2025-03-01"}).uniqueItems).toBe(3);
    expect(summarizeDays(days, views, {from: "2025-03-02", to: "2025-03-03"}).uniqueItems).toBe(1);
    expect(summarizeDays(days, views, {from: "2025-03-01", to: "2025-03-03"}, "A").uniqueItems).toBe(2);
  });
  it("summarizeDays totals sessions, hours, decisions per hour and QA for a moderator or the team", () => {
    expect(summarizeDays(days, views, {from: "2025-03-01", to: "2025-03-03"})).toEqual({sessions: 3, hours: 3.5, itemViews: 6, uniqueItems: 3, cases: 2, decisionsPerHour: 2 / 3.5, checked: 2, correct: 1});
    expect(summarizeDays(days, views, {from: "2025-03-02", to: "2025-03-02"}, "B").decisionsPerHour).toBeNaN();
  });
});
