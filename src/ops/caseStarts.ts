import {nextOnShift} from "../core/shifts.js";
import {rosterShifts, type RosterRow} from "./roster.js";
import {epochMs as ms} from "../core/calendar.js";

/**
 * When each human-reviewed case was opened. The flags table publishes when a case arrived (ts) and
 * when it was decided, not when a reviewer picked it up; the queue's rules recover it. A reviewer
 * works one case at a time and takes the next one as soon as they are free and on shift, so a case
 * starts at the latest of: its arrival, its reviewer's previous decision, and the start of the
 * reviewer's next stint on shift. Cases must include every case of each reviewer (not a date
 * window), or the previous decision is missing.
 */
export interface QueueCase {
  ts: Date | number;
  decided_ts: Date | number;
  reviewer_id: string | null;
}

/** Start (ms) of each case, NaN for cases without a reviewer in the roster. */
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
