import {formatDay} from "../core/format.js";
import type {Columns} from "../io/schema.js";
import {DECISION_KEYS, type ModeratorSessions} from "../world/sessions.js";

/**
 * The moderator page's cards from aggregates of every session (never sampled), so that they hold at any
 * scale: per moderator and UTC day of session start, the session totals; and per moderator (and for the
 * team) the days each content item was viewed, which give the distinct items of any range of days.
 */

interface DaysInput {
  sessions: ModeratorSessions;
  /** Ground truth per flag (1 = violation), indexed by flag. */
  isViolation: ArrayLike<number>;
  /** Reviewer ids, indexed by the sessions' reviewer. */
  reviewerIds: readonly string[];
  /** Moderators with rows of their own: the first `detailed` (all of them by default); the team rows count everyone. */
  detailed?: number;
}

const ACCEPT = DECISION_KEYS.indexOf("accept");
const NONE = DECISION_KEYS.indexOf("none");
const tenth = (x: number) => Math.round(x * 10) / 10;
const TEAM = "";

/** Who a session's figures go to: the team, and its moderator when they have rows of their own. */
function whoOf(reviewer: number, {reviewerIds, detailed = reviewerIds.length}: Pick<DaysInput, "reviewerIds" | "detailed">): string[] {
  return reviewer < detailed ? [TEAM, reviewerIds[reviewer]] : [TEAM];
}

/**
 * One row per day and moderator (reviewer_id null: the whole team) with sessions started that day:
 * sessions, seconds, views, decisions, idle seconds and decisions checked against the truth.
 */
export function moderatorDays(input: DaysInput): Columns {
  const {sessions: {sessions: s, items}, isViolation} = input;
  const rows = new Map<string, number[]>();
  const rowsOf = (session: number) =>
    whoOf(s.reviewer[session], input).map((who) => {
      const key = `${formatDay(s.start[session])}|${who}`;
      return rows.get(key) ?? rows.set(key, [0, 0, 0, 0, 0, 0, 0, 0]).get(key)!;
    });
  for (let i = 0; i < s.length; i++) {
    const add = [1, tenth(s.durationS[i]), s.items[i], s.cases[i], tenth(s.idleInactivityS[i]), tenth(s.idlePauseS[i])];
    for (const r of rowsOf(i)) add.forEach((x, k) => (r[k] += x));
  }
  for (let i = 0; i < items.length; i++) {
    if (items.decision[i] === NONE || items.flag[i] < 0) continue;
    const correct = (items.decision[i] === ACCEPT) === (isViolation[items.flag[i]] === 1);
    for (const r of rowsOf(items.session[i])) (r[6]++, (r[7] += correct ? 1 : 0));
  }
  const keys = [...rows.keys()].sort();
  const col = (k: number, round = false) => keys.map((key) => (round ? tenth(rows.get(key)![k]) : rows.get(key)![k]));
  return {
    date: keys.map((k) => k.slice(0, 10)),
    reviewer_id: keys.map((k) => k.slice(11) || null),
    sessions: col(0),
    session_s: col(1, true),
    item_views: col(2),
    cases: col(3),
    idle_inactivity_s: col(4, true),
    idle_pause_s: col(5, true),
    qa_checked: col(6),
    qa_correct: col(7)
  };
}

/**
 * Per moderator (and for the team, reviewer_id null) and day an item was viewed: how many items were
 * next viewed on which later day (null: never again). The distinct items of a range of days are the
 * rows dated in it whose next view falls after it: each item is counted on its last view in range.
 */
export function itemViewDays(input: Omit<DaysInput, "isViolation">): Columns {
  const {sessions: {sessions: s, items}} = input;
  const viewed = new Map<string, Set<string>>();
  for (let i = 0; i < items.length; i++) {
    const d = formatDay(s.start[items.session[i]]);
    for (const who of whoOf(s.reviewer[items.session[i]], input)) {
      const key = `${who}|${items.content[i]}`;
      (viewed.get(key) ?? viewed.set(key, new Set()).get(key)!).add(d);
    }
  }
  const counts = new Map<string, number>();
  for (const [key, days] of viewed) {
    const who = key.slice(0, key.indexOf("|"));
    const sorted = [...days].sort();
    sorted.forEach((d, k) => {
      const row = `${who}|${d}|${sorted[k + 1] ?? ""}`;
      counts.set(row, (counts.get(row) ?? 0) + 1);
    });
  }
  const keys = [...counts.keys()].sort();
  const part = (k: string) => k.split("|");
  return {
    reviewer_id: keys.map((k) => part(k)[0] || null),
    date: keys.map((k) => part(k)[1]),
    next_date: keys.map((k) => part(k)[2] || null),
    n: keys.map((k) => counts.get(k)!)
  };
}

export interface DayRow {
  date: string | Date;
  reviewer_id: string | null;
  sessions: number;
  session_s: number;
  item_views: number;
  cases: number;
  qa_checked: number;
  qa_correct: number;
}

export interface ViewDayRow {
  reviewer_id: string | null;
  date: string | Date;
  next_date: string | Date | null;
  n: number;
}

export interface DayTotals {
  sessions: number;
  hours: number;
  itemViews: number;
  uniqueItems: number;
  cases: number;
  decisionsPerHour: number;
  checked: number;
  correct: number;
}

const dayOf = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : formatDay(d.getTime()));

/** The cards' totals over a range of days, for one moderator with rows of their own or (reviewer null) the team. */
export function summarizeDays(days: readonly DayRow[], viewDays: readonly ViewDayRow[], {from, to}: {from: string; to: string}, reviewer: string | null = null): DayTotals {
  const t = {sessions: 0, seconds: 0, itemViews: 0, cases: 0, checked: 0, correct: 0};
  for (const d of days) {
    const day = dayOf(d.date);
    if (day < from || day > to || d.reviewer_id !== reviewer) continue;
    t.sessions += d.sessions;
    t.seconds += d.session_s;
    t.itemViews += d.item_views;
    t.cases += d.cases;
    t.checked += d.qa_checked;
    t.correct += d.qa_correct;
  }
  let uniqueItems = 0;
  for (const v of viewDays) {
    const day = dayOf(v.date);
    if (v.reviewer_id !== reviewer || day < from || day > to) continue;
    if (v.next_date === null || dayOf(v.next_date) > to) uniqueItems += v.n;
  }
  const hours = t.seconds / 3600;
  return {sessions: t.sessions, hours, itemViews: t.itemViews, uniqueItems, cases: t.cases, decisionsPerHour: hours > 0 ? t.cases / hours : NaN, checked: t.checked, correct: t.correct};
}
