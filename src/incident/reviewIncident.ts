import {formatCount, formatHours, formatNumber, formatPercent} from "../core/format.js";
import {compareShares, countedShare, differenceText, shareText, type ShareComparison} from "../stats/compareShares.js";
import {spikes} from "../detect/rollingZ.js";
import type {TableName} from "../io/contracts.js";
import type {Columns} from "../io/schema.js";
import {addDays} from "../world/calendar.js";
import {HOUR_MS as HOUR} from "../world/constants.js";
import {INCIDENT} from "../world/scenarios.js";

/**
 * The postmortem of a classifier push that over-blocked benign content (seed 003's incident summary:
 * what happened, impact, root cause, actions, metrics to watch), measured on the flags table. The deploy
 * log (push and rollback times) is an input; everything else (when wrongful blocks started and stopped,
 * when a detector on an observable signal would have fired, who was affected, what appeals undid, how
 * the scores moved) comes from the data.
 */

export interface IncidentSpec {
  id: string;
  title: string;
  /** Policy category of the pushed classifier. */
  category: string;
  /** Deploy log: push and rollback, ISO timestamps (UTC). */
  start: string;
  end: string;
}

/** The world's incident (scenarios.ts INCIDENT): its deploy log. */
export const WORLD_INCIDENT: IncidentSpec = {id: INCIDENT.id, title: INCIDENT.title, category: INCIDENT.category, start: INCIDENT.start, end: INCIDENT.end};

export interface IncidentOptions {
  /** Days before the push that make the baseline. */
  baselineDays?: number;
  /** Hours per bin of the close-up series. */
  binHours?: number;
  /** Days shown either side of the incident in the close-up. */
  contextDays?: number;
  /** The daily detector on the category's auto-block count: trailing window (days) and threshold (sd). */
  detectorWindow?: number;
  detectorK?: number;
}

export const INCIDENT_DEFAULTS: Required<IncidentOptions> = {baselineDays: 28, binHours: 3, contextDays: 3, detectorWindow: 28, detectorK: 3};

export interface TimelineEvent {
  ts: number;
  event: string;
  source: "deploy log" | "flags" | "detector" | "appeals";
}

export interface BinRow {
  start: number;
  /** The category's auto-blocks in the bin, by ground truth. */
  wrongful: number;
  correct: number;
  /** Appeals filed in the bin against the incident's wrongful blocks. */
  appeals: number;
}

export interface DayRow {
  date: string;
  /** Flags of the category raised that day (any source, any route): the volume other pages chart. */
  flags: number;
  /** The category's auto-blocks (observable) and the benign ones among them (ground truth). */
  autoBlocks: number;
  wrongfulBlocks: number;
  /** Benign auto-blocks of every category. */
  allWrongfulBlocks: number;
  alert: boolean;
}

export interface WatchMetric {
  metric: string;
  definition: string;
  baseline: number;
  /** Alert beyond this: the baseline mean ± detectorK standard deviations, or the baseline's extreme if that is further. */
  alertAt: number;
  direction: "above" | "below";
  during: number;
  unit: "per day" | "share";
}

export interface Action {
  action: string;
  owner: string;
  due: string;
  verifiedBy: string;
}

