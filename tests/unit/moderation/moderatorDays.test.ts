import {describe, expect, it} from "vitest";
import {columnsToRows} from "../../../src/io/export.js";
import {DAY_COLUMNS, moderatorsOver, summarizeDays, weeksOver, type DayRow, type ViewDayRow} from "../../../src/moderation/moderatorDays.js";
import {itemViewDays, moderatorDays} from "../../../src/world/moderatorTables.js";
import type {ModeratorSessions} from "../../../src/world/sessions.js";

const DAY = 86_400_000;
const t0 = Date.parse("2025-03-01T09:00:00Z");
// Three sessions: A on 03-01 and 03-03, B on 03-01. Content 7 is viewed by A on both days and by B;
// content 8 by A on 03-01 twice; content 9 by B. Decisions: accept on flag 0 (a violation), reject on flag 1 (a violation: wrong).
const sessions = {
  sessions: {length: 3, reviewer: Int32Array.from([0, 1, 0]), start: Float64Array.from([t0, t0 + 3600_000, t0 + 2 * DAY]), durationS: Float64Array.from([3600, 1800, 7200]), items: Int32Array.from([3, 2, 1]), cases: Int32Array.from([1, 1, 0]), idleInactivityS: Float64Array.from([60, 0, 0]), idlePauseS: Float64Array.from([0, 30, 0])},
  // Status: completed, partial, completed | not started, completed | completed. Muted: items 0 and 4.
  items: {length: 6, session: Int32Array.from([0, 0, 0, 1, 1, 2]), content: Int32Array.from([7, 8, 8, 7, 9, 7]), flag: Int32Array.from([0, -1, -1, 1, -1, -1]), decision: Uint8Array.from([0, 2, 2, 1, 2, 2]), status: Uint8Array.from([0, 1, 0, 2, 0, 0]), soundMuted: Uint8Array.from([1, 0, 0, 0, 1, 0])},
  idle: {length: 1, session: Int32Array.from([0])}
} as unknown as ModeratorSessions;
// A moderator_days row from its figures in DAY_COLUMNS' order.
const row = (date: string, reviewer_id: string | null, values: number[]) => ({date, reviewer_id, ...Object.fromEntries(DAY_COLUMNS.map((c, k) => [c, values[k]]))});
const input = {sessions, isViolation: [1, 1], reviewerIds: ["A", "B"]};

describe("moderatorDays", () => {
  it("moderatorDays(input) sums the team's and each moderator's sessions per start day, with decisions checked against the truth", () => {
    expect(columnsToRows(moderatorDays(input))).toEqual([
      // sessions, seconds, views, cases, inactivity, pause, idle periods, checked, correct, completed, partial, not started, accept, reject, none, muted
      row("2025-03-01", null, [2, 5400, 5, 2, 60, 30, 1, 2, 1, 3, 1, 1, 1, 1, 3, 2]),
      row("2025-03-01", "A", [1, 3600, 3, 1, 60, 0, 1, 1, 1, 2, 1, 0, 1, 0, 2, 1]),
      row("2025-03-01", "B", [1, 1800, 2, 1, 0, 30, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1]),
      row("2025-03-03", null, [1, 7200, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]),
      row("2025-03-03", "A", [1, 7200, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0])
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
    expect(summarizeDays(days, views, {from: "2025-03-01", to: "2025-03-03"})).toMatchObject({sessions: 3, hours: 3.5, itemViews: 6, uniqueItems: 3, cases: 2, decisionsPerHour: 2 / 3.5, checked: 2, correct: 1, idlePeriods: 1, idleSeconds: {inactivity: 60, pause: 30}, idleShare: 90 / 12600});
  });
  it("summarizeDays leaves the sound unknown (null), not zero, when the rows do not record it (an import without sound_muted)", () => {
    const unrecorded = days.map((d) => ({...d, views_muted: null}));
    expect(summarizeDays(unrecorded, views, {from: "2025-03-01", to: "2025-03-03"})).toMatchObject({sound: null, mutedShare: NaN, itemViews: 6});
  });
  it("summarizeDays counts item views by status, key and sound", () => {
    const a = summarizeDays(days, views, {from: "2025-03-01", to: "2025-03-01"}, "A");
    expect(a.status).toEqual([{status: "completed", count: 2}, {status: "partial", count: 1}, {status: "not_started", count: 0}]);
    expect(a.decisions).toEqual([{decision: "accept", count: 1}, {decision: "reject", count: 0}, {decision: "none", count: 2}]);
    expect([a.sound, a.mutedShare]).toEqual([[{muted: true, count: 1}, {muted: false, count: 2}], 1 / 3]);
  });
  it("weeksOver and moderatorsOver group the days by ISO week and by listed moderator", () => {
    expect(weeksOver(days, {from: "2025-03-01", to: "2025-03-03"}).map((w) => [new Date(w.week).toISOString().slice(0, 10), w.sessions])).toEqual([["2025-02-24", 2], ["2025-03-03", 1]]);
    const rows = moderatorsOver(days, {from: "2025-03-01", to: "2025-03-03"}, [{reviewer_id: "B", hub: "Dublin", accuracy: 0.9}]);
    expect(rows).toMatchObject([{reviewer_id: "B", sessions: 1, cases: 1, checked: 1, correct: 0, idleShare: 30 / 1800}]);
    expect(summarizeDays(days, views, {from: "2025-03-02", to: "2025-03-02"}, "B").decisionsPerHour).toBeNaN();
  });
});
