import type {QaRow, SessionRow} from "./summarizeSessions.js";

/** Sums over a group of moderator sessions, with the QA checks of those sessions. */
export interface SessionTotals {
  sessions: number;
  /** Session time, seconds. */
  seconds: number;
  /** Idle time of both kinds (inactivity and pause), seconds. */
  idle: number;
  cases: number;
  checked: number;
  correct: number;
}

export const emptyTotals = (): SessionTotals => ({sessions: 0, seconds: 0, idle: 0, cases: 0, checked: 0, correct: 0});

/** The sessions' totals grouped by `keyOf` (a moderator, a week, ...), in one pass. */
export function sessionTotals<K>(sessions: readonly SessionRow[], qa: readonly QaRow[], keyOf: (s: SessionRow) => K): Map<K, SessionTotals> {
  const qaBySession = new Map(qa.map((q) => [q.session_id, q]));
  const totals = new Map<K, SessionTotals>();
  for (const s of sessions) {
    const key = keyOf(s);
    let a = totals.get(key);
    if (!a) totals.set(key, (a = emptyTotals()));
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
  return totals;
}
