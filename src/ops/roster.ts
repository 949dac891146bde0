import {nextOnShift, type Shift} from "../core/shifts.js";
import {HOUR_MS as HOUR} from "../core/constants.js";
import {REVIEW, SHRINKAGE} from "../core/params.js";
import {toDay} from "./range.js";

/**
 * The review team's roster as published in the reviewers table: each reviewer's shift start (UTC
 * hour), length and workdays. The shift calendar is the queue simulation's own (`nextOnShift`).
 */
export interface RosterRow {
  reviewer_id: string;
  shift_start_hour: number;
  shift_hours: number;
  /** Days worked, e.g. "Mon Tue Wed Thu Fri". */
  workdays: string;
  /** First UTC day on the queue (absent: from the start). */
  first_day?: Date | string | null;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Mon Tue Wed" → workdays indexed by UTC day of week (0 = Sunday). */
export function parseWorkdays(text: string): boolean[] {
  const names = text.split(/[\s,]+/).filter(Boolean);
  for (const n of names) if (!DAYS.includes(n)) throw new Error(`invalid workday: ${JSON.stringify(n)} (expected ${DAYS.join(", ")})`);
  return DAYS.map((d) => names.includes(d));
}

export function rosterShifts(roster: Iterable<RosterRow>): Map<string, Shift> {
  const shifts = new Map<string, Shift>();
  for (const r of roster) {
    // Every shift of the standard length has the same breaks (REVIEW.breaks): the shrinkage.
    const breaks = r.shift_hours === REVIEW.shiftHours ? REVIEW.breaks : undefined;
    const from = r.first_day == null ? undefined : Date.parse(`${toDay(r.first_day)}T00:00:00Z`);
    shifts.set(r.reviewer_id, {startHour: r.shift_start_hour, hours: r.shift_hours, workdays: parseWorkdays(r.workdays), breaks, from});
  }
  return shifts;
}

/** On-shift stints of a shift that overlap [from, to) in ms, clipped to it. */
export function stints(shift: Shift, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let t = from;
  while (t < to) {
    const {from: a, until: b} = nextOnShift(shift, t);
    if (a >= to) break;
    out.push([a, Math.min(b, to)]);
    t = b;
  }
  return out;
}

/**
 * Scheduled hours a week of each reviewer, the team's mean number of reviewers on shift at once, and
 * of those the mean number productive (on shift x (1 - shrinkage)).
 */
export function rosterCoverage(roster: readonly RosterRow[], shrinkage: number = SHRINKAGE): {reviewers: number; weeklyHours: number; meanOnShift: number; meanProductive: number} {
  checkShrinkage(shrinkage);
  if (roster.length === 0) return {reviewers: 0, weeklyHours: NaN, meanOnShift: 0, meanProductive: 0};
  const total = roster.reduce((s, r) => s + r.shift_hours * parseWorkdays(r.workdays).filter(Boolean).length, 0);
  return {reviewers: roster.length, weeklyHours: total / roster.length, meanOnShift: total / 168, meanProductive: (total / 168) * (1 - shrinkage)};
}

/**
 * Team size that puts `productive` reviewers on the queue at once on average, at `weeklyHours` each
 * with a `shrinkage` share of them off the queue: productive / (1 - shrinkage) on shift.
 */
export function headcountFor(productive: number, weeklyHours: number, shrinkage = 0): number {
  if (!(weeklyHours > 0)) throw new Error(`invalid weekly hours: ${weeklyHours}`);
  checkShrinkage(shrinkage);
  return Math.ceil((productive * 168) / (weeklyHours * (1 - shrinkage)) - 1e-9);
}

function checkShrinkage(shrinkage: number): void {
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new Error(`invalid shrinkage: ${shrinkage} (expected a share in [0, 1))`);
}

export {HOUR};
