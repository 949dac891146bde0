import type {ShareComparison} from "../stats/compareShares.js";

/** The types of the incident postmortem: what analyseIncident measures and narrateIncident writes. */

export interface IncidentSpec {
  id: string;
  title: string;
  /** Policy category of the pushed classifier. */
  category: string;
  /** Deploy log: push and rollback, ISO timestamps (UTC). */
  start: string;
  end: string;
}

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

/** A metric to watch, as measured: its baseline, its alert level and its value during the incident. */
export interface WatchFigure {
  baseline: number;
  /** Alert beyond this: the baseline mean ± detectorK standard deviations, or the baseline's extreme if that is further. */
  alertAt: number;
  direction: "above" | "below";
  during: number;
  unit: "per day" | "share";
}

/** A metric to watch, named and defined. */
export interface WatchMetric extends WatchFigure {
  metric: string;
  definition: string;
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

/** The dated moments of the incident as the data show them (ms since the epoch; ±Infinity when absent). */
export interface IncidentMoments {
  push: number;
  rollback: number;
  firstHarm: number;
  lastHarm: number;
  firstAppeal: number;
  lastAppeal: number;
  /** The close-up bin with the most wrongful blocks, and its width (ms). */
  peak: BinRow | undefined;
  binMs: number;
  /** The first day the daily detector alerts on, and when a daily batch would see it (NaN without one). */
  alertDay: DayRow | undefined;
  detectedAt: number;
}

/** The category's three metrics to watch, as numbers (narrateIncident names and defines them). */
export interface IncidentWatchFigures {
  autoBlocks: WatchFigure;
  allWrongfulBlocks: WatchFigure;
  precision: WatchFigure;
}

/** Everything the postmortem measures: numbers only; narrateIncident writes the timeline, actions and findings. */
export interface IncidentAnalysis extends Pick<IncidentReview, "spec" | "options" | "durations" | "impact" | "rootCause" | "bins" | "scoreBins" | "days"> {
  moments: IncidentMoments;
  watch: IncidentWatchFigures;
}

/** The prose of the postmortem, written from an IncidentAnalysis. */
export type IncidentNarrative = Pick<IncidentReview, "timeline" | "watch" | "actions" | "findings">;
