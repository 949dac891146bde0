import type {QueueCase} from "./caseStarts.js";
import {rosterShifts, stints, type RosterRow} from "./roster.js";
import {epochMs as ms} from "../core/calendar.js";
import {HOUR_MS as HOUR} from "../core/constants.js";

/**
 * Per-reviewer utilisation over a period: hours with a case open (from its start to its decision)
 * inside productive time, against productive hours (the shift minus its breaks, meal, wellness,
 * training and meetings: the shrinkage). A case opened just before a break or the shift's end is
 * finished first; that part is overtime, counted apart, so utilisation is at most 100%.
 */
export interface ReviewerLoad {
  reviewer_id: string;
  /** Cases decided in the period. */
  cases: number;
  scheduledHours: number;
  /** Of the scheduled hours, those not planned off the queue. */
  productiveHours: number;
  /** Hours with a case open, within the period. */
  busyHours: number;
  /** Of those, hours outside the reviewer's productive time. */
  overtimeHours: number;
  /** (busyHours - overtimeHours) / productiveHours. */
  utilisation: number;
  /** Cases decided per productive hour. */
  casesPerHour: number;
}

export function reviewerUtilisation(cases: readonly QueueCase[], starts: ArrayLike<number>, roster: readonly RosterRow[], from: number, to: number): ReviewerLoad[] {
  if (!(to > from)) throw new Error(`invalid period: ${from} to ${to}`);
  const shifts = rosterShifts(roster);
  const open = new Map<string, [number, number][]>();
  const decided = new Map<string, number>();
  cases.forEach((c, i) => {
    if (c.reviewer_id == null || !Number.isFinite(starts[i])) return;
    const a = Math.max(from, starts[i]);
    const b = Math.min(to, ms(c.decided_ts));
    if (b > a) {
      let list = open.get(c.reviewer_id);
      if (!list) open.set(c.reviewer_id, (list = []));
      list.push([a, b]);
    }
    const d = ms(c.decided_ts);
    if (d >= from && d < to) decided.set(c.reviewer_id, (decided.get(c.reviewer_id) ?? 0) + 1);
  });
  return roster.map((r) => {
    const shift = shifts.get(r.reviewer_id)!;
    const on = stints(shift, from, to);
    const productive = on.reduce((s, [a, b]) => s + b - a, 0);
    const scheduled = stints({...shift, breaks: undefined}, from, to).reduce((s, [a, b]) => s + b - a, 0);
    const intervals = (open.get(r.reviewer_id) ?? []).sort((x, y) => x[0] - y[0]);
    let busy = 0;
    let inside = 0;
    let j = 0;
    for (const [a, b] of intervals) {
      busy += b - a;
      while (j < on.length && on[j][1] <= a) j++;
      for (let k = j; k < on.length && on[k][0] < b; k++) inside += Math.max(0, Math.min(b, on[k][1]) - Math.max(a, on[k][0]));
    }
    const n = decided.get(r.reviewer_id) ?? 0;
    return {
      reviewer_id: r.reviewer_id,
      cases: n,
      scheduledHours: scheduled / HOUR,
      productiveHours: productive / HOUR,
      busyHours: busy / HOUR,
      overtimeHours: (busy - inside) / HOUR,
      utilisation: productive > 0 ? inside / productive : NaN,
      casesPerHour: productive > 0 ? n / (productive / HOUR) : NaN
    };
  });
}
