import {addDays, dateRange, daysBetween} from "../core/calendar.js";
import {END_DATE, START_DATE} from "../core/constants.js";

export interface Period {
  label: string;
  from: string;
  to: string;
}

/** The period of equal length that ends the day before `from`: what a KPI card compares with. */
export function previousPeriod(from: string, to: string): Period {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new Error(`invalid period: ${from} to ${to}`);
  return {label: "previous period", from: addDays(from, -days), to: addDays(from, -1)};
}

/** Whether a period lies inside the simulated calendar (a comparison with days before it would be partial). */
export function withinCalendar(p: {from: string; to: string}): boolean {
  return p.from >= START_DATE && p.to <= END_DATE && p.from <= p.to;
}

/** The calendar's two quarters of three months each: Mar–May and Jun–Aug. */
export function quarters(): Period[] {
  const months = [...new Set(dateRange().map((d) => d.slice(0, 7)))];
  const half = Math.ceil(months.length / 2);
  const lastDay = (month: string) => dateRange(`${month}-01`, END_DATE).filter((d) => d.startsWith(month)).at(-1)!;
  const name = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleString("en-US", {month: "short", timeZone: "UTC"});
  return [months.slice(0, half), months.slice(half)].map((ms, i) => ({label: `Q${i + 1} (${name(ms[0])}–${name(ms.at(-1)!)})`, from: `${ms[0]}-01`, to: lastDay(ms.at(-1)!)}));
}

/** The calendar's months as periods. */
export function months(): Period[] {
  const ms = [...new Set(dateRange().map((d) => d.slice(0, 7)))];
  return ms.map((m) => {
    const days = dateRange(START_DATE, END_DATE).filter((d) => d.startsWith(m));
    return {label: new Date(`${m}-01T00:00:00Z`).toLocaleString("en-US", {month: "long", timeZone: "UTC"}), from: days[0], to: days.at(-1)!};
  });
}

/** The period presets of the shared period control; "Custom" keeps the dates as chosen. */
export const PERIOD_PRESETS = ["Last 7 days", "Last 30 days", "Last 90 days", "Half-year", "Custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
const PRESET_DAYS: Partial<Record<PeriodPreset, number>> = {"Last 7 days": 7, "Last 30 days": 30, "Last 90 days": 90};

/** What the period control compares a period with. */
export const COMPARISONS = ["Previous period", "Same period last month", "None"] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The dates of a preset ending on `asOf` (the reporting window's last day), inside the calendar; null for Custom. */
export function presetPeriod(preset: PeriodPreset, asOf: string): {from: string; to: string} | null {
  if (preset === "Half-year") return {from: START_DATE, to: END_DATE};
  const days = PRESET_DAYS[preset];
  if (days === undefined) return null;
  const from = addDays(asOf, 1 - days);
  return {from: from < START_DATE ? START_DATE : from, to: asOf};
}

/** The preset whose dates these are, or Custom. */
export function presetOf(period: {from: string; to: string}, asOf: string): PeriodPreset {
  return PERIOD_PRESETS.find((p) => {
    const dates = presetPeriod(p, asOf);
    return dates !== null && dates.from === period.from && dates.to === period.to;
  }) ?? "Custom";
}

/** The same days one calendar month earlier (a day past the month's end falls on its last day). */
function monthEarlier(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 2, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The period a figure is compared with, or null for None and for a comparison that would reach
 * before the calendar (a partial period compares unlike with like).
 */
export function comparisonPeriod(kind: Comparison, period: {from: string; to: string}): Period | null {
  const p = kind === "Previous period" ? previousPeriod(period.from, period.to) : kind === "Same period last month" ? {label: "same period last month", from: monthEarlier(period.from), to: monthEarlier(period.to)} : null;
  return p && withinCalendar(p) ? p : null;
}
