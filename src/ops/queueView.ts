/**
 * The review queue page's figures, section by section, from the build's aggregates of every case
 * (queue_outcomes, tta_bins, backlog_days, reviewer_days, wait_bins, queue_hours) and the roster.
 * Each function takes what one section's inputs change, so a page cell recomputes only its section.
 */
import {SEVERITIES} from "../core/constants.js";
import {formatCount, formatHours, formatNumber, formatPercent} from "../core/format.js";
import {quantileBinned} from "../core/quantile.js";
import {BACKLOG_DAYS, QUEUE_HOURS, REVIEWER_DAYS, REVIEWERS} from "../io/contracts.js";
import type {TableSchema} from "../io/schema.js";
import type {KpiTables} from "../metrics/computeKpi.js";
import type {Period} from "../metrics/periods.js";
import type {BacklogAge} from "./backlog.js";
import {countByDay, type DailyCount} from "./daily.js";
import {intervalQueues, type IntervalQueue, type QueueHourRow} from "./intervals.js";
import {binnedPercentilesBy, type GroupPercentiles} from "./percentiles.js";
import {backlogOn, backlogSeries, observeBins, shareWithinBins, utilisationOver, type BacklogDayRow, type BinnedQueue, type ReviewerDayRow, type WaitBinRow} from "./queueDays.js";
import {WORLD_RANGE, clampRange, inRange, rangeDates, toDay, type DateRange} from "./range.js";
import {rosterCoverage, type RosterRow} from "./roster.js";
import {minServers, staffingCurve, type StaffingRow} from "./staffing.js";
import {TTA_TARGETS, URGENT_SEVERITIES} from "./targets.js";
import type {ReviewerLoad} from "./utilisation.js";

type Row = Record<string, any>;

/** The page's files as loadRows reads them, keyed by file stem. */
export interface QueueFiles {
  reviewers: Row[];
  queue_outcomes: Row[];
  tta_bins: Row[];
  backlog_days: Row[];
  reviewer_days: Row[];
  wait_bins: Row[];
  queue_hours: Row[];
}

export interface QueueData {
  reviewers: (RosterRow & Row)[];
  /** Flags by day and outcome; the daily tables' dates as "YYYY-MM-DD". */
  outcomes: Row[];
  ttaBins: Row[];
  backlogDays: (BacklogDayRow & Row)[];
  reviewerDays: (ReviewerDayRow & Row)[];
  waitBins: WaitBinRow[];
  queueHours: (QueueHourRow & Row)[];
  /** What the dictionary's KPIs read. */
  kpiTables: KpiTables;
  /** The roster at the end of the half-year. */
  coverage: ReturnType<typeof rosterCoverage>;
  /** Reviewers on the team from the calendar's first day. */
  firstTeam: number;
}

/** The files, with the daily tables' dates as days, and what the page reads of the roster. */
export function queueData(files: QueueFiles): QueueData {
  const days = <T>(rows: Row[]) => rows.map((r) => ({...r, date: toDay(r.date)})) as unknown as (T & Row)[];
  const outcomes = days<Row>(files.queue_outcomes);
  const reviewers = files.reviewers as unknown as (RosterRow & Row)[];
  const ttaBins = files.tta_bins;
  return {
    reviewers,
    outcomes,
    ttaBins,
    backlogDays: days<BacklogDayRow>(files.backlog_days),
    reviewerDays: days<ReviewerDayRow>(files.reviewer_days),
    waitBins: files.wait_bins as unknown as WaitBinRow[],
    queueHours: days<QueueHourRow>(files.queue_hours),
    kpiTables: {flags: outcomes, flag_bins: ttaBins},
    coverage: rosterCoverage(reviewers),
    firstTeam: reviewers.filter((r) => r.first_day != null && toDay(r.first_day) === WORLD_RANGE.from).length
  };
}

export interface QueuePeriod {
  range: DateRange;
  dates: string[];
  /** The period the cards compare with (the control's choice), or null. */
  previous: Period | null;
  /** The human-review cases raised in the range, as counts by day, severity and outcome. */
  cases: Row[];
}

/** The range the period control picked, inside the calendar, and its human-review cases. */
export function queuePeriod(data: QueueData, picked: {from: string | Date; to: string | Date; previous: Period | null}): QueuePeriod {
  const range = clampRange(picked.from, picked.to);
  const cases = data.outcomes.filter((f) => f.route === "human_review" && inRange(f.date, range));
  return {range, dates: rangeDates(range), previous: picked.previous, cases};
}

/** The backlog at the range's end per severity, cases entering review per day, and the open cases each day. */
export function queueBacklog(data: QueueData, {range, dates, cases}: QueuePeriod): {ages: BacklogAge[]; arrivals: DailyCount[]; openByDay: {date: string; key: string; open: number}[]} {
  return {
    ages: backlogOn(data.backlogDays, range.to, SEVERITIES),
    arrivals: countByDay(cases as {date: string; severity: string}[], dates, (f) => f.severity, SEVERITIES),
    openByDay: backlogSeries(data.backlogDays, range, SEVERITIES)
  };
}

