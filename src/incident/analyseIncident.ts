import {compareShares, countedShare} from "../stats/compareShares.js";
import {spikes} from "../detect/rollingZ.js";
import type {TableName} from "../io/contracts.js";
import type {Columns} from "../io/schema.js";
import {addDays} from "../core/calendar.js";
import {HOUR_MS as HOUR} from "../core/constants.js";
import {INCIDENT_DEFAULTS, type BinRow, type DayRow, type IncidentAnalysis, type IncidentOptions, type IncidentSpec, type WatchFigure} from "./incidentTypes.js";

/**
 * The measurements of a classifier push's postmortem, on the flags table: when wrongful blocks started
 * and stopped, when a daily detector on an observable signal would have fired, who was affected, what
 * appeals undid and how the scores moved. Numbers only: narrateIncident writes them up.
 */

type Tables = Pick<Record<TableName, Columns>, "flags">;
type Flags = Record<string, ArrayLike<unknown>>;
const DAY = 24 * HOUR;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const sd = (xs: number[]) => {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const midnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The incident's time frames (ms): the deploy window, the baseline before it and the close-up around it. */
interface Frames {
  start: number;
  end: number;
  startDate: string;
  endDate: string;
  baseFrom: number;
  baseTo: number;
  closeFrom: number;
  closeTo: number;
  binMs: number;
}

function incidentFrames(spec: IncidentSpec, o: Required<IncidentOptions>): Frames {
  const start = Date.parse(spec.start);
  const end = Date.parse(spec.end);
  if (!(end > start)) throw new Error(`invalid incident window: ${spec.start} to ${spec.end}`);
  const startDate = spec.start.slice(0, 10);
  const endDate = spec.end.slice(0, 10);
  return {
    start,
    end,
    startDate,
    endDate,
    baseFrom: midnight(addDays(startDate, -o.baselineDays)),
    baseTo: midnight(startDate),
    closeFrom: midnight(addDays(startDate, -o.contextDays)),
    closeTo: midnight(addDays(endDate, o.contextDays + 1)),
    binMs: o.binHours * HOUR
  };
}

/** Running counts over the flags, in one pass. */
interface Tally {
  threshold: number;
  wrongful: number;
  firstHarm: number;
  lastHarm: number;
  appealed: number;
  overturned: number;
  firstAppeal: number;
  lastAppeal: number;
  baseWrongful: number;
  baseBlocks: number;
  baseBlocksCorrect: number;
  blocksDuring: number;
  blocksDuringCorrect: number;
  aiBase: number;
  aiDuring: number;
  accounts: Set<unknown>;
  countries: Set<unknown>;
  actions: Record<string, number>;
  benignScores: {ts: number; score: number}[];
  bins: BinRow[];
  days: Map<string, DayRow>;
}

function emptyTally(w: Frames): Tally {
  const bins: BinRow[] = [];
  for (let t = w.closeFrom; t < w.closeTo; t += w.binMs) bins.push({start: t, wrongful: 0, correct: 0, appeals: 0});
  return {
    threshold: Infinity,
    wrongful: 0, firstHarm: Infinity, lastHarm: -Infinity, appealed: 0, overturned: 0, firstAppeal: Infinity, lastAppeal: -Infinity,
    baseWrongful: 0, baseBlocks: 0, baseBlocksCorrect: 0, blocksDuring: 0, blocksDuringCorrect: 0, aiBase: 0, aiDuring: 0,
    accounts: new Set(), countries: new Set(), actions: {}, benignScores: [], bins, days: new Map()
  };
}

function dayRow(t: Tally, date: string): DayRow {
  let row = t.days.get(date);
  if (!row) t.days.set(date, (row = {date, flags: 0, autoBlocks: 0, wrongfulBlocks: 0, allWrongfulBlocks: 0, alert: false}));
  return row;
}

/** Counts every flag: the auto-block threshold and benign auto-blocks over all categories, the rest for the pushed one. */
function tallyFlags(f: Flags, spec: IncidentSpec, w: Frames): Tally {
  const t = emptyTally(w);
  for (let i = 0; i < f.flag_id.length; i++) {
    const route = f.route[i] as string;
    const score = f.ml_score[i] as number;
    // The threshold is read off the data: the lowest score that was blocked automatically.
    if (route === "auto_block" && score < t.threshold) t.threshold = score;
    const violation = f.is_violation[i] as boolean;
    const row = dayRow(t, f.date[i] as string);
    if (route === "auto_block" && !violation) row.allWrongfulBlocks++;
    if (f.category[i] !== spec.category) continue;
    row.flags++;
    const ts = f.ts[i] as number;
    const during = ts >= w.start && ts < w.end;
    const baseline = ts >= w.baseFrom && ts < w.baseTo;
    if (!violation) {
      t.benignScores.push({ts, score});
      if (f.source[i] === "ai") {
        if (during) t.aiDuring++;
        if (baseline) t.aiBase++;
      }
    }
    if (route !== "auto_block") continue;
    row.autoBlocks++;
    if (!violation) row.wrongfulBlocks++;
    tallyAutoBlock(t, w, ts, violation, baseline, during);
    if (!violation && during) tallyWrongfulBlock(t, w, f, i, ts);
  }
  return t;
}

function tallyAutoBlock(t: Tally, w: Frames, ts: number, violation: boolean, baseline: boolean, during: boolean): void {
  if (baseline) {
    t.baseBlocks++;
    if (violation) t.baseBlocksCorrect++;
    else t.baseWrongful++;
  }
  if (during) {
    t.blocksDuring++;
    if (violation) t.blocksDuringCorrect++;
  }
  if (ts >= w.closeFrom && ts < w.closeTo) {
    const b = t.bins[Math.floor((ts - w.closeFrom) / w.binMs)];
    if (violation) b.correct++;
    else b.wrongful++;
  }
}

/** A benign item of the category blocked automatically during the push: who, where, and what appeals did. */
function tallyWrongfulBlock(t: Tally, w: Frames, f: Flags, i: number, ts: number): void {
  t.wrongful++;
  t.firstHarm = Math.min(t.firstHarm, ts);
  t.lastHarm = Math.max(t.lastHarm, ts);
  t.accounts.add(f.actor_id[i]);
  t.countries.add(f.country[i]);
  const action = f.action[i] as string;
  t.actions[action] = (t.actions[action] ?? 0) + 1;
  if (f.appealed[i]) {
    t.appealed++;
    const at = f.appeal_ts[i] as number;
    t.firstAppeal = Math.min(t.firstAppeal, at);
    t.lastAppeal = Math.max(t.lastAppeal, at);
    if (at >= w.closeFrom && at < w.closeTo) t.bins[Math.floor((at - w.closeFrom) / w.binMs)].appeals++;
  }
  if (f.overturned[i]) t.overturned++;
}

/** Benign items' scores before and during the push: sums, counts and how many crossed the threshold. */
function benignScoreShift(t: Tally, w: Frames) {
  let scoreBase = 0, nBase = 0, overBase = 0, scoreDuring = 0, nDuring = 0, overDuring = 0;
  for (const {ts, score} of t.benignScores) {
    if (ts >= w.start && ts < w.end) {
      scoreDuring += score;
      nDuring++;
      if (score >= t.threshold) overDuring++;
    } else if (ts >= w.baseFrom && ts < w.baseTo) {
      scoreBase += score;
      nBase++;
      if (score >= t.threshold) overBase++;
    }
  }
  return {scoreBase, nBase, overBase, scoreDuring, nDuring, overDuring};
}

/** Benign items' scores as shares per 0.05-wide bin, before and during the push. */
function benignScoreBins(t: Tally, w: Frames, nBase: number, nDuring: number): IncidentAnalysis["scoreBins"] {
  const scoreBins = Array.from({length: 20}, (_, k) => ({lo: k / 20, baseline: 0, during: 0}));
  for (const {ts, score} of t.benignScores) {
    const k = Math.min(19, Math.floor(score * 20));
    if (ts >= w.start && ts < w.end) scoreBins[k].during += 1 / Math.max(1, nDuring);
    else if (ts >= w.baseFrom && ts < w.baseTo) scoreBins[k].baseline += 1 / Math.max(1, nBase);
  }
  return scoreBins;
}

/** The daily detector: a trailing rolling z on the category's auto-block count, an observable signal. */
function detectorDays(t: Tally, w: Frames, o: Required<IncidentOptions>): {days: DayRow[]; alertDay: DayRow | undefined; detectedAt: number} {
  const days = [...t.days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const alerts = spikes(days.map((d) => d.autoBlocks), o.detectorWindow, o.detectorK);
  days.forEach((d, i) => (d.alert = alerts[i]));
  const alertDay = days.find((d) => d.alert && d.date >= w.startDate && d.date <= addDays(w.endDate, o.contextDays));
  // A daily batch sees a day once it is over.
  const detectedAt = alertDay ? midnight(alertDay.date) + DAY : NaN;
  return {days, alertDay, detectedAt};
}

/** A metric's baseline days against the incident: its mean, and an alert level of detectorK sd (or the baseline's extreme). */
function watchFigure(base: readonly DayRow[], values: (d: DayRow) => number, unit: WatchFigure["unit"], direction: WatchFigure["direction"], during: number, detectorK: number): WatchFigure {
  const b = base.map(values).filter(Number.isFinite);
  const m = mean(b);
  const alertAt = direction === "above" ? Math.max(...b, m + detectorK * sd(b)) : Math.min(...b, m - detectorK * sd(b));
  return {baseline: m, alertAt, direction, during, unit};
}

function watchFigures(days: readonly DayRow[], t: Tally, w: Frames, o: Required<IncidentOptions>): IncidentAnalysis["watch"] {
  const base = days.filter((d) => d.date >= addDays(w.startDate, -o.baselineDays) && d.date < w.startDate);
  const incidentDays = days.filter((d) => d.date >= w.startDate && d.date <= w.endDate);
  return {
    autoBlocks: watchFigure(base, (d) => d.autoBlocks, "per day", "above", mean(incidentDays.map((d) => d.autoBlocks)), o.detectorK),
    allWrongfulBlocks: watchFigure(base, (d) => d.allWrongfulBlocks, "per day", "above", mean(incidentDays.map((d) => d.allWrongfulBlocks)), o.detectorK),
    precision: watchFigure(base, (d) => (d.autoBlocks ? 1 - d.wrongfulBlocks / d.autoBlocks : NaN), "share", "below", t.blocksDuring ? t.blocksDuringCorrect / t.blocksDuring : NaN, o.detectorK)
  };
}

/** Impact of the push: wrongful blocks against the baseline rate, who they hit, what appeals undid, precision. */
function incidentImpact(t: Tally, w: Frames, shift: ReturnType<typeof benignScoreShift>): IncidentAnalysis["impact"] {
  const expected = (t.baseWrongful / ((w.baseTo - w.baseFrom) / HOUR)) * ((w.end - w.start) / HOUR);
  return {
    wrongfulBlocks: t.wrongful,
    expectedWrongfulBlocks: expected,
    excessWrongfulBlocks: t.wrongful - expected,
    accounts: t.accounts.size,
    countries: t.countries.size,
    actions: t.actions,
    appealed: t.appealed,
    overturned: t.overturned,
    standing: t.wrongful - t.overturned,
    appealRate: t.wrongful ? t.appealed / t.wrongful : NaN,
    overturnRate: t.appealed ? t.overturned / t.appealed : NaN,
    precisionBaseline: t.baseBlocks ? t.baseBlocksCorrect / t.baseBlocks : NaN,
    precisionDuring: t.blocksDuring ? t.blocksDuringCorrect / t.blocksDuring : NaN,
    autoBlocksDuring: t.blocksDuring,
    // Pooled over the items (not a mean of daily shares), with 95% Wilson intervals: what the findings compare.
    precisionComparison: compareShares(countedShare(t.blocksDuringCorrect, t.blocksDuring), countedShare(t.baseBlocksCorrect, t.baseBlocks)),
    overThresholdComparison: compareShares(countedShare(shift.overDuring, shift.nDuring), countedShare(shift.overBase, shift.nBase))
  };
}

function rootCause(t: Tally, w: Frames, s: ReturnType<typeof benignScoreShift>): IncidentAnalysis["rootCause"] {
  return {
    threshold: t.threshold,
    benignScoreBaseline: s.nBase ? s.scoreBase / s.nBase : NaN,
    benignScoreDuring: s.nDuring ? s.scoreDuring / s.nDuring : NaN,
    benignOverThresholdBaseline: s.nBase ? s.overBase / s.nBase : NaN,
    benignOverThresholdDuring: s.nDuring ? s.overDuring / s.nDuring : NaN,
    aiBenignFlagsPerHourBaseline: t.aiBase / ((w.baseTo - w.baseFrom) / HOUR),
    aiBenignFlagsPerHourDuring: t.aiDuring / ((w.end - w.start) / HOUR)
  };
}

/** Measures the incident of `spec` on the flags table: numbers only (see narrateIncident for the text). */
export function analyseIncident(tables: Tables, spec: IncidentSpec, options: IncidentOptions = {}): IncidentAnalysis {
  const o = {...INCIDENT_DEFAULTS, ...options};
  const w = incidentFrames(spec, o);
  const t = tallyFlags(tables.flags as Flags, spec, w);
  const shift = benignScoreShift(t, w);
  const {days, alertDay, detectedAt} = detectorDays(t, w, o);
  const peak = t.bins.reduce((best, b) => (b.wrongful > best.wrongful ? b : best), t.bins[0]);
  return {
    spec,
    options: o,
    durations: {
      toFirstHarmHours: (t.firstHarm - w.start) / HOUR,
      toDetectHours: (detectedAt - w.start) / HOUR,
      toMitigateHours: (w.end - w.start) / HOUR,
      detectToMitigateHours: (w.end - detectedAt) / HOUR,
      harmWindowHours: Number.isFinite(t.firstHarm) ? (t.lastHarm - t.firstHarm) / HOUR : 0
    },
    impact: incidentImpact(t, w, shift),
    rootCause: rootCause(t, w, shift),
    bins: t.bins,
    scoreBins: benignScoreBins(t, w, shift.nBase, shift.nDuring),
    days,
    moments: {push: w.start, rollback: w.end, firstHarm: t.firstHarm, lastHarm: t.lastHarm, firstAppeal: t.firstAppeal, lastAppeal: t.lastAppeal, peak, binMs: w.binMs, alertDay, detectedAt},
    watch: watchFigures(days, t, w, o)
  };
}
