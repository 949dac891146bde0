import {DAY_MS as DAY, HOUR_MS as HOUR} from "./constants.js";

/**
 * Shift arithmetic: a reviewer's rostered shift, its productive stretches (the shift minus its
 * scheduled time off the queue) and the next moment it is on. The queue simulation and the ops pages'
 * roster and staffing figures both read shifts this way.
 */

export interface Shift {
  /** UTC hour the shift starts. */
  startHour: number;
  hours: number;
  /** Workdays, indexed by UTC day of week (0 = Sunday). */
  workdays: readonly boolean[];
  /**
   * Time off the queue inside the shift (breaks, meal, wellness, training and meetings): [hours after
   * the shift starts, length in hours], ordered and inside the shift. Without it the whole shift is productive.
   */
  breaks?: readonly (readonly [number, number])[];
  /** First moment (ms) the reviewer works the queue (hired or moved onto it); without it, always. */
  from?: number;
}

/** The productive stretches of a shift, in hours after its start: the shift minus its breaks. */
const segmentCache = new WeakMap<Shift, [number, number][]>();
export function productiveSegments(shift: Shift): [number, number][] {
  let out = segmentCache.get(shift);
  if (out) return out;
  out = [];
  let at = 0;
  for (const [offset, length] of shift.breaks ?? []) {
    if (!(offset >= at && length > 0 && offset + length <= shift.hours)) throw new Error(`invalid break: ${offset} h for ${length} h in a ${shift.hours} h shift`);
    if (offset > at) out.push([at, offset]);
    at = offset + length;
  }
  if (at < shift.hours) out.push([at, shift.hours]);
  segmentCache.set(shift, out);
  return out;
}

/**
 * The earliest time at or after t when the shift is on and productive (outside its breaks), and when
 * that stint ends (at the next break or the shift's end).
 */
export function nextOnShift(shift: Shift, t: number): {from: number; until: number} {
  const segments = productiveSegments(shift);
  if (shift.from !== undefined && t < shift.from) t = shift.from;
  // A shift may have started the previous day and still be running.
  const first = Math.floor(t / DAY) - 1;
  // Day of week, 0 = Sunday: 1970-01-01 was a Thursday.
  let dow = (((first + 4) % 7) + 7) % 7;
  // The previous day, then a week and a day: any shift with a workday is on within them.
  for (let d = first; d <= first + 8; d++) {
    const start = d * DAY + shift.startHour * HOUR;
    if (shift.workdays[dow] && t < start + shift.hours * HOUR) {
      for (const [a, b] of segments) {
        const until = start + b * HOUR;
        if (t < until) return {from: Math.max(start + a * HOUR, t), until};
      }
    }
    dow = dow === 6 ? 0 : dow + 1;
  }
  throw new Error("invalid shift: no workdays");
}