export interface IncidentReview {
  spec: IncidentSpec;
  options: Required<IncidentOptions>;
  timeline: TimelineEvent[];
  durations: {toFirstHarmHours: number; toDetectHours: number; toMitigateHours: number; detectToMitigateHours: number; harmWindowHours: number};
  impact: {
    wrongfulBlocks: number;
    expectedWrongfulBlocks: number;
    excessWrongfulBlocks: number;
    accounts: number;
    countries: number;
    actions: Record<string, number>;
    appealed: number;
    overturned: number;
    standing: number;
    appealRate: number;
    overturnRate: number;
    precisionBaseline: number;
    precisionDuring: number;
    autoBlocksDuring: number;
    /** Auto-block precision during (a) against the baseline days (b), pooled, with 95% Wilson intervals. */
    precisionComparison: ShareComparison;
    /** Benign items over the auto-block threshold during (a) against before (b). */
    overThresholdComparison: ShareComparison;
  };
  rootCause: {
    threshold: number;
    benignScoreBaseline: number;
    benignScoreDuring: number;
    benignOverThresholdBaseline: number;
    benignOverThresholdDuring: number;
    aiBenignFlagsPerHourBaseline: number;
    aiBenignFlagsPerHourDuring: number;
  };
  bins: BinRow[];
  /** Classifier scores of benign items of the category, before and during, as shares per 0.05-wide bin. */
  scoreBins: {lo: number; baseline: number; during: number}[];
  days: DayRow[];
  watch: WatchMetric[];
  actions: Action[];
  findings: string[];
}

