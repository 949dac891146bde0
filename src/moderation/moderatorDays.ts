import {formatDay} from "../core/format.js";
import type {Columns} from "../io/schema.js";
import {DECISION_KEYS, ITEM_STATUSES, type ModeratorSessions} from "../world/sessions.js";
import {emptyTotals, type SessionTotals} from "./sessionTotals.js";
import {moderatorsOf, type ModeratorRow, type ReviewerRow} from "./summarizeModerators.js";
import {weekStart, weeksOf, type WeekSummary} from "./summarizeWeeks.js";

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
const DAY = 86_400_000;

/**
 * Who a session's figures go to, as slots: 0 the team, r + 1 its moderator r when they have rows of
 * their own. Slots sort as the published rows do: the team first, then reviewers in id order.
 */
function slotsOf(reviewer: number, {reviewerIds, detailed = reviewerIds.length}: Pick<DaysInput, "reviewerIds" | "detailed">): number[] {
  return reviewer < detailed ? [0, reviewer + 1] : [0];
}

/** Each session's UTC day, as days since the epoch. */
const sessionDays = (start: ArrayLike<number>) => Int32Array.from(start as ArrayLike<number>, (t) => Math.floor(t / DAY));
const dayText = (day: number) => formatDay(day * DAY);

/** moderator_days' columns after date and reviewer_id, in order; the ones in seconds are kept to 0.1 s. */
export const DAY_COLUMNS = ["sessions", "session_s", "item_views", "cases", "idle_inactivity_s", "idle_pause_s", "idle_periods", "qa_checked", "qa_correct", "views_completed", "views_partial", "views_not_started", "views_accept", "views_reject", "views_none", "views_muted"] as const;
type DayColumn = (typeof DAY_COLUMNS)[number];
// Item views by status and key are counted at views_<first> + the index into ITEM_STATUSES or DECISION_KEYS.
if (ITEM_STATUSES.some((k, i) => DAY_COLUMNS[9 + i] !== `views_${k}`) || DECISION_KEYS.some((k, i) => DAY_COLUMNS[12 + i] !== `views_${k}`)) throw new Error("moderator_days columns out of step with ITEM_STATUSES or DECISION_KEYS");
const col = Object.fromEntries(DAY_COLUMNS.map((c, k) => [c, k])) as Record<DayColumn, number>;
const SECONDS = new Set([col.session_s, col.idle_inactivity_s, col.idle_pause_s]);

/**
 * One row per day and moderator (reviewer_id null: the whole team) with sessions started that day:
 * sessions, seconds, views, decisions, idle time, decisions checked against the truth, and item views by
 * completion, key pressed and sound.
 */
export function moderatorDays(input: DaysInput): Columns {
  const {sessions: {sessions: s, items, idle}, isViolation, reviewerIds} = input;
  const slots = reviewerIds.length + 1;
  const day = sessionDays(s.start);
  const rows = new Map<number, Float64Array>();
  const add = (session: number, k: number, x = 1) => {
    for (const slot of slotsOf(s.reviewer[session], input)) {
      const key = day[session] * slots + slot;
      (rows.get(key) ?? rows.set(key, new Float64Array(DAY_COLUMNS.length)).get(key)!)[k] += x;
    }
  };
  for (let i = 0; i < s.length; i++) {
    [1, tenth(s.durationS[i]), s.items[i], s.cases[i], tenth(s.idleInactivityS[i]), tenth(s.idlePauseS[i])].forEach((x, k) => add(i, k, x));
  }
  for (let i = 0; i < idle.length; i++) add(idle.session[i], col.idle_periods);
  for (let i = 0; i < items.length; i++) {
    add(items.session[i], col.views_completed + items.status[i]);
    add(items.session[i], col.views_accept + items.decision[i]);
    if (items.soundMuted[i]) add(items.session[i], col.views_muted);
    if (items.decision[i] === NONE || items.flag[i] < 0) continue;
    add(items.session[i], col.qa_checked);
    if ((items.decision[i] === ACCEPT) === (isViolation[items.flag[i]] === 1)) add(items.session[i], col.qa_correct);
  }
  const keys = [...rows.keys()].sort((a, b) => a - b);
  const out: Columns = {date: keys.map((k) => dayText(Math.floor(k / slots))), reviewer_id: keys.map((k) => (k % slots === 0 ? null : reviewerIds[(k % slots) - 1]))};
  DAY_COLUMNS.forEach((name, k) => (out[name] = keys.map((key) => (SECONDS.has(k) ? tenth(rows.get(key)![k]) : rows.get(key)![k]))));
  return out;
}

