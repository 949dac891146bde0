import {describe, expect, it} from "vitest";
import {DECISION_KEYS, ITEM_STATUSES} from "../../../src/core/constants.js";
import {columnsToRows} from "../../../src/io/export.js";
import {itemViewDays, moderatorDays} from "../../../src/world/moderatorTables.js";
import type {ModeratorSessions} from "../../../src/world/sessions.js";

const H = 3_600_000;
const DAY = 24 * H;
const MAR1 = Date.UTC(2025, 2, 1);

interface View {
  content: number;
  flag?: number;
  decision?: (typeof DECISION_KEYS)[number];
  status?: (typeof ITEM_STATUSES)[number];
  muted?: boolean;
}
interface Session {
  reviewer: number;
  start: number;
  durationS?: number;
  cases?: number;
  inactivityS?: number;
  pauseS?: number;
  idle?: number;
  views?: View[];
}

/** Columnar sessions, item views and idle periods from a list of sessions. */
function sessionsOf(list: Session[]): ModeratorSessions {
  const views = list.flatMap((s, i) => (s.views ?? []).map((v) => ({...v, session: i})));
  const idle = list.flatMap((s, i) => new Array(s.idle ?? 0).fill(i) as number[]);
  return {
    sessions: {
      length: list.length,
      reviewer: Int32Array.from(list, (s) => s.reviewer),
      start: Float64Array.from(list, (s) => s.start),
      durationS: Float64Array.from(list, (s) => s.durationS ?? 600),
      items: Int32Array.from(list, (s) => s.views?.length ?? 0),
      cases: Int32Array.from(list, (s) => s.cases ?? 0),
      idleInactivityS: Float64Array.from(list, (s) => s.inactivityS ?? 0),
      idlePauseS: Float64Array.from(list, (s) => s.pauseS ?? 0)
    },
    items: {
      length: views.length,
      session: Int32Array.from(views, (v) => v.session),
      content: Int32Array.from(views, (v) => v.content),
      flag: Int32Array.from(views, (v) => v.flag ?? -1),
      decision: Uint8Array.from(views, (v) => DECISION_KEYS.indexOf(v.decision ?? "none")),
      status: Uint8Array.from(views, (v) => ITEM_STATUSES.indexOf(v.status ?? "completed")),
      soundMuted: Uint8Array.from(views, (v) => (v.muted ? 1 : 0))
    },
    idle: {length: idle.length, session: Int32Array.from(idle)}
  } as unknown as ModeratorSessions;
}

const reviewerIds = ["R01", "R02"];

describe("moderatorDays", () => {
  it("moderatorDays of no sessions has no rows", () => {
    const out = moderatorDays({sessions: sessionsOf([]), isViolation: [], reviewerIds});
    expect(out.date).toEqual([]);
    expect(out.reviewer_id).toEqual([]);
  });

  it("moderatorDays dates a session by the UTC day it starts: one from 23:00 to 01:00 counts on its first day", () => {
    const rows = columnsToRows(moderatorDays({sessions: sessionsOf([{reviewer: 0, start: MAR1 + 23 * H, durationS: 7200}]), isViolation: [], reviewerIds}));
    expect(rows.map((r) => [r.date, r.reviewer_id, r.sessions, r.session_s])).toEqual([["2025-03-01", null, 1, 7200], ["2025-03-01", "R01", 1, 7200]]);
  });

  it("moderatorDays sums seconds rounded to tenths per session: 10.04 s and 10.04 s make 20 s", () => {
    const rows = columnsToRows(moderatorDays({sessions: sessionsOf([{reviewer: 0, start: MAR1, durationS: 10.04, pauseS: 0.26}, {reviewer: 0, start: MAR1 + H, durationS: 10.04, pauseS: 0.26}]), isViolation: [], reviewerIds}));
    expect([rows[0].session_s, rows[0].idle_pause_s]).toEqual([20, 0.6]);
  });

  it("moderatorDays checks a decision against the truth: accept on a violation and reject on a non-violation are correct; no key or no flag is not checked", () => {
    const views: View[] = [
      {content: 1, flag: 0, decision: "accept"},
      {content: 2, flag: 1, decision: "reject"},
      {content: 3, flag: 1, decision: "accept"},
      {content: 4, flag: 0, decision: "none"},
      {content: 5, decision: "reject"}
    ];
    const rows = columnsToRows(moderatorDays({sessions: sessionsOf([{reviewer: 1, start: MAR1, views}]), isViolation: [1, 0], reviewerIds}));
    expect(rows[1]).toMatchObject({reviewer_id: "R02", item_views: 5, qa_checked: 3, qa_correct: 2, views_accept: 2, views_reject: 2, views_none: 1});
  });

  it("moderatorDays counts item views by status and muted sound, and idle periods per session", () => {
    const views: View[] = [{content: 1, status: "partial", muted: true}, {content: 1, status: "not_started"}, {content: 2, muted: true}];
    const rows = columnsToRows(moderatorDays({sessions: sessionsOf([{reviewer: 0, start: MAR1, views, idle: 2, inactivityS: 30}]), isViolation: [], reviewerIds}));
    expect(rows[0]).toMatchObject({views_completed: 1, views_partial: 1, views_not_started: 1, views_muted: 2, idle_periods: 2, idle_inactivity_s: 30});
  });

  it("moderatorDays({detailed: 0}) writes the team's rows only", () => {
    const sessions = sessionsOf([{reviewer: 0, start: MAR1}, {reviewer: 1, start: MAR1 + DAY}]);
    const rows = columnsToRows(moderatorDays({sessions, isViolation: [], reviewerIds, detailed: 0}));
    expect(rows.map((r) => [r.date, r.reviewer_id, r.sessions])).toEqual([["2025-03-01", null, 1], ["2025-03-02", null, 1]]);
  });

  it("moderatorDays sorts rows by day, then the team before reviewers in id order", () => {
    const sessions = sessionsOf([{reviewer: 1, start: MAR1 + DAY}, {reviewer: 0, start: MAR1 + DAY}, {reviewer: 1, start: MAR1}]);
    const rows = columnsToRows(moderatorDays({sessions, isViolation: [], reviewerIds}));
    expect(rows.map((r) => [r.date, r.reviewer_id])).toEqual([["2025-03-01", null], ["2025-03-01", "R02"], ["2025-03-02", null], ["2025-03-02", "R01"], ["2025-03-02", "R02"]]);
  });
});

