import {linearRegression} from "simple-statistics";
import {median} from "../core/quantile.js";
import type {Row} from "../metrics/computeKpi.js";
import {compareKpi, measureKpi, type KpiFigure} from "../metrics/kpiFigure.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import {attackDays} from "../detect/attackDays.js";
import {dailySignals, type SignalFlag, type SignalUser} from "../detect/dailySignals.js";
import {dailyMean, trailingMean} from "../detect/drift.js";
import {layeredDetect} from "../detect/layered.js";
import {addDays, dateRange} from "../core/calendar.js";
import {CATEGORIES, CATEGORY_LABELS, END_DATE, START_DATE} from "../core/constants.js";
import {backlogAt, endOfDay} from "./backlog.js";
import {openedTimes} from "./caseStarts.js";
import {countByDay} from "./daily.js";
import {minServers} from "./erlangC.js";
import {OPS_RANGE, toDay} from "./range.js";
import {headcountFor, rosterCoverage, type RosterRow} from "./roster.js";
import {observeQueue} from "./staffing.js";
import {ALERT_LEVELS, SLA_HOURS, TTA_TARGETS, URGENT_SEVERITIES} from "./targets.js";

/**
 * The weekly ops summary's figures (the T&S ops dashboard's weekly report): flag volume, the category to watch,
 * time to action and SLA, classifier health, staffing by Erlang C, attack alarms, and the risks ranked
 * by how far each is past its alert level. Numbers and choices only: narrateWeek writes them up.
 */

export interface WeeklyFlag extends SignalFlag {
  ts: Date | number;
  category: string;
  severity: string;
  route: string;
  action: string;
  ml_score: number;
  is_violation: boolean;
  reviewer_id: string | null;
  opened_ts?: Date | number | null;
  decided_ts: Date | number;
  tta_hours: number;
  sla_breached: boolean;
  attack_id: string | null;
}

export interface WeeklyInput {
  flags: readonly WeeklyFlag[];
  users: Iterable<SignalUser>;
  reviewers: readonly RosterRow[];
}

export interface WeeklyOptions {
  /** First day of the reporting window: the baseline of trends and drift (default: the ops range's). */
  from?: string;
  /** Last day of the week to report (default: the last day of the data). */
  to?: string;
  driftThreshold?: number;
}

/** A week-over-week rise this many Poisson standard deviations above zero is significant. */
export const RISE_Z = 2;
/** The dictionary KPIs of the report: time to action on high-severity cases and SLA breaches. */
export const WEEKLY_KPIS = ["tta_high_p50", "tta_high_p90", "backlog_health"] as const;

type Range = {from: string; to: string};
/** A share with its 95% Wilson interval. */
export interface ShareFigure {
  value: number;
  lower: number;
  upper: number;
  n: number;
}

/** One category's flags a day on the week's non-alarm days, this week and the week before, and its trend. */
export interface CategoryTrend {
  key: string;
  label: string;
  now: number;
  before: number;
  change: number;
  /** Least-squares slope of daily flags, per week, and as a share of the daily mean. */
  slope: number;
  growth: number;
  /** The week-over-week rise against Poisson noise. */
  z: number;
}

export type RiskId = "tta" | "sla" | "drift" | "precision" | "staffing" | "attack";

/** How far a metric is past its alert level (1 = at the level; Infinity for an attack in progress), and whether it got worse. */
export interface RiskFigure {
  id: RiskId;
  ratio: number;
  worsened: boolean;
}

export interface WeeklyAnalysis {
  week: Range;
  previousWeek: Range;
  /** Flags raised this week and the week before. */
  volume: {flags: number; previous: number; change: number};
  categories: {
    watch: CategoryTrend;
    runnerUp: CategoryTrend | undefined;
    /** Why the category was chosen: the most significant rise, else the steepest upward trend, else the largest. */
    reason: "rise" | "trend" | "largest";
    /** First day of the trend, and the attack-alarm days left out since then. */
    since: string;
    excludedDays: number;
  };
  /** The dictionary KPIs the report quotes, this week and the week before. */
  kpis: {current: KpiFigure[]; previous: KpiFigure[]};
  tta: {ids: string[]; current: number[]; previous: number[]; cases: number};
  sla: {cases: number; breached: number; rate: number; previousRate: number; delta: number; noise: boolean; openUrgent: number; overSla: number};
  classifier: {score: number; scorePrevious: number; baseline: number; baselineDate: string; driftThreshold: number; alertDays: number; precision: ShareFigure; precisionPrevious: ShareFigure; precisionNoise: boolean; blocked: number; blockedTrue: number};
  /** Null without a roster (an import without the reviewers' shifts): the hours on shift are unknown. */
  staffing: {cases: number; arrivalRate: number; serviceHours: number; meanOnShift: number; reviewers: number; weeklyHours: number; needed: number; team: number; waitP50: number} | null;
  attacks: {alarmDays: string[]; confirmed: number; lastAlarm: string | undefined};
  /** Risks at or past their alert level, furthest first; and the one to watch next week. */
  risks: RiskFigure[];
  watch: RiskFigure | undefined;
}

