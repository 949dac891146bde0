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

const DAY = 86_400_000;

/** Monday 00:00 UTC of the week containing t. */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  // 1970-01-01 was a Thursday: (days + 3) mod 7 counts days since Monday.
  const sinceMonday = (((Math.floor(t / DAY) + 3) % 7) + 7) % 7;
  return day - sinceMonday * DAY;
}

export function summarizeWeeks(sessions: readonly SessionRow[], qa: readonly QaRow[]): WeekSummary[] {
  const qaBySession = new Map(qa.map((q) => [q.session_id, q]));
  const weeks = new Map<number, {sessions: number; seconds: number; idle: number; cases: number; checked: number; correct: number}>();
  for (const s of sessions) {
    const w = weekStart(+s.start_ts);
    let a = weeks.get(w);
    if (!a) weeks.set(w, (a = {sessions: 0, seconds: 0, idle: 0, cases: 0, checked: 0, correct: 0}));
    a.sessions++;
    a.seconds += s.duration_s;
    a.idle += s.idle_inactivity_s + s.idle_pause_s;
    a.cases += s.cases;
    const q = qaBySession.get(s.session_id);
    if (q) {
      a.checked += q.cases_checked;
      a.correct += q.cases_correct;
    }
  }
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
