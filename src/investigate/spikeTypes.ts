import type {ShareComparison} from "../stats/compareShares.js";
import type {WeekChange} from "./findSpikeWeek.js";
import type {QuerySpec} from "./queries.js";
import type {RiseComponent, SegmentRow} from "./riseComponents.js";

/** The types of the report-spike investigation: what analyseReportSpike measures and narrateReportSpike writes. */

export interface InvestigationOptions {
  /** Days after the launch in which the case week may start. */
  searchDays?: number;
  /** A hypothesis is supported when its part explains at least this share of the rise. */
  shareThreshold?: number;
  /** Adoption: the report rate per message counts as unchanged within this relative change. */
  rateTolerance?: number;
  /** Over-reporting: supported when the share of reports that are true violations fell by more than this. */
  precisionDrop?: number;
  /** "Young" sender accounts, in days since signup. */
  youngDays?: number;
  /** Weeks compared for churn: this many full weeks before the launch week and from it. */
  churnWeeks?: number;
  /** Other weeks with a rise at least this large are listed (they are not this case). */
  riseThreshold?: number;
  /** Reports each published flag stands for (1 / the flags table's sample rate; 1 up to scale 4). */
  flagWeight?: number;
}

export const INVESTIGATION_DEFAULTS: Required<InvestigationOptions> = {
  searchDays: 28,
  shareThreshold: 0.2,
  rateTolerance: 0.35,
  precisionDrop: 0.05,
  youngDays: 14,
  churnWeeks: 4,
  riseThreshold: 0.25,
  flagWeight: 1
};

export interface WeekRow extends WeekChange {
  contentCreated: number;
  userDays: number;
}

export interface AdoptionRow {
  week: string;
  /** Messages sent (population estimate from the weighted cohort). */
  messages: number;
  ringMessages: number;
  otherMessages: number;
  /** Share of active ordinary users who sent a message that week. */
  adoption: number;
  /** Reports on direct messages from accounts outside rings. */
  organicMessageReports: number;
  /** organicMessageReports per 10,000 messages of accounts outside rings. */
  organicRatePer10k: number;
  /** Ordinary users who received an abusive message (population estimate), and from ring accounts. */
  exposedUsers: number;
  exposedByRing: number;
  /** exposedUsers per 1,000 active ordinary users. */
  exposedPer1k: number;
}

export interface ChurnRow {
  week: string;
  atRisk: number;
  churned: number;
  churnedAfterAbuse: number;
  churnedAfterRingAbuse: number;
  /** Cohort members behind the weighted count (small: the rate is noisy). */
  churnersInCohort: number;
  /** churned per 1,000 users at risk. */
  ratePer1k: number;
}

export interface ChurnWindow {
  start: string;
  end: string;
  churned: number;
  atRisk: number;
  /** Weekly churn per 1,000 users at risk, averaged over the window's weeks. */
  ratePer1k: number;
  churnersInCohort: number;
  /** Shares of the window's churned users who had an abusive message in the 30 days before leaving. */
  afterAbuseShare: number;
  afterRingAbuseShare: number;
}

export interface Hypothesis {
  id: string;
  title: string;
  /** How the data tests it, and the rule that decides. */
  test: string;
  evidence: string;
  supported: boolean;
  queries: string[];
}

export interface Mitigation {
  title: string;
  rationale: string;
  owner: string;
  metric: string;
  link?: string;
}

export interface MeasurementItem {
  metric: string;
  definition: string;
  baseline: string;
  target: string;
  cadence: string;
}

export interface RingRow {
  ringId: string;
  purpose: string;
  ringAccounts: number;
  reportedAccounts: number;
  devices: number;
  ipPrefixes: number;
  paymentInstruments: number;
  firstSignup: string;
  lastSignup: string;
}

export interface Investigation {
  options: Required<InvestigationOptions>;
  launch: {firstMessage: string; firstMessageReport: string};
  weeks: WeekRow[];
  caseWeek: WeekRow;
  previousWeek: WeekRow;
  /** Other full weeks whose reports rose at least riseThreshold, with the ring accounts' share of their reports. */
  otherRises: {week: string; change: number; ringShare: number; scenarios: string[]}[];
  segments: SegmentRow[];
  /** The rise split into adoption, attacker and baseline, from the flags (× flagWeight). */
  components: RiseComponent[];
  /** Weekly reports (daily_country) minus the sum of the segments: 0 when the flags table is complete. */
  unexplained: number;
  adoption: AdoptionRow[];
  churn: {weeks: ChurnRow[]; before: ChurnWindow; after: ChurnWindow};
  senderAge: {youngDays: number; reports: number; youngReports: number; ringReports: number; youngRingReports: number; precision: number; recall: number; youngShareOfRing: number; youngShareOfOther: number};
  rings: RingRow[];
  violationShare: {previous: number; current: number};
  /** Share of reports that are true violations, case week (a) against the week before (b), with intervals. */
  violationComparison: ShareComparison;
  /** Share of reported messages from young senders, ring accounts (a) against the others (b), with intervals. */
  youngSenders: ShareComparison;
  attackerAiShare: number;
  hypotheses: Hypothesis[];
  findings: string[];
  mitigations: Mitigation[];
  measurement: MeasurementItem[];
  queries: (QuerySpec & {rows: Record<string, unknown>[]})[];
}

/** Figures the narrative quotes beyond the tables above: week-over-week changes and the rise's size. */
export interface SpikeChanges {
  /** Reports added from the previous week to the case week, over the three components. */
  riseDelta: number;
  /** Messages of accounts outside rings, and their report rate per 10,000, case week against the week before. */
  messageChange: number;
  rateChange: number;
  rateDifference: number;
  /** Reports on ring accounts' direct messages in the case week. */
  attackerMessages: number;
  /** Weekly churn per 1,000, the weeks from the launch minus the weeks before. */
  churnDifference: number;
  /** Days from the first direct message to the case week's Monday. */
  daysAfterLaunch: number;
}

/** How each hypothesis' rule decided (H1 adoption, H2 attacker, H3 over-reporting, H4 organic trend). */
export interface SpikeDecisions {
  adoption: boolean;
  attacker: boolean;
  overReporting: boolean;
  organic: boolean;
}

/** Everything the investigation measures: numbers and query results only. */
export type SpikeAnalysis = Omit<Investigation, "hypotheses" | "findings" | "mitigations" | "measurement"> & {changes: SpikeChanges; decisions: SpikeDecisions};

/** The investigation's prose, written from a SpikeAnalysis. */
export type SpikeNarrative = Pick<Investigation, "hypotheses" | "findings" | "mitigations" | "measurement">;