const inRange = (d: string, r: Range) => d >= r.from && d <= r.to;
const day = (f: WeeklyFlag) => toDay(f.date);
const valueOf = (f: KpiFigure | undefined) => f?.value ?? NaN;
const overlaps = (a: {lower: number; upper: number}, b: {lower: number; upper: number}) => a.lower <= b.upper && b.lower <= a.upper;

function shareOf(successes: number, n: number): ShareFigure {
  const w = wilsonInterval(successes, n);
  return {value: w.estimate, lower: w.lower, upper: w.upper, n};
}

/** The week ending `to` and the week before it; the week before must lie inside the data. */
function weekRanges(to: string): {week: Range; previousWeek: Range} {
  const from = addDays(to, -6);
  const prevTo = addDays(from, -1);
  const prevFrom = addDays(prevTo, -6);
  if (prevFrom < START_DATE) throw new Error(`invalid week: ${from} to ${to} (needs a previous week after ${START_DATE})`);
  return {week: {from, to}, previousWeek: {from: prevFrom, to: prevTo}};
}

/** The layered attack detector over the whole series, to the week's end: its alarm for each date. */
function attackAlarms({flags, users}: WeeklyInput, to: string): {dates: string[]; alarms: boolean[]} {
  const dates = dateRange(START_DATE, to);
  return {dates, alarms: layeredDetect(dailySignals(flags, users, dates)).flagged};
}

/**
 * The category to watch: flags a day on the non-alarm days since the reporting window's start (so that
 * a one-day raid does not pass for a trend), the week against the week before, and the trend.
 */
function categoryTrends(flags: readonly WeeklyFlag[], r: {week: Range; previousWeek: Range}, windowFrom: string, alarmSet: ReadonlySet<string>): WeeklyAnalysis["categories"] {
  const opsDates = dateRange(windowFrom < r.previousWeek.from ? windowFrom : r.previousWeek.from, r.week.to);
  const organicDates = opsDates.filter((d) => !alarmSet.has(d));
  const daily = countByDay(flags, organicDates, (f) => f.category, CATEGORIES);
  const nowDays = organicDates.filter((d) => inRange(d, r.week)).length;
  const beforeDays = organicDates.filter((d) => inRange(d, r.previousWeek)).length;
  const byCategory: CategoryTrend[] = CATEGORIES.map((k) => {
    const series = daily.filter((d) => d.key === k);
    const sum = (range: Range) => series.filter((d) => inRange(d.date, range)).reduce((s, d) => s + d.count, 0);
    // Flags a day on the week's non-alarm days.
    const now = nowDays ? sum(r.week) / nowDays : NaN;
    const before = beforeDays ? sum(r.previousWeek) / beforeDays : NaN;
    const mean = series.reduce((s, d) => s + d.count, 0) / Math.max(1, series.length);
    // Trend over the ops window: least-squares slope of daily flags against the date, per week.
    const points = series.map((d) => [Date.parse(d.date) / 86_400_000, d.count]);
    const slope = points.length > 1 ? linearRegression(points).m * 7 : NaN;
    // A rise is significant when it is large against Poisson noise on the two daily means.
    const noise = Math.sqrt(now / Math.max(1, nowDays) + before / Math.max(1, beforeDays));
    const z = noise > 0 ? (now - before) / noise : 0;
    return {key: k, label: CATEGORY_LABELS[k], now, before, change: before ? (now - before) / before : NaN, slope, growth: mean > 0 ? slope / mean : NaN, z};
  });
  const rising = byCategory.filter((c) => c.z >= RISE_Z).sort((a, b) => b.z - a.z || a.key.localeCompare(b.key));
  const trending = byCategory.filter((c) => c.growth > 0).sort((a, b) => b.growth - a.growth || a.key.localeCompare(b.key));
  const watch = rising[0] ?? trending[0] ?? [...byCategory].sort((a, b) => b.now - a.now)[0];
  const reason = rising[0] === watch ? "rise" : trending[0] === watch ? "trend" : "largest";
  const runnerUp = (rising[0] === watch ? rising : trending).find((c) => c !== watch);
  return {watch, runnerUp, reason, since: opsDates[0], excludedDays: opsDates.length - organicDates.length};
}

