import {nextOnShift} from "../core/shifts.js";
import {rosterShifts, type RosterRow} from "./roster.js";
import {epochMs as ms} from "../core/calendar.js";

/**
 * When each human-reviewed case was opened. The flags table publishes it (opened_ts; null where an
 * import gives neither it nor the reviewers' shifts), and rows from elsewhere may not carry it. Where a
 * row lacks it, the queue's rules estimate it (caseStarts).
 */
export interface QueueCase {
  ts: Date | number;
  decided_ts: Date | number;
  reviewer_id: string | null;
  /** When a reviewer opened the case, where the rows carry it (null, NaN or absent where not). */
  opened_ts?: Date | number | null;
}

/** Start (ms) of each case: its published opened_ts, else caseStarts' estimate (NaN where there is neither). */
export function openedTimes(cases: readonly QueueCase[], roster: Iterable<RosterRow>): Float64Array {
  const opened = Float64Array.from(cases, (c) => (c.opened_ts == null ? NaN : ms(c.opened_ts)));
  if (opened.every(Number.isFinite)) return opened;
  const estimate = caseStarts(cases, roster);
  return opened.map((t, i) => (Number.isFinite(t) ? t : estimate[i]));
}

/**
 * The estimate of when each case was opened, from when it arrived (ts), when it was decided and by
 * whom, under the queue's rules: a reviewer works one case at a time and takes the next one as soon as
 * they are free and on shift, so a case starts at the latest of: its arrival, its reviewer's previous
 * decision, and the start of the reviewer's next stint on shift. That is the earliest the case can have
 * been opened, and the true time only where no reviewer idles while a case they read waits (a
 * work-conserving queue). Cases must include every case of each reviewer (not a date window, nor a
 * sample), or the previous decision is missing.
 */
/** Estimated start (ms) of each case, NaN for cases without a reviewer in the roster. */
export function caseStarts(cases: readonly QueueCase[], roster: Iterable<RosterRow>): Float64Array {
  const shifts = rosterShifts(roster);
  const starts = new Float64Array(cases.length).fill(NaN);
  const byReviewer = new Map<string, number[]>();
  cases.forEach((c, i) => {
    if (c.reviewer_id == null || !shifts.has(c.reviewer_id)) return;
    let list = byReviewer.get(c.reviewer_id);
    if (!list) byReviewer.set(c.reviewer_id, (list = []));
    list.push(i);
  });
  for (const [reviewer, list] of byReviewer) {
    const shift = shifts.get(reviewer)!;
    list.sort((a, b) => ms(cases[a].decided_ts) - ms(cases[b].decided_ts) || ms(cases[a].ts) - ms(cases[b].ts));
    let free = -Infinity;
    for (const i of list) {
      starts[i] = nextOnShift(shift, Math.max(free, ms(cases[i].ts))).from;
      free = ms(cases[i].decided_ts);
    }
  }
  return starts;
}
