import {formatDay} from "../core/format.js";
import {DECISION_KEYS} from "../core/constants.js";
import type {Columns} from "../io/schema.js";
import {DAY_COLUMNS, type DayColumn} from "../moderation/moderatorDays.js";
import type {ModeratorSessions} from "./sessions.js";

/**
 * The moderator page's aggregates of every session (never sampled), so that its cards hold at any
 * scale: per moderator and UTC day of session start, the session totals (moderator_days); and per
 * moderator (and for the team) the days each content item was viewed (item_view_days), which give the
 * distinct items of any range of days. src/moderation/moderatorDays.ts sums them over a range.
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