export interface ReviewerFigures {
  /** Listed reviewers' loads over the range, with their hub. */
  loads: (ReviewerLoad & {hub: string})[];
  teamUtilisation: number;
  teamCasesPerHour: number;
  /** Listed reviewers with a utilisation between 70% and 95%. */
  inBand: number;
  /** The share of scheduled hours off the queue over the range. */
  shrinkageShare: number;
  /** Reviewers on the team. */
  team: number;
}

/** Each listed reviewer's and the team's utilisation over the range. */
export function queueReviewers(data: QueueData, range: DateRange): ReviewerFigures {
  const utilisation = utilisationOver(data.reviewerDays, range);
  const hubOf = new Map(data.reviewers.map((r) => [r.reviewer_id, r.hub]));
  const loads = utilisation.reviewers.map((d) => ({...d, hub: hubOf.get(d.reviewer_id)}));
  const inBand = loads.map((d) => d.utilisation).filter((u) => Number.isFinite(u) && u >= 0.7 && u <= 0.95).length;
  const {team} = utilisation;
  return {loads, teamUtilisation: team.utilisation, teamCasesPerHour: team.casesPerHour, inBand, shrinkageShare: 1 - team.productiveHours / team.scheduledHours, team: data.reviewers.length};
}

/** What the utilisation card adds when the chart lists fewer reviewers than the team has (else ""). */
export function listedReviewersText({loads, team}: Pick<ReviewerFigures, "loads" | "team">): string {
  return loads.length < team ? ` (the first ${formatCount(loads.length)} of the team's ${formatCount(team)} by id; the team figure counts all of them)` : "";
}

/** High and critical cases decided past the SLA, by the day they were raised, and those open past it at the range's end. */
export function queueSla({dates, cases}: QueuePeriod, ages: readonly BacklogAge[]): {breaches: number; breachesByDay: DailyCount[]; atRisk: number} {
  const breached = cases.filter((f) => URGENT_SEVERITIES.includes(f.severity) && f.sla_breached);
  return {
    breaches: breached.length,
    breachesByDay: countByDay(breached as {date: string; severity: string}[], dates, (f) => f.severity, URGENT_SEVERITIES),
    atRisk: ages.filter((b) => URGENT_SEVERITIES.includes(b.key)).reduce((s, b) => s + b.overSla, 0)
  };
}

/** Time to action's P50 and P90 by severity over the range, on every route ("all") or human review only. */
export function queueTta(data: QueueData, range: DateRange, scope: "all" | "human"): GroupPercentiles[] {
  return binnedPercentilesBy(data.ttaBins, "tta_hours", "severity", SEVERITIES, {where: scope === "all" ? {} : {route: "human_review"}, scope: range}).filter((d) => d.n > 0);
}

export interface StaffingTargetRow {
  hours: number;
  level: number;
  label: string;
}

export interface QueueStaffing {
  observed: BinnedQueue;
  targets: StaffingTargetRow[];
  /** The smallest count working the queue that meets the targets (Infinity above minServers' limit). */
  needed: number;
  /** Reviewers on shift minus the shrinkage, on average: Erlang C's servers today. */
  currentOnShift: number;
  /** The slider's top and start. */
  maxServers: number;
  start: number;
  /** Erlang C at 1 to maxServers working the queue. */
  curve: StaffingRow[];
  /** The simulation's share of waits within each target, and its P50 and P90 wait. */
  simLevels: number[];
  simP50: number;
  simP90: number;
  /** Offered load in Erlangs. */
  load: number;
}

/** Erlang C at the queue's observed rates over the range, against the analyst role profile's targets. */
export function queueStaffing(data: QueueData, range: DateRange): QueueStaffing {
  const observed = observeBins(data.waitBins, range);
  const targets = TTA_TARGETS.map((t) => ({hours: t.hours, level: t.p, label: `Wait ≤ ${t.hours} h (target ${formatPercent(t.p, 0)})`}));
  // Up to minServers' limit (10,000): the team grows with the world, so a cap of a few hundred would not do.
  const needed = minServers(observed, targets);
  const currentOnShift = data.coverage.meanProductive;
  const maxServers = Math.max(12, (Number.isFinite(needed) ? needed : Math.ceil(observed.arrivalRate * observed.serviceHours * 1.5)) + 4);
  return {
    observed,
    targets,
    needed,
    currentOnShift,
    maxServers,
    start: Number.isFinite(needed) ? needed : Math.ceil(currentOnShift),
    curve: staffingCurve(observed, targets, Array.from({length: maxServers}, (_, i) => i + 1)),
    simLevels: targets.map((t) => shareWithinBins(observed.waits, t.hours)),
    // The simulation's wait quantiles: the workbook's one quantile on the binned waits.
    simP50: quantileBinned(observed.waits, 0.5),
    simP90: quantileBinned(observed.waits, 0.9),
    load: observed.arrivalRate * observed.serviceHours
  };
}

