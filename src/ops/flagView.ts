import {ACTIONS, CATEGORIES, CATEGORY_LABELS, SEVERITIES, type Category} from "../core/constants.js";
import type {KpiTables, Row} from "../metrics/computeKpi.js";
import type {Period} from "../metrics/periods.js";
import {countBy, countByDay, shareByDay, type DailyCount, type DailyShare} from "./daily.js";
import {flagFigures, type FlagFigures} from "./flagKpis.js";
import {clampRange, rangeDates, toDay, WORLD_RANGE, type DateRange} from "./range.js";
import {latestWeek, twoWeekDates, weekOverWeek, type LatestWeek, type WeekChange} from "./weekOverWeek.js";

/**
 * The flags page's figures for one choice of range, region and categories: the cube's rows in scope,
 * their daily series and mixes, the latest week against the week before, and the dictionary's cards
 * over the range and the comparison period.
 */

export const ALL_REGIONS = "All regions";

/** One row of flag_mix.arrow: the flags of one day, region, category, severity, route and action (`n`). */
export interface FlagMixRow extends Row {
  date: string;
  region: string;
  category: string;
  severity: string;
  action: string;
  n: number;
}

/** flag_mix rows with their dates as "YYYY-MM-DD", so that filters and daily counts compare strings. */
export function flagMixRows(rows: readonly Record<string, unknown>[]): FlagMixRow[] {
  return rows.map((r) => ({...r, date: toDay(r.date as Date | string)}) as FlagMixRow);
}

/** The period control's value: the range, and the period its cards compare with (null for none). */
export interface FlagPeriod {
  from: string | Date;
  to: string | Date;
  previous: Period | null;
}

export interface FlagView {
  range: DateRange;
  dates: string[];
  days: number;
  /** The cube's rows in range, region and categories. */
  rows: FlagMixRow[];
  daily: DailyCount[];
  weeks: WeekChange[];
  /** The latest week and the week before it (read even before the range); null under 7 days. */
  week: LatestWeek | null;
  escalation: DailyShare[];
  severities: {key: string; count: number; share: number}[];
  actions: {key: string; count: number; share: number}[];
  now: FlagFigures;
  /** The figures over the comparison period, or null. */
  then: FlagFigures | null;
}

const urgent = (f: FlagMixRow) => f.severity === "critical" || f.severity === "high";

export function flagView(flags: readonly FlagMixRow[], tables: KpiTables & {flags: readonly Row[]}, period: FlagPeriod, {region, categories}: {region: string; categories: readonly string[]}): FlagView {
  const range = clampRange(period.from, period.to);
  const dates = rangeDates(range);
  const chosen = new Set(categories);
  const matches = (f: FlagMixRow) => chosen.has(f.category) && (region === ALL_REGIONS || f.region === region);
  const rows = flags.filter((f) => f.date >= range.from && f.date <= range.to && matches(f));
  const daily = countByDay(rows, dates, (f) => f.category, categories);
  // A 7-day range still has a week before it: the latest week reads the flags before the range.
  const week = dates.length >= 7 ? latestWeek(weekOverWeek(countByDay(flags.filter(matches), twoWeekDates(range.to, WORLD_RANGE.from), (f) => f.category, categories))) : null;
  const scope = {region: region === ALL_REGIONS ? null : region, categories, allCategories: CATEGORIES};
  return {
    range,
    dates,
    days: dates.length,
    rows,
    daily,
    weeks: weekOverWeek(daily),
    week,
    escalation: shareByDay(rows, dates, urgent),
    severities: countBy(rows, (f) => f.severity, SEVERITIES),
    actions: countBy(rows, (f) => f.action, ACTIONS),
    now: flagFigures(tables, {...range, ...scope}),
    then: period.previous ? flagFigures(tables, {...period.previous, ...scope}) : null
  };
}

/** "APAC, Spam, Nudity": the region and categories the page shows. */
export function flagScopeText(region: string, categories: readonly string[]): string {
  const named = categories.length === CATEGORIES.length ? "all categories" : categories.length ? categories.map((c) => CATEGORY_LABELS[c as Category] ?? c).join(", ") : "no category";
  return `${region === ALL_REGIONS ? "all regions" : region}, ${named}`;
}

/** What the cards compare with, and how a category filter changes what they count. */
export function flagComparisonText(period: FlagPeriod & {compare: string}, now: FlagFigures): string {
  const before = period.previous;
  const compared = before
    ? `Cards compare with ${before.from} to ${before.to} (${before.label}); shares change in percentage points, with 95% Wilson intervals.`
    : period.compare === "None"
      ? "No comparison chosen."
      : `The ${period.compare.toLowerCase()} starts before the data, so the cards show no comparison.`;
  const subset = now.reports ? "" : " Under a category filter the shares are the dictionary's definitions evaluated on the chosen categories' flags only; the dictionary's Reports has no category, so the first card counts flags instead.";
  return compared + subset;
}