/** Time to action and SLA breaches on high and critical cases, through the KPI dictionary, this week and the week before. */
function timeToAction(flags: readonly WeeklyFlag[], r: {week: Range; previousWeek: Range}): Pick<WeeklyAnalysis, "kpis" | "tta"> & {sla: Omit<WeeklyAnalysis["sla"], "openUrgent" | "overSla">} {
  const kpiTables = {flags: flags as unknown as readonly Row[]};
  const current = WEEKLY_KPIS.map((id) => measureKpi(id, kpiTables, r.week));
  const previous = WEEKLY_KPIS.map((id) => measureKpi(id, kpiTables, r.previousWeek));
  const kpi = (list: KpiFigure[], id: string) => list.find((k) => k.id === id);
  const ids = TTA_TARGETS.map((t) => `tta_high_p${Math.round(t.p * 100)}`);
  // The dictionary's backlog_health: high/critical human-reviewed cases decided after the SLA.
  const slaNow = kpi(current, "backlog_health")!;
  const slaBefore = kpi(previous, "backlog_health")!;
  const slaChange = compareKpi(slaNow, slaBefore);
  return {
    kpis: {current, previous},
    tta: {ids, current: ids.map((id) => valueOf(kpi(current, id))), previous: ids.map((id) => valueOf(kpi(previous, id))), cases: kpi(current, ids[0])!.n},
    sla: {
      cases: slaNow.denominator ?? 0,
      breached: slaNow.numerator ?? 0,
      rate: valueOf(slaNow),
      previousRate: valueOf(slaBefore),
      delta: slaChange?.delta ?? NaN,
      noise: slaChange?.overlap === true
    }
  };
}

/** High and critical human-review cases open at the end of the week, and those open longer than the SLA. */
function urgentBacklog(humanCases: readonly WeeklyFlag[], to: string): {openUrgent: number; overSla: number} {
  const backlog = backlogAt(humanCases, endOfDay(to), {slaHours: SLA_HOURS, keys: URGENT_SEVERITIES});
  return {openUrgent: backlog.reduce((s, b) => s + b.open, 0), overSla: backlog.reduce((s, b) => s + b.overSla, 0)};
}

/** Classifier health: drift of the 7-day mean score on true violations, and auto-block precision week over week. */
function classifierHealth(flags: readonly WeeklyFlag[], r: {week: Range; previousWeek: Range}, windowFrom: string, driftThreshold: number): WeeklyAnalysis["classifier"] {
  const scoreDates = dateRange(addDays(windowFrom, -6) < START_DATE ? START_DATE : addDays(windowFrom, -6), r.week.to);
  const means = dailyMean(flags.filter((f) => f.is_violation), scoreDates, day, (f) => f.ml_score);
  const rolling = trailingMean(means.map((d) => d.mean), 7);
  const at = (date: string) => rolling[scoreDates.indexOf(date)];
  const baselineDate = addDays(windowFrom, 6);
  const blockedIn = (range: Range) => flags.filter((f) => inRange(day(f), range) && f.route === "auto_block");
  const blocked = blockedIn(r.week);
  const blockedPrev = blockedIn(r.previousWeek);
  const blockedTrue = blocked.filter((f) => f.is_violation).length;
  const precision = shareOf(blockedTrue, blocked.length);
  const precisionPrevious = shareOf(blockedPrev.filter((f) => f.is_violation).length, blockedPrev.length);
  return {
    score: at(r.week.to),
    scorePrevious: at(r.previousWeek.to),
    baseline: at(baselineDate),
    baselineDate,
    driftThreshold,
    alertDays: scoreDates.filter((d, i) => inRange(d, r.week) && rolling[i] < driftThreshold).length,
    precision,
    precisionPrevious,
    precisionNoise: overlaps(precision, precisionPrevious),
    blocked: blocked.length,
    blockedTrue
  };
}