/**
 * Per moderator (and for the team, reviewer_id null) and day an item was viewed: how many items were
 * next viewed on which later day (null: never again). The distinct items of a range of days are the
 * rows dated in it whose next view falls after it: each item is counted on its last view in range.
 */
export function itemViewDays(input: Omit<DaysInput, "isViolation">): Columns {
  const {sessions: {sessions: s, items}, reviewerIds} = input;
  const slots = reviewerIds.length + 1;
  const day = sessionDays(s.start);
  // The views in day order (a stable counting sort), so that each item's next view day follows its last.
  let [first, lastDay] = [Infinity, -Infinity];
  for (const d of day) [first, lastDay] = [Math.min(first, d), Math.max(lastDay, d)];
  const span = Math.max(1, lastDay - first + 1);
  const order = countingSort(items.length, span, (i) => day[items.session[i]] - first);
  const last = new Map<number, number>();
  const counts = new Map<number, number>();
  // A row key: slot, view day and next view day (0: none, else the day's offset + 1).
  const count = (slot: number, d: number, next: number) => {
    const key = (slot * span + d) * (span + 1) + next;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const i of order) {
    const d = day[items.session[i]] - first;
    for (const slot of slotsOf(s.reviewer[items.session[i]], input)) {
      const key = items.content[i] * slots + slot;
      const before = last.get(key);
      if (before === d) continue;
      if (before !== undefined) count(slot, before, d + 1);
      last.set(key, d);
    }
  }
  for (const [key, d] of last) count(key % slots, d, 0);
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const next = (k: number) => k % (span + 1);
  const view = (k: number) => Math.floor(k / (span + 1));
  return {
    reviewer_id: keys.map((k) => (Math.floor(view(k) / span) === 0 ? null : reviewerIds[Math.floor(view(k) / span) - 1])),
    date: keys.map((k) => dayText(first + (view(k) % span))),
    next_date: keys.map((k) => (next(k) === 0 ? null : dayText(first + next(k) - 1))),
    n: keys.map((k) => counts.get(k)!)
  };
}

/** Indexes 0..n-1 ordered by bucket(i) in [0, buckets), stably. */
function countingSort(n: number, buckets: number, bucket: (i: number) => number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[bucket(i) + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[start[bucket(i)]++] = i;
  return out;
}

export interface DayRow {
  date: string | Date;
  reviewer_id: string | null;
  sessions: number;
  session_s: number;
  item_views: number;
  cases: number;
  idle_inactivity_s: number;
  idle_pause_s: number;
  idle_periods: number;
  qa_checked: number;
  qa_correct: number;
  views_completed: number;
  views_partial: number;
  views_not_started: number;
  views_accept: number;
  views_reject: number;
  views_none: number;
  views_muted: number;
}

export interface ViewDayRow {
  reviewer_id: string | null;
  date: string | Date;
  next_date: string | Date | null;
  n: number;
}

/** The page's figures over a range (summarizeSessions' names), for one moderator or the team. */
export interface DayTotals {
  sessions: number;
  hours: number;
  itemViews: number;
  uniqueItems: number;
  cases: number;
  decisionsPerHour: number;
  checked: number;
  correct: number;
  status: {status: string; count: number}[];
  decisions: {decision: string; count: number}[];
  sound: {muted: boolean; count: number}[];
  mutedShare: number;
  idlePeriods: number;
  idleSeconds: {inactivity: number; pause: number};
  idleShare: number;
}

const dayOf = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : formatDay(d.getTime()));
const within = (d: string | Date, {from, to}: {from: string; to: string}) => dayOf(d) >= from && dayOf(d) <= to;

