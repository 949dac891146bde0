import {DAY_MS as DAY, HOUR_MS as HOUR} from "../core/constants.js";
import {productiveSegments, type Shift} from "../core/shifts.js";
import type {QueueDay, QueueMorning} from "./queue.js";

/**
 * The APAC lead's morning staffing rule. Only Manila reads the APAC languages, and its readers also
 * work the English-language queue. Each day at 00:00 UTC the lead sets a quota of APAC cases: the
 * backlog plus the forecast day (the last seven days' arrivals) minus a goal backlog of `goalHours`
 * hours of arrivals, and assigns just enough of the readers on shift to work it at the planned
 * occupancy (case times forecast from the last seven days'). The assigned readers take APAC cases
 * first, up to the quota, and English cases when none wait or the quota is met; the other readers work
 * English cases only that day. The goal tightens through the period as the team grows, so APAC waits
 * fall; a reader kept off the APAC queue may be idle while APAC cases wait.
 */
export interface ApacStaffing {
  /** The share of the assigned readers' productive time the lead plans to fill. */
  occupancy: number;
  /** Arrival time (ms) and pool of every case, in arrival order. */
  arrival: Float64Array;
  pool: Uint8Array;
  /** The pool the rule staffs (its bit in the reviewers' masks). */
  staffed: number;
  shifts: readonly Shift[];
  reads: ArrayLike<number>;
  /** Handling time of every case in ms (for a reviewer of speed 1): the lead forecasts from the last week's. */
  handling: Float64Array;
  /** The goal backlog on a day (ms at 00:00 UTC), in hours of arrivals. */
  goalHours: (dayStart: number) => number;
}

const FORECAST_DAYS = 7;

/** Productive hours a shift works on the UTC day starting at dayStart (its start day), 0 if off. */
function productiveHoursOn(shift: Shift, dayStart: number): number {
  const dow = (Math.floor(dayStart / DAY) + 4) % 7;
  if (!shift.workdays[dow] || (shift.from !== undefined && dayStart < shift.from)) return 0;
  return productiveSegments(shift).reduce((s, [a, b]) => s + b - a, 0);
}

/** The plan for simulateQueue: each morning, each reviewer's pools for the day. */
export function apacStaffingPlan({arrival, pool, staffed, shifts, reads, handling, goalHours, occupancy}: ApacStaffing): (morning: QueueMorning) => QueueDay {
  const bit = 1 << staffed;
  // Arrivals of the staffed pool, for the seven-day forecast (a two-pointer window over arrival order).
  const cases = arrival.map((_, i) => i).filter((i) => pool[i] === staffed);
  let lo = 0;
  let hi = 0;
  let hours = 0;
  return ({dayStart, waiting}) => {
    for (; hi < cases.length && arrival[cases[hi]] < dayStart; hi++) hours += handling[cases[hi]] / HOUR;
    for (; lo < hi && arrival[cases[lo]] < dayStart - FORECAST_DAYS * DAY; lo++) hours -= handling[cases[lo]] / HOUR;
    // Without a week's history to forecast from (the first day), the readers take APAC cases freely.
    if (hi === lo) return {takes: Array.from(reads), first: staffed, quota: Infinity};
    const perHour = (hi - lo) / (FORECAST_DAYS * 24);
    const handlingHours = hours / (hi - lo);
    const goalBacklog = perHour * goalHours(dayStart);
    const quota = Math.max(0, Math.round(waiting[staffed] + perHour * 24 - goalBacklog));
    // The lead plans the assigned readers' occupancy, not 100% of their productive time.
    const work = (quota * handlingHours) / occupancy;
    const readers = shifts.flatMap((s, r) => (reads[r] & bit && productiveHoursOn(s, dayStart) > 0 ? [r] : []));
    // Rotate who is assigned, so the APAC work is shared across the readers through the weeks.
    const turn = Math.floor(dayStart / DAY) % Math.max(1, readers.length);
    const order = [...readers.slice(turn), ...readers.slice(0, turn)];
    const masks = Array.from({length: shifts.length}, (_, r) => reads[r] & ~bit);
    let planned = 0;
    for (const r of order) {
      if (planned >= work && !(planned === 0 && waiting[staffed] > 0)) break;
      masks[r] = reads[r];
      planned += productiveHoursOn(shifts[r], dayStart);
    }
    return {takes: masks, first: staffed, quota: Math.max(quota, waiting[staffed] > 0 ? 1 : 0)};
  };
}

