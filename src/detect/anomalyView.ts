import {CATEGORIES, CATEGORY_LABELS, COUNTRIES} from "../core/constants.js";
import {formatNumber, formatPercent} from "../core/format.js";
import {explainDay, type KnownEvent} from "../core/scenarios.js";
import type {CaseScope} from "../explore/cases.js";
import {toCsv} from "../io/csv.js";
import type {Row, Scope} from "../metrics/computeKpi.js";
import {dailyTotals, type DailyTotal} from "../metrics/series.js";
import {wilsonInterval, type Interval} from "../stats/wilsonInterval.js";
import {flagAnomalies, METHOD_LABELS, METHODS, scoreAnomalies, warmUpDays, type AnomalyScore, type Direction, type Method} from "./anomalies.js";

/** The anomalies page's model: the series a reader can watch, a detector's run on one, and what its cards say. */

export const COUNT_UNIT = "Reports per day";
export const SHARE_UNIT = "Share of reports (%)";

export interface AnomalySeries {
  /** The select's label, which the URL carries as its slug ("category-spam"). */
  label: string;
  /** The daily_country column summed over the scope (a share is recomputed from the sums). */
  column: string;
  scope: Scope;
  unit: typeof COUNT_UNIT | typeof SHARE_UNIT;
  /** The case view's filter for the flags a day's value counts (for a share, its numerator). */
  cases: Partial<CaseScope>;
}

/** Every series the page offers, by label: total reports, each category, each country, two category shares and the user-report share. */
export function anomalySeries(): Map<string, AnomalySeries> {
  const count = (label: string, column: string, scope: Scope, cases: Partial<CaseScope>): AnomalySeries => ({label, column, scope, unit: COUNT_UNIT, cases});
  const share = (label: string, column: string, cases: Partial<CaseScope>): AnomalySeries => ({label, column, scope: {}, unit: SHARE_UNIT, cases});
  const series = [
    count("Total reports", "reports", {}, {}),
    ...CATEGORIES.map((k) => count(`Category: ${CATEGORY_LABELS[k]}`, `reports_${k}`, {}, {category: k})),
    ...COUNTRIES.map((c) => count(`Country: ${c.name}`, "reports", {country: c.name}, {country: c.name})),
    ...(["misinformation", "child_safety"] as const).map((k) => share(`Share: ${CATEGORY_LABELS[k]}`, `share_${k}`, {category: k})),
    share("Share: user reports", "share_source_user", {source: "user"})
  ];
  return new Map(series.map((s) => [s.label, s]));
}

/** One series over the calendar: its values (a share in percent), its dates and each date's known scenarios. */
export interface SeriesDays {
  series: AnomalySeries;
  days: DailyTotal[];
  values: Float64Array;
  dates: string[];
  scenarios: Map<string, string[]>;
  /** Days of the confirmed attacks (the published attacks table), which the attack score counts. */
  attackDays: ReadonlySet<string>;
  /** Mean of Friday to Sunday over the mean of Monday to Thursday, minus 1. */
  weekendLift: number;
}

/** A plain mean, not a quantile. */
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The daily values of a series from daily_country rows, with each date's known events (the published
 * known_events) and the days of the confirmed attacks (the attacks table, as known events).
 */
export function seriesDays(daily: readonly Row[], series: AnomalySeries, {events, attacks}: {events: readonly KnownEvent[]; attacks: readonly KnownEvent[]}): SeriesDays {
  const days = dailyTotals(daily, series.scope);
  const scale = series.unit === SHARE_UNIT ? 100 : 1;
  const values = Float64Array.from(days, (d) => (d[series.column] as number) * scale);
  const dates = days.map((d) => d.date);
  const scenarios = new Map(dates.map((d) => [d, explainDay(d, events).map((n) => n.scenario)]));
  const weekend = days.map((d) => [0, 5, 6].includes(d.day.getUTCDay()));
  const weekendLift = mean([...values].filter((_, i) => weekend[i])) / mean([...values].filter((_, i) => !weekend[i])) - 1;
  const attackDays = new Set(dates.filter((d) => explainDay(d, attacks).length > 0));
  return {series, days, values, dates, scenarios, attackDays, weekendLift};
}

export interface DetectorSettings {
  method: Method;
  window: number;
  threshold: number;
  direction: Direction;
}

export interface AnomalyPoint {
  date: string;
  day: Date;
  value: number;
  baseline: number;
  spread: number;
  z: number;
  flagged: boolean;
  warmup: boolean;
  /** The date's known scenarios, comma-separated ("" when none). */
  scenario: string;
}

/** One detector's row of the comparison table, scored on the same series and settings. */
export interface DetectorRow {
  method: string;
  flagged: number;
  explained: number;
  drops: number;
  precision: number;
  attackDays: string;
}