/** Sums of the day rows' columns. */
function sumDays(rows: readonly DayRow[]): Record<DayColumn, number> {
  const sum = Object.fromEntries(DAY_COLUMNS.map((c) => [c, 0])) as Record<DayColumn, number>;
  for (const r of rows) for (const c of DAY_COLUMNS) sum[c] += r[c];
  return sum;
}

/** Distinct items viewed in the range: each counted on its last view day in it. */
function uniqueItems(viewDays: readonly ViewDayRow[], range: {from: string; to: string}, reviewer: string | null): number {
  let n = 0;
  for (const v of viewDays) if (v.reviewer_id === reviewer && within(v.date, range) && (v.next_date === null || dayOf(v.next_date) > range.to)) n += v.n;
  return n;
}

/** The page's figures over a range of days, for one moderator with rows of their own or (reviewer null) the team. */
export function summarizeDays(days: readonly DayRow[], viewDays: readonly ViewDayRow[], range: {from: string; to: string}, reviewer: string | null = null): DayTotals {
  const t = sumDays(days.filter((d) => d.reviewer_id === reviewer && within(d.date, range)));
  const hours = t.session_s / 3600;
  const views = t.item_views;
  return {
    sessions: t.sessions,
    hours,
    itemViews: views,
    uniqueItems: uniqueItems(viewDays, range, reviewer),
    cases: t.cases,
    decisionsPerHour: hours > 0 ? t.cases / hours : NaN,
    checked: t.qa_checked,
    correct: t.qa_correct,
    status: ITEM_STATUSES.map((k) => ({status: k, count: t[`views_${k}` as DayColumn]})),
    decisions: DECISION_KEYS.map((k) => ({decision: k, count: t[`views_${k}` as DayColumn]})),
    sound: [{muted: true, count: t.views_muted}, {muted: false, count: views - t.views_muted}],
    mutedShare: views > 0 ? t.views_muted / views : NaN,
    idlePeriods: t.idle_periods,
    idleSeconds: {inactivity: t.idle_inactivity_s, pause: t.idle_pause_s},
    idleShare: t.session_s > 0 ? (t.idle_inactivity_s + t.idle_pause_s) / t.session_s : NaN
  };
}

/** The day rows' totals grouped by `keyOf` (a moderator, a week), as sessionTotals groups sessions. */
export function dayTotals<K>(days: readonly DayRow[], keyOf: (d: DayRow) => K): Map<K, SessionTotals> {
  const totals = new Map<K, SessionTotals>();
  for (const d of days) {
    const key = keyOf(d);
    const a = totals.get(key) ?? totals.set(key, emptyTotals()).get(key)!;
    a.sessions += d.sessions;
    a.seconds += d.session_s;
    a.idle += d.idle_inactivity_s + d.idle_pause_s;
    a.cases += d.cases;
    a.checked += d.qa_checked;
    a.correct += d.qa_correct;
  }
  return totals;
}

/** Weekly throughput and QA over the range (summarizeWeeks' rows), for one moderator or the team. */
export function weeksOver(days: readonly DayRow[], range: {from: string; to: string}, reviewer: string | null = null): WeekSummary[] {
  const kept = days.filter((d) => d.reviewer_id === reviewer && within(d.date, range));
  return weeksOf(dayTotals(kept, (d) => weekStart(Date.parse(`${dayOf(d.date)}T00:00:00Z`))));
}

/** One row per listed reviewer over the range (summarizeModerators' rows). */
export function moderatorsOver(days: readonly DayRow[], range: {from: string; to: string}, reviewers: readonly ReviewerRow[]): ModeratorRow[] {
  return moderatorsOf(dayTotals(days.filter((d) => d.reviewer_id !== null && within(d.date, range)), (d) => d.reviewer_id), reviewers);
}