describe("itemViewDays", () => {
  it("itemViewDays chains an item's view days: viewed on 1, 2 and 4 March gives 1→2, 2→4 and 4→never", () => {
    const sessions = sessionsOf([0, 1, 3].map((d) => ({reviewer: 0, start: MAR1 + d * DAY, views: [{content: 9}]})));
    const rows = columnsToRows(itemViewDays({sessions, reviewerIds, detailed: 0}));
    expect(rows).toEqual([
      {reviewer_id: null, date: "2025-03-01", next_date: "2025-03-02", n: 1},
      {reviewer_id: null, date: "2025-03-02", next_date: "2025-03-04", n: 1},
      {reviewer_id: null, date: "2025-03-04", next_date: null, n: 1}
    ]);
  });

  it("itemViewDays counts an item viewed twice on one day once", () => {
    const sessions = sessionsOf([{reviewer: 0, start: MAR1, views: [{content: 9}, {content: 9}]}, {reviewer: 0, start: MAR1 + H, views: [{content: 9}]}]);
    expect(columnsToRows(itemViewDays({sessions, reviewerIds}))).toEqual([
      {reviewer_id: null, date: "2025-03-01", next_date: null, n: 1},
      {reviewer_id: "R01", date: "2025-03-01", next_date: null, n: 1}
    ]);
  });

  it("itemViewDays keeps each moderator's chain apart from the team's: a second moderator's later view ends the team's chain but not the first's", () => {
    const sessions = sessionsOf([{reviewer: 0, start: MAR1, views: [{content: 9}]}, {reviewer: 1, start: MAR1 + DAY, views: [{content: 9}]}]);
    const rows = columnsToRows(itemViewDays({sessions, reviewerIds}));
    expect(rows).toContainEqual({reviewer_id: null, date: "2025-03-01", next_date: "2025-03-02", n: 1});
    expect(rows).toContainEqual({reviewer_id: "R01", date: "2025-03-01", next_date: null, n: 1});
    expect(rows).toContainEqual({reviewer_id: "R02", date: "2025-03-02", next_date: null, n: 1});
    expect(rows.length).toBe(4);
  });

  it("itemViewDays orders views by day whatever the session order", () => {
    const sessions = sessionsOf([{reviewer: 0, start: MAR1 + 2 * DAY, views: [{content: 9}]}, {reviewer: 0, start: MAR1, views: [{content: 9}]}]);
    expect(columnsToRows(itemViewDays({sessions, reviewerIds, detailed: 0}))).toEqual([
      {reviewer_id: null, date: "2025-03-01", next_date: "2025-03-03", n: 1},
      {reviewer_id: null, date: "2025-03-03", next_date: null, n: 1}
    ]);
  });
});