export interface AnomalyRun {
  settings: DetectorSettings;
  points: AnomalyPoint[];
  flagged: AnomalyPoint[];
  /** Against every known scenario, and against the attacks alone. */
  score: AnomalyScore;
  attackScore: AnomalyScore;
  warm: number;
  /** The 95% Wilson interval of the share explained, a rate on few days (null when nothing is flagged). */
  explainedCi: Interval | null;
  compare: DetectorRow[];
}

/** Runs the chosen detector on a series and scores it, and every detector at the same settings for comparison. */
export function detectAnomalies(s: SeriesDays, settings: DetectorSettings): AnomalyRun {
  const known = (d: string) => s.scenarios.get(d)!.length > 0;
  const attack = (d: string) => s.attackDays.has(d);
  const run = (method: Method) => {
    const scored = flagAnomalies(s.values, {...settings, method});
    return {scored, score: scoreAnomalies(s.dates, scored, known), attackScore: scoreAnomalies(s.dates, scored, attack)};
  };
  const {scored, score, attackScore} = run(settings.method);
  const points = s.days.map((d, i) => ({
    date: d.date, day: d.day, value: s.values[i], baseline: scored.baseline[i], spread: scored.spread[i], z: scored.z[i], flagged: scored.flagged[i], warmup: scored.warmup[i],
    scenario: s.scenarios.get(d.date)!.join(", ")
  }));
  const compare = METHODS.map((m) => {
    const r = m === settings.method ? {score, attackScore} : run(m);
    return {method: METHOD_LABELS[m], flagged: r.score.flagged, explained: r.score.explained, drops: r.score.dropsOnScenarioDays, precision: r.score.precision, attackDays: `${r.attackScore.caught} of ${r.attackScore.events}`};
  });
  const explainedCi = score.flagged > 0 ? wilsonInterval(score.explained, score.flagged) : null;
  return {settings, points, flagged: points.filter((p) => p.flagged), score, attackScore, warm: warmUpDays(settings.method, settings.window), explainedCi, compare};
}

/** A flagged day's scenario as the table reads it: a scenario explains a rise, never a drop. */
export function explanation(p: Pick<AnomalyPoint, "scenario" | "z">): string {
  return !p.scenario ? "none known" : p.z > 0 ? p.scenario : `${p.scenario} (a drop: not explained)`;
}

/** The table's rows: one per flagged day; `cases` is the date the row's link opens. */
export function flaggedRows(run: AnomalyRun): {date: string; value: number; baseline: number; z: number; scenario: string; cases: string}[] {
  return run.flagged.map((p) => ({date: p.date, value: p.value, baseline: p.baseline, z: p.z, scenario: explanation(p), cases: p.date}));
}

/** The flagged days as CSV (the scenario as it is, not the table's reading of it), and the file's name. */
export function flaggedCsv(run: AnomalyRun): {csv: string; filename: string} {
  const {method, window, threshold} = run.settings;
  const csv = toCsv(run.flagged.map((p) => ({date: p.date, value: p.value, baseline: p.baseline, z: p.z, scenario: p.scenario})), ["date", "value", "baseline", "z", "scenario"]);
  return {csv, filename: `anomalies_${method}_window${window}_z${threshold}.csv`};
}

/** The notes under the page's cards: flagged days, those a scenario explains, and the rest. */
export function narrateAnomalies(run: AnomalyRun, days: number): {flagged: string; explained: string; unexplained: string} {
  const {score, warm, explainedCi: ci, settings} = run;
  const interval = ci ? ` (95% CI ${formatPercent(ci.lower, 0)}–${formatPercent(ci.upper, 0)}${score.flagged < 30 ? "; fewer than 30 days" : ""})` : "";
  const rises = score.unexplained - score.dropsOnScenarioDays;
  const drops = score.dropsOnScenarioDays;
  const dropText = drops ? ` and ${drops} drop${drops === 1 ? "" : "s"} on a scenario day (a scenario adds reports: it explains a rise, not a drop)` : "";
  return {
    flagged: `of ${days - warm} scored days (the first ${warm} fill the window), ${METHOD_LABELS[settings.method].toLowerCase()}, window ${settings.window}, threshold ${formatNumber(settings.threshold, 1)}`,
    explained: `rises on a day with a known scenario: ${formatPercent(score.precision, 0)} of ${score.flagged} flagged days${interval}`,
    unexplained: `${rises} flagged day${rises === 1 ? "" : "s"} with no known scenario${dropText}: noise, or something to investigate`
  };
}

/** "12% more" or "5% less": how Friday to Sunday compare with Monday to Thursday. */
export function weekendText(lift: number): string {
  return `${formatPercent(Math.abs(lift), 0)} ${lift >= 0 ? "more" : "less"}`;
}