/** The model-against-simulation table's rows at `servers` working the queue, as text. */
export function erlangModelRows(staffing: QueueStaffing, servers: number, teamUtilisation: number): {measure: string; model: string; sim: string}[] {
  const chosen = staffing.curve[servers - 1];
  return [
    {measure: "Reviewers working the queue", model: String(servers), sim: `${formatNumber(staffing.currentOnShift, 2)} on average`},
    {measure: "Utilisation", model: formatPercent(chosen.utilisation), sim: formatPercent(teamUtilisation)},
    {measure: "Mean wait", model: formatHours(chosen.meanWaitHours), sim: formatHours(staffing.observed.meanWaitHours)},
    {measure: "P50 wait", model: formatHours(chosen.quantiles[0]), sim: formatHours(staffing.simP50)},
    {measure: "P90 wait", model: formatHours(chosen.quantiles[1]), sim: formatHours(staffing.simP90)},
    ...staffing.targets.map((t, i) => ({measure: `Waits ≤ ${t.hours} h`, model: formatPercent(chosen.levels[i]), sim: formatPercent(staffing.simLevels[i])}))
  ];
}

export interface QueueHours {
  /** Each hour of the week, and each hour of the day pooled over the range. */
  byWeek: IntervalQueue[];
  byDay: IntervalQueue[];
  /** Hours of the week with cases, those Erlang C finds at 100% occupancy or more, and those the simulation kept busy throughout. */
  coveredHours: number;
  unstableHours: number;
  saturatedHours: number;
  /** The hours of the week with the fewest and the most arrivals. */
  quiet: IntervalQueue;
  peak: IntervalQueue;
  /** The lowest simulated utilisation of an hour of the week. */
  minSimulatedUtilisation: number;
}

/** Erlang C hour by hour over the range at a shrinkage, against the simulated queue. */
export function queueHours(data: QueueData, range: DateRange, shrinkage: number): QueueHours {
  const targets = TTA_TARGETS.map((t) => ({hours: t.hours, level: t.p}));
  const byWeek = intervalQueues(data.queueHours, range, {shrinkage, targets, kind: "week"});
  const covered = byWeek.filter((d) => d.hours > 0);
  return {
    byWeek,
    byDay: intervalQueues(data.queueHours, range, {shrinkage, targets, kind: "day"}),
    coveredHours: covered.length,
    unstableHours: covered.filter((d) => !(d.predictedUtilisation < 1)).length,
    saturatedHours: byWeek.filter((d) => d.simulatedUtilisation >= 0.99).length,
    quiet: covered.reduce((a, b) => (b.arrivalRate < a.arrivalRate ? b : a)),
    peak: covered.reduce((a, b) => (b.arrivalRate > a.arrivalRate ? b : a)),
    minSimulatedUtilisation: Math.min(...byWeek.map((d) => d.simulatedUtilisation).filter(Number.isFinite))
  };
}

/** The by-hour-of-day table's rows, as text. */
export function intervalRows(byDay: readonly IntervalQueue[]): Record<"hour" | "arrivals" | "onShift" | "servers" | "needed" | "modelUtil" | "simUtil" | "modelWait" | "simWait", string>[] {
  return byDay.map((d) => ({
    hour: `${String(d.interval).padStart(2, "0")}:00`,
    arrivals: formatNumber(d.arrivalRate, 2),
    onShift: formatNumber(d.onShift, 1),
    servers: formatNumber(d.servers, 1),
    needed: formatNumber(d.neededOnShift, 1),
    modelUtil: formatPercent(d.predictedUtilisation),
    simUtil: formatPercent(d.simulatedUtilisation),
    modelWait: formatHours(d.predictedMeanWaitHours),
    simWait: formatHours(d.simulatedMeanWaitHours)
  }));
}

export interface FileRows {
  rows: Row[];
  schema: TableSchema;
  filename: string;
  label: string;
}

/** A published table the page offers for download: the daily ones cut to the range, the roster whole. */
export function queueFile(data: QueueData, range: DateRange, table: "reviewer_days" | "backlog_days" | "queue_hours" | "reviewers"): FileRows {
  if (table === "reviewers") return {rows: data.reviewers, schema: REVIEWERS, filename: "reviewers", label: "reviewers"};
  const [rows, schema] = table === "reviewer_days" ? [data.reviewerDays, REVIEWER_DAYS] : table === "backlog_days" ? [data.backlogDays, BACKLOG_DAYS] : [data.queueHours, QUEUE_HOURS];
  return {rows: rows.filter((r) => inRange(r.date, range)), schema, filename: `${table}_${range.from}_${range.to}`, label: "rows"};
}
