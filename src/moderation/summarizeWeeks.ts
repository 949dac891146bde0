import {DAY_MS as DAY} from "../core/constants.js";
import {sessionTotals, type SessionTotals} from "./sessionTotals.js";
import type {QaRow, SessionRow} from "./summarizeSessions.js";

/**
 * Weekly throughput and quality of a set of sessions (a session belongs to the ISO week, Monday to
 * Sunday UTC, in which it started): decisions per hour of session time, QA pass rate against ground
 * truth, idle share.
 */

export interface WeekSummary {
  /** Monday of the week, epoch ms (UTC midnight). */
  week: number;
  sessions: number;
  hours: number;
  cases: number;
  decisionsPerHour: number;
  checked: number;
  correct: number;
  qaPass: number;
  idleShare: number;
}

/** Monday 00:00 UTC of the week containing t. */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  // 1970-01-01 was a Thursday: (days + 3) mod 7 counts days since Monday.
  const sinceMonday = (((Math.floor(t / DAY) + 3) % 7) + 7) % 7;
  return day - sinceMonday * DAY;
}

export function summarizeWeeks(sessions: readonly SessionRow[], qa: readonly QaRow[]): WeekSummary[] {
  return weeksOf(sessionTotals(sessions, qa, (s) => weekStart(+s.start_ts)));
}

/** The weekly summaries of totals keyed by each week's Monday (from sessionTotals or dayTotals). */
export function weeksOf(weeks: Map<number, SessionTotals>): WeekSummary[] {
  return [...weeks]
    .sort((a, b) => a[0] - b[0])
    .map(([week, a]) => ({
      week,
      sessions: a.sessions,
      hours: a.seconds / 3600,
      cases: a.cases,
      decisionsPerHour: a.seconds > 0 ? a.cases / (a.seconds / 3600) : NaN,
      checked: a.checked,
      correct: a.correct,
      qaPass: a.checked > 0 ? a.correct / a.checked : NaN,
      idleShare: a.seconds > 0 ? a.idle / a.seconds : NaN
    }));
}
