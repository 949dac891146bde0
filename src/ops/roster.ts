import {nextOnShift, type Shift} from "../world/queue.js";
import {HOUR_MS as HOUR} from "../world/constants.js";

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
  for (const r of roster) shifts.set(r.reviewer_id, {startHour: r.shift_start_hour, hours: r.shift_hours, workdays: parseWorkdays(r.workdays)});
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

/** Scheduled hours a week of each reviewer, and the team's mean number of reviewers on shift at once. */
export function rosterCoverage(roster: readonly RosterRow[]): {reviewers: number; weeklyHours: number; meanOnShift: number} {
  if (roster.length === 0) return {reviewers: 0, weeklyHours: NaN, meanOnShift: 0};
  const total = roster.reduce((s, r) => s + r.shift_hours * parseWorkdays(r.workdays).filter(Boolean).length, 0);
  return {reviewers: roster.length, weeklyHours: total / roster.length, meanOnShift: total / 168};
}

/** Team size that puts `onShift` reviewers on shift at once on average, at `weeklyHours` each. */
export function headcountFor(onShift: number, weeklyHours: number): number {
  if (!(weeklyHours > 0)) throw new Error(`invalid weekly hours: ${weeklyHours}`);
  return Math.ceil((onShift * 168) / weeklyHours - 1e-9);
}

export {HOUR};
