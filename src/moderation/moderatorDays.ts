import {formatDay} from "../core/format.js";
import {DECISION_KEYS, ITEM_STATUSES} from "../core/constants.js";
import {emptyTotals, type SessionTotals} from "./sessionTotals.js";
import {moderatorsOf, type ModeratorRow, type ReviewerRow} from "./summarizeModerators.js";
import {weekStart, weeksOf, type WeekSummary} from "./summarizeWeeks.js";

/**
 * The moderator page's cards from aggregates of every session (never sampled), so that they hold at any
 * scale: the published moderator_days and item_view_days (built from the world's sessions by
 * src/world/moderatorTables.ts) summed over any range of days, for the team or one moderator.
 */

/** moderator_days' columns after date and reviewer_id, in order; the ones in seconds are kept to 0.1 s. */
export const DAY_COLUMNS = ["sessions", "session_s", "item_views", "cases", "idle_inactivity_s", "idle_pause_s", "idle_periods", "qa_checked", "qa_correct", "views_completed", "views_partial", "views_not_started", "views_accept", "views_reject", "views_none", "views_muted"] as const;
export type DayColumn = (typeof DAY_COLUMNS)[number];
// Item views by status and key are counted at views_<first> + the index into ITEM_STATUSES or DECISION_KEYS.
if (ITEM_STATUSES.some((k, i) => DAY_COLUMNS[9 + i] !== `views_${k}`) || DECISION_KEYS.some((k, i) => DAY_COLUMNS[12 + i] !== `views_${k}`)) throw new Error("moderator_days columns out of step with ITEM_STATUSES or DECISION_KEYS");
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
  /** Null where the imported data lacks what they need (flags.is_violation, session_items.sound_muted). */
  qa_checked: number | null;
  qa_correct: number | null;
  views_completed: number;
  views_partial: number;
  views_not_started: number;
  views_accept: number;
  views_reject: number;
  views_none: number;
  views_muted: number | null;
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
  /** Item views muted and with sound; null when the data does not record the sound (an import without session_items.sound_muted). */
  sound: {muted: boolean; count: number}[] | null;
  mutedShare: number;
  idlePeriods: number;
  idleSeconds: {inactivity: number; pause: number};
  idleShare: number;
}

const dayOf = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : formatDay(d.getTime()));
const within = (d: string | Date, {from, to}: {from: string; to: string}) => dayOf(d) >= from && dayOf(d) <= to;

/** Sums of the day rows' columns; NaN for a column a row does not know (null: the imported data lacks it). */
function sumDays(rows: readonly DayRow[]): Record<DayColumn, number> {
  const sum = Object.fromEntries(DAY_COLUMNS.map((c) => [c, 0])) as Record<DayColumn, number>;
  for (const r of rows) for (const c of DAY_COLUMNS) sum[c] += r[c] ?? NaN;
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
    sound: Number.isNaN(t.views_muted) ? null : [{muted: true, count: t.views_muted}, {muted: false, count: views - t.views_muted}],
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
    a.checked += d.qa_checked ?? NaN;
    a.correct += d.qa_correct ?? NaN;
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