type Tables = Pick<Record<TableName, Columns>, "flags">;
const DAY = 24 * HOUR;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const sd = (xs: number[]) => {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const iso = (ms: number) => new Date(ms).toISOString().replace(":00.000Z", " UTC").replace("T", " ");

export function reviewIncident(tables: Tables, spec: IncidentSpec, options: IncidentOptions = {}): IncidentReview {
  const o = {...INCIDENT_DEFAULTS, ...options};
  const start = Date.parse(spec.start);
  const end = Date.parse(spec.end);
  if (!(end > start)) throw new Error(`invalid incident window: ${spec.start} to ${spec.end}`);
  const f = tables.flags as Record<string, ArrayLike<unknown>>;
  const n = f.flag_id.length;
  const startDate = spec.start.slice(0, 10);
  const endDate = spec.end.slice(0, 10);
  const baseFrom = Date.parse(`${addDays(startDate, -o.baselineDays)}T00:00:00Z`);
  const baseTo = Date.parse(`${startDate}T00:00:00Z`);
  const closeFrom = Date.parse(`${addDays(startDate, -o.contextDays)}T00:00:00Z`);
  const closeTo = Date.parse(`${addDays(endDate, o.contextDays + 1)}T00:00:00Z`);
  const binMs = o.binHours * HOUR;
  const bins: BinRow[] = [];
  for (let t = closeFrom; t < closeTo; t += binMs) bins.push({start: t, wrongful: 0, correct: 0, appeals: 0});

  const dayIndex = new Map<string, DayRow>();
  const day = (date: string) => {
    let row = dayIndex.get(date);
    if (!row) dayIndex.set(date, (row = {date, flags: 0, autoBlocks: 0, wrongfulBlocks: 0, allWrongfulBlocks: 0, alert: false}));
    return row;
  };
  let threshold = Infinity;
  let wrongful = 0, firstHarm = Infinity, lastHarm = -Infinity, appealed = 0, overturned = 0, firstAppeal = Infinity, lastAppeal = -Infinity;
  let baseWrongful = 0, baseBlocks = 0, baseBlocksCorrect = 0, blocksDuring = 0, blocksDuringCorrect = 0;
  let scoreBase = 0, nBase = 0, overBase = 0, scoreDuring = 0, nDuring = 0, overDuring = 0, aiBase = 0, aiDuring = 0;
  const accounts = new Set<unknown>();
  const countries = new Set<unknown>();
  const actions: Record<string, number> = {};
  const benignScores: {ts: number; score: number}[] = [];

  for (let i = 0; i < n; i++) {
    const route = f.route[i] as string;
    const score = f.ml_score[i] as number;
    if (route === "auto_block" && score < threshold) threshold = score;
    const violation = f.is_violation[i] as boolean;
    const date = f.date[i] as string;
    const row = day(date);
    if (route === "auto_block" && !violation) row.allWrongfulBlocks++;
    if (f.category[i] !== spec.category) continue;
    row.flags++;
    const ts = f.ts[i] as number;
    const during = ts >= start && ts < end;
    const baseline = ts >= baseFrom && ts < baseTo;
    if (!violation) {
      benignScores.push({ts, score});
      if (f.source[i] === "ai") {
        if (during) aiDuring++;
        if (baseline) aiBase++;
      }
    }
    if (route !== "auto_block") continue;
    row.autoBlocks++;
    if (!violation) row.wrongfulBlocks++;
    if (baseline) {
      baseBlocks++;
      if (violation) baseBlocksCorrect++;
      else baseWrongful++;
    }
    if (during) {
      blocksDuring++;
      if (violation) blocksDuringCorrect++;
    }
    if (ts >= closeFrom && ts < closeTo) {
      const b = bins[Math.floor((ts - closeFrom) / binMs)];
      if (violation) b.correct++;
      else b.wrongful++;
    }
    if (violation || !during) continue;
    wrongful++;
    firstHarm = Math.min(firstHarm, ts);
    lastHarm = Math.max(lastHarm, ts);
    accounts.add(f.actor_id[i]);
    countries.add(f.country[i]);
    const action = f.action[i] as string;
    actions[action] = (actions[action] ?? 0) + 1;
    if (f.appealed[i]) {
      appealed++;
      const at = f.appeal_ts[i] as number;
      firstAppeal = Math.min(firstAppeal, at);
      lastAppeal = Math.max(lastAppeal, at);
      if (at >= closeFrom && at < closeTo) bins[Math.floor((at - closeFrom) / binMs)].appeals++;
    }
    if (f.overturned[i]) overturned++;
  }
  // The threshold is read off the data: the lowest score that was blocked automatically.
  for (const {ts, score} of benignScores) {
    if (ts >= start && ts < end) {
      scoreDuring += score;
      nDuring++;
      if (score >= threshold) overDuring++;
    } else if (ts >= baseFrom && ts < baseTo) {
      scoreBase += score;
      nBase++;
      if (score >= threshold) overBase++;
    }
  }

  const scoreBins = Array.from({length: 20}, (_, k) => ({lo: k / 20, baseline: 0, during: 0}));
  for (const {ts, score} of benignScores) {
    const k = Math.min(19, Math.floor(score * 20));
    if (ts >= start && ts < end) scoreBins[k].during += 1 / Math.max(1, nDuring);
    else if (ts >= baseFrom && ts < baseTo) scoreBins[k].baseline += 1 / Math.max(1, nBase);
  }

  // The daily detector: a trailing rolling z on the category's auto-block count, an observable signal.
  const days = [...dayIndex.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const alerts = spikes(days.map((d) => d.autoBlocks), o.detectorWindow, o.detectorK);
  days.forEach((d, i) => (d.alert = alerts[i]));
  const alertDay = days.find((d) => d.alert && d.date >= startDate && d.date <= addDays(endDate, o.contextDays));
  // A daily batch sees a day once it is over.
  const detectedAt = alertDay ? Date.parse(`${alertDay.date}T00:00:00Z`) + DAY : NaN;

  const baselineHours = (baseTo - baseFrom) / HOUR;
  const windowHours = (end - start) / HOUR;
  const expected = (baseWrongful / baselineHours) * windowHours;
  const peak = bins.reduce((best, b) => (b.wrongful > best.wrongful ? b : best), bins[0]);

  const timeline: TimelineEvent[] = [
    {ts: start, event: `Classifier push: ${spec.title}`, source: "deploy log" as const},
    ...(Number.isFinite(firstHarm) ? [{ts: firstHarm, event: "First benign item blocked automatically", source: "flags" as const}] : []),
    // Placed mid-bin so that it sorts after a first block inside the same bin.
    ...(peak && peak.wrongful > 0 ? [{ts: peak.start + binMs / 2, event: `Peak: ${peak.wrongful} wrongful blocks between ${iso(peak.start).slice(11, 16)} and ${iso(peak.start + binMs).slice(11, 16)} UTC`, source: "flags" as const}] : []),
    ...(Number.isFinite(firstAppeal) ? [{ts: firstAppeal, event: "First appeal against a wrongful block", source: "appeals" as const}] : []),
    ...(Number.isFinite(lastHarm) ? [{ts: lastHarm, event: "Last wrongful block", source: "flags" as const}] : []),
    {ts: end, event: "Rollback", source: "deploy log" as const},
    ...(alertDay ? [{ts: detectedAt, event: `Daily detector fires on ${alertDay.date}'s ${spec.category} auto-blocks (${alertDay.autoBlocks}, over ${o.detectorK} sd above the ${o.detectorWindow}-day mean)`, source: "detector" as const}] : []),
    ...(Number.isFinite(lastAppeal) ? [{ts: lastAppeal, event: "Last appeal against a wrongful block", source: "appeals" as const}] : [])
  ].sort((a, b) => a.ts - b.ts);

  const base = days.filter((d) => d.date >= addDays(startDate, -o.baselineDays) && d.date < startDate);
  const incidentDays = days.filter((d) => d.date >= startDate && d.date <= endDate);
  const watchRow = (metric: string, definition: string, values: (d: DayRow) => number, unit: WatchMetric["unit"], direction: WatchMetric["direction"], during: number): WatchMetric => {
    const b = base.map(values).filter(Number.isFinite);
    const m = mean(b);
    const alertAt = direction === "above" ? Math.max(...b, m + o.detectorK * sd(b)) : Math.min(...b, m - o.detectorK * sd(b));
    return {metric, definition, baseline: m, alertAt, direction, during, unit};
  };
  const label = spec.category.charAt(0).toUpperCase() + spec.category.slice(1).replace(/_/g, " ");
  const watch: WatchMetric[] = [
    watchRow(`${label} auto-blocks per day`, `Items of ${spec.category.replace(/_/g, " ")} the classifier blocked without review (observable, no ground truth needed)`, (d) => d.autoBlocks, "per day", "above", mean(incidentDays.map((d) => d.autoBlocks))),
    watchRow("Wrongful auto-blocks per day (QA sample)", "Benign items blocked automatically, every category, as a QA sample of auto-blocks would estimate", (d) => d.allWrongfulBlocks, "per day", "above", mean(incidentDays.map((d) => d.allWrongfulBlocks))),
    watchRow(`${label} auto-block precision`, `Share of ${spec.category.replace(/_/g, " ")} auto-blocks that are true violations`, (d) => (d.autoBlocks ? 1 - d.wrongfulBlocks / d.autoBlocks : NaN), "share", "below", blocksDuring ? blocksDuringCorrect / blocksDuring : NaN)
  ];

  // Pooled over the items (not a mean of daily shares), with 95% Wilson intervals: what the findings compare.
  const precision = compareShares(countedShare(blocksDuringCorrect, blocksDuring), countedShare(baseBlocksCorrect, baseBlocks));
  const overThreshold = compareShares(countedShare(overDuring, nDuring), countedShare(overBase, nBase));
  const due = (days: number) => addDays(endDate, days);
  const actionList: Action[] = [
    {action: `Canary every ${spec.category} classifier push on 5% of traffic, with automatic rollback when the canary's auto-block rate leaves its baseline band`, owner: "ML platform", due: due(14), verifiedBy: `${watch[0].metric} on the canary vs control`},
    // Only a score shift the intervals separate from noise is a root cause to gate releases on.
    ...(overThreshold.overlap ? [] : [{action: `Gate releases on an offline check of benign score shift: the share of benign validation items over the auto-block threshold (${formatNumber(threshold, 3)}) may not rise`, owner: "Detection ML", due: due(14), verifiedBy: `Benign share over threshold: ${formatPercent(overBase / Math.max(1, nBase), 1)} before the push`}]),
    {action: `Page on-call from the hourly auto-block monitor (today's detector is a daily batch and would have fired ${formatHours((detectedAt - start) / HOUR)} after the push)`, owner: "T&S analytics", due: due(7), verifiedBy: "Time to detect under 2 h in a replay of this incident"},
    {action: `Reverse the ${wrongful - overturned} wrongful blocks still standing and notify the ${accounts.size} affected accounts`, owner: "T&S operations", due: due(3), verifiedBy: "Standing wrongful blocks = 0"},
    ...(precision.overlap ? [] : [{action: "Route auto-blocks of accounts with a clean history to human review for 48 h after any classifier push", owner: "T&S policy with Detection ML", due: due(30), verifiedBy: `${watch[2].metric} during the next push`}])
  ];

  const findings = [
    `${wrongful} benign ${spec.category} items were blocked automatically between the push and the rollback (${formatHours(windowHours)}), against ${formatNumber(expected, 1)} expected at the baseline rate: ${formatCount(wrongful - expected)} excess wrongful blocks on ${accounts.size} accounts in ${countries.size} countries.`,
    `${appealed} of them were appealed (${formatPercent(appealed / Math.max(1, wrongful), 0)}) and ${overturned} overturned; ${wrongful - overturned} wrongful blocks still stand.`,
    `Precision of ${spec.category} auto-blocks was ${shareText(precision.b)} in the ${o.baselineDays} days before and ${shareText(precision.a)} during the incident: ${differenceText(precision)}.`,
    `Root cause: benign ${spec.category} items scored ${formatNumber(nDuring ? scoreDuring / nDuring : NaN, 3)} on average during the push against ${formatNumber(nBase ? scoreBase / nBase : NaN, 3)} before, and ${shareText(overThreshold.a)} of them crossed the auto-block threshold (${formatNumber(threshold, 3)}) against ${shareText(overThreshold.b)} before: ${differenceText(overThreshold)}.`,
    alertDay
      ? `A daily detector on ${spec.category} auto-blocks would have fired ${formatHours((detectedAt - start) / HOUR)} after the push; the rollback came ${formatHours(windowHours)} after the push${detectedAt < end ? `, ${formatHours((end - detectedAt) / HOUR)} after that alert` : ""}.`
      : `A daily detector on ${spec.category} auto-blocks (window ${o.detectorWindow} days, ${o.detectorK} sd) would not have fired: the incident stays inside normal variation of the observable signal.`
  ];

  return {
    spec,
    options: o,
    timeline,
    durations: {
      toFirstHarmHours: (firstHarm - start) / HOUR,
      toDetectHours: (detectedAt - start) / HOUR,
      toMitigateHours: windowHours,
      detectToMitigateHours: (end - detectedAt) / HOUR,
      harmWindowHours: Number.isFinite(firstHarm) ? (lastHarm - firstHarm) / HOUR : 0
    },
    impact: {
      wrongfulBlocks: wrongful,
      expectedWrongfulBlocks: expected,
      excessWrongfulBlocks: wrongful - expected,
      accounts: accounts.size,
      countries: countries.size,
      actions,
      appealed,
      overturned,
      standing: wrongful - overturned,
      appealRate: wrongful ? appealed / wrongful : NaN,
      overturnRate: appealed ? overturned / appealed : NaN,
      precisionBaseline: baseBlocks ? baseBlocksCorrect / baseBlocks : NaN,
      precisionDuring: blocksDuring ? blocksDuringCorrect / blocksDuring : NaN,
      autoBlocksDuring: blocksDuring,
      precisionComparison: precision,
      overThresholdComparison: overThreshold
    },
    rootCause: {
      threshold,
      benignScoreBaseline: nBase ? scoreBase / nBase : NaN,
      benignScoreDuring: nDuring ? scoreDuring / nDuring : NaN,
      benignOverThresholdBaseline: nBase ? overBase / nBase : NaN,
      benignOverThresholdDuring: nDuring ? overDuring / nDuring : NaN,
      aiBenignFlagsPerHourBaseline: aiBase / baselineHours,
      aiBenignFlagsPerHourDuring: aiDuring / windowHours
    },
    bins,
    scoreBins,
    days,
    watch,
    actions: actionList,
    findings
  };
}
