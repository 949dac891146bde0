import {DAY_MS, END_DATE, START_DATE} from "./constants.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a YYYY-MM-DD string as UTC midnight, in milliseconds since the epoch. */
export function parseDate(date: string): number {
  if (!ISO_DATE.test(date)) throw new Error(`invalid date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms) || formatDate(ms) !== date) throw new Error(`invalid date: ${JSON.stringify(date)}`);
  return ms;
}

const DATE_STRINGS = new Map<number, string>();

/**
 * Formats milliseconds since the epoch as a UTC YYYY-MM-DD string. Remembered per day: KPIs and pages
 * format a date for every row of a table, and there are only a few hundred distinct days.
 */
export function formatDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = DATE_STRINGS.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DATE_STRINGS.set(day, date);
  }
  return date;
}

/** 0000-01-01 and 10000-01-01 UTC: the instants whose ISO 8601 form has a four-digit year. */
const YEAR_0_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;
/** 00 to 59 and 000 to 999: the zero-padded fields of a time of day. */
const TWO_DIGITS = Array.from({length: 60}, (_, i) => String(i).padStart(2, "0"));
const THREE_DIGITS = Array.from({length: 1000}, (_, i) => String(i).padStart(3, "0"));

/**
 * Formats milliseconds since the epoch as `new Date(ms).toISOString()` does (YYYY-MM-DDTHH:mm:ss.sssZ),
 * a few times faster for whole milliseconds of years 0000 to 9999, which take the date from formatDate:
 * an export writes tens of millions of timestamps. Any other value goes through toISOString itself.
 */
export function formatTimestamp(ms: number): string {
  if (!(Number.isInteger(ms) && ms >= YEAR_0_MS && ms < YEAR_10000_MS)) return new Date(ms).toISOString();
  const t = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  const seconds = Math.floor(t / 1000);
  return `${formatDate(ms)}T${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[t % 1000]}Z`;
}

/** Every UTC date from start to end inclusive, as YYYY-MM-DD strings. */
export function dateRange(start: string = START_DATE, end: string = END_DATE): string[] {
  const a = parseDate(start);
  const b = parseDate(end);
  if (b < a) throw new Error(`invalid date range: ${start} is after ${end}`);
  const dates: string[] = [];
  for (let t = a; t <= b; t += DAY_MS) dates.push(formatDate(t));
  return dates;
}

/** Day of week of a UTC date, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(parseDate(date)).getUTCDay();
}

/** True on Friday, Saturday and Sunday: the T&S ops dashboard's high-volume days. */
export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 5 || d === 6;
}

/** The UTC date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b) - parseDate(a)) / DAY_MS);
}

/** Milliseconds since the epoch of a Date, or the number itself. */
export function epochMs(x: Date | number): number {
  return typeof x === "number" ? x : x.getTime();
}

/**
 * A Date at UTC midnight from a YYYY-MM-DD string; a Date passes through (charts want Dates). Charts
 * call it on every point when an input moves, so it does not validate: use parseDate on untrusted text.
 */
export function utcDate(d: string | Date): Date {
  return typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d;
}

/** The ops dashboard's window (the T&S ops dashboard): the calendar's last 90 days, from this day. */
export const OPS_START = addDays(END_DATE, -89);