/** Staffing: Erlang C on this week's human-review arrivals and case times (from opened_ts, else estimated), against the roster. */
function staffing(humanCases: readonly WeeklyFlag[], reviewers: readonly RosterRow[], week: Range): WeeklyAnalysis["staffing"] {
  const starts = openedTimes(humanCases, reviewers);
  const observed = observeQueue(humanCases, starts, Date.parse(`${week.from}T00:00:00Z`), endOfDay(week.to));
  const coverage = rosterCoverage(reviewers);
  const needed = minServers(observed, TTA_TARGETS.map((t) => ({hours: t.hours, level: t.p})), 1000);
  return {
    cases: observed.cases,
    arrivalRate: observed.arrivalRate,
    serviceHours: observed.serviceHours,
    meanOnShift: coverage.meanOnShift,
    reviewers: coverage.reviewers,
    weeklyHours: coverage.weeklyHours,
    needed,
    team: headcountFor(needed, coverage.weeklyHours),
    waitP50: median(observed.waits)
  };
}

/** The week's attack-alarm days, how many match attacks in the ground truth, and the last alarm of the series. */
function weekAttacks(flags: readonly WeeklyFlag[], {dates, alarms}: {dates: string[]; alarms: boolean[]}, week: Range): WeeklyAnalysis["attacks"] {
  const truth = attackDays(flags, dates);
  const alarmDays = dates.filter((d, i) => alarms[i] && inRange(d, week));
  return {
    alarmDays,
    confirmed: alarmDays.filter((d) => truth.truth[dates.indexOf(d)]).length,
    lastAlarm: dates.filter((_, i) => alarms[i]).pop()
  };
}

/** Each risk's distance past its alert level; those at or past it, furthest first, and the one to watch next week. */
function rankRisks(a: Pick<WeeklyAnalysis, "tta" | "sla" | "classifier" | "staffing" | "attacks">): Pick<WeeklyAnalysis, "risks" | "watch"> {
  const {tta, sla, classifier: c, staffing: s} = a;
  const risks: RiskFigure[] = [
    {id: "tta", ratio: Math.max(...TTA_TARGETS.map((t, i) => tta.current[i] / t.hours)), worsened: TTA_TARGETS.some((_, i) => tta.current[i] > tta.previous[i])},
    // Worse only when the intervals do not overlap: otherwise the week's change is noise.
    {id: "sla", ratio: sla.rate / ALERT_LEVELS.slaBreachRate, worsened: sla.rate > sla.previousRate && !sla.noise},
    {id: "drift", ratio: (c.baseline - c.score) / (c.baseline - c.driftThreshold), worsened: c.score < c.scorePrevious},
    {id: "precision", ratio: (1 - c.precision.value) / (1 - ALERT_LEVELS.autoBlockPrecision), worsened: c.precision.value < c.precisionPrevious.value && !c.precisionNoise},
    ...(s ? [{id: "staffing" as const, ratio: s.needed / s.meanOnShift, worsened: false}] : [])
  ];
  if (a.attacks.alarmDays.length > 0) risks.push({id: "attack", ratio: Infinity, worsened: true});
  const ranked = risks.filter((r) => r.ratio >= 1).sort((x, y) => y.ratio - x.ratio || x.id.localeCompare(y.id));
  const watch = ranked.filter((r) => r.id !== "attack" && r.worsened)[0] ?? ranked.filter((r) => r.id !== "attack")[0];
  return {risks: ranked, watch};
}

/** Measures the week ending `to` (default: the data's last day) against the week before: numbers only (see narrateWeek). */
export function analyseWeek(input: WeeklyInput, {from: windowFrom = OPS_RANGE.from, to = END_DATE, driftThreshold = ALERT_LEVELS.driftScore}: WeeklyOptions = {}): WeeklyAnalysis {
  const r = weekRanges(to);
  const {flags} = input;
  const flagsIn = (range: Range) => flags.filter((f) => inRange(day(f), range)).length;
  const volume = {flags: flagsIn(r.week), previous: flagsIn(r.previousWeek), change: NaN};
  volume.change = volume.previous ? (volume.flags - volume.previous) / volume.previous : NaN;
  // Attack alarms are left out of the category trends, so that a one-day raid does not pass for a trend.
  const alarms = attackAlarms(input, to);
  const alarmSet = new Set(alarms.dates.filter((_, i) => alarms.alarms[i]));
  const humanCases = flags.filter((f) => f.route === "human_review");
  const {kpis, tta, sla} = timeToAction(flags, r);
  const measured = {
    ...r,
    volume,
    categories: categoryTrends(flags, r, windowFrom, alarmSet),
    kpis,
    tta,
    sla: {...sla, ...urgentBacklog(humanCases, to)},
    classifier: classifierHealth(flags, r, windowFrom, driftThreshold),
    staffing: input.reviewers.length ? staffing(humanCases, input.reviewers, r.week) : null,
    attacks: weekAttacks(flags, alarms, r.week)
  };
  return {...measured, ...rankRisks(measured)};
}
