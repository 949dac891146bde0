import {formatDay} from "../core/format.js";
import {addDays, dateRange, OPS_START} from "../core/calendar.js";
import {END_DATE, START_DATE} from "../core/constants.js";

/**
 * The date range of the ops pages. The T&S ops dashboard looks at the last 90 days; a page can widen
 * the range to the whole simulated half-year. Dates are UTC "YYYY-MM-DD" strings.
 */
export interface DateRange {
  from: string;
  to: string;
}

export const OPS_RANGE: DateRange = {from: OPS_START, to: END_DATE};
export const WORLD_RANGE: DateRange = {from: START_DATE, to: END_DATE};

/** "YYYY-MM-DD" (UTC) of a Date, an epoch-ms number or a date string. */
export function toDay(value: Date | number | string): string {
  return formatDay(value);
}

/**
 * A valid range inside the world's calendar from two inputs in any order (Dates or strings): the
 * ops pages take it from two date inputs that a reader may set backwards or outside the calendar.
 */
export function clampRange(a: Date | string | null | undefined, b: Date | string | null | undefined, bounds: DateRange = WORLD_RANGE): DateRange {
  const pick = (x: Date | string | null | undefined, fallback: string) => {
    if (x == null) return fallback;
    const d = toDay(x);
    return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : fallback;
  };
  let from = pick(a, bounds.from);
  let to = pick(b, bounds.to);
  if (from > to) [from, to] = [to, from];
  if (from < bounds.from) from = bounds.from;
  if (to > bounds.to) to = bounds.to;
  if (from > to) from = to;
  return {from, to};
}

/**
 * The seven days from a Monday, cut to the bounds: a week that straddles the calendar's first or last
 * day keeps only its days inside it, so that a link to its cases never asks for a day the world lacks.
 */
export function weekRange(monday: string, bounds: DateRange = WORLD_RANGE): DateRange {
  return clampRange(monday, addDays(monday, 6), bounds);
}

/** Every date of the range, inclusive. */
export function rangeDates({from, to}: DateRange): string[] {
  return dateRange(from, to);
}

/** Whether a date (Date, epoch ms or string) falls in the range. */
export function inRange(value: Date | number | string, {from, to}: DateRange): boolean {
  const d = toDay(value);
  return d >= from && d <= to;
}
