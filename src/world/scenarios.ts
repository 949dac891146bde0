import {addDays} from "./calendar.js";
import type {Category} from "./constants.js";

/**
 * The dated events of the simulated half-year. Every page that explains a day refers back to these, so
 * they are data, not prose: the anomaly table joins flagged days to `explainDay`.
 */

export type AttackPattern = "harassment_brigade" | "spam_bot_wave" | "misinfo_network" | "scam_slow_burn" | "hate_raid";

export interface AttackSpec {
  id: string;
  pattern: AttackPattern;
  category: Category;
  /** Inclusive UTC dates. */
  start: string;
  end: string;
  /** Ring accounts at scale 1. */
  accounts: number;
  /** Extra flags on each attack day as a multiple of the day's expected organic volume. */
  intensity: readonly number[];
  /** Share of the attack's flags raised by the AI classifier (the rest by users and trusted flaggers). */
  aiShare: number;
  description: string;
}

/** Five coordinated attacks over nine days, all inside seed 001's 90-day window; three are low-intensity. */
export const ATTACKS: readonly AttackSpec[] = [
  {id: "A1", pattern: "harassment_brigade", category: "harassment_hate", start: "2025-06-17", end: "2025-06-17", accounts: 45, intensity: [3.2], aiShare: 0.2, description: "A brigade of new accounts floods one creator's posts with abuse."},
  {id: "A2", pattern: "spam_bot_wave", category: "spam", start: "2025-07-08", end: "2025-07-09", accounts: 70, intensity: [1.0, 2.4], aiShare: 0.75, description: "A bot wave posts near-identical promotional links from fresh accounts sharing devices."},
  {id: "A3", pattern: "misinfo_network", category: "misinformation", start: "2025-07-24", end: "2025-07-24", accounts: 30, intensity: [0.2], aiShare: 0.2, description: "A small network seeds the same false claim; low volume, high similarity."},
  {id: "A4", pattern: "scam_slow_burn", category: "spam", start: "2025-08-05", end: "2025-08-07", accounts: 35, intensity: [0.22, 0.26, 0.2], aiShare: 0.5, description: "A slow-burn scam campaign stays under volume alarms for three days."},
  {id: "A5", pattern: "hate_raid", category: "harassment_hate", start: "2025-08-20", end: "2025-08-21", accounts: 55, intensity: [1.1, 2.6], aiShare: 0.25, description: "A coordinated hate raid on one community's posts over two days."}
];

/** Seed 000's spam surge: an APAC spam wave in April from ordinary spammer accounts. */
export const SPAM_SURGE = {start: "2025-04-08", end: "2025-04-13", region: "APAC", multiplier: [2.2, 3.0, 3.4, 3.1, 2.6, 2.0]} as const;

/** Seed 000's July misinformation event: a ramp, a plateau and a decay, on every region. */
export const MISINFO_EVENT = {start: "2025-07-01", end: "2025-07-31", peak: 3.7, rampDays: 14, decayDays: 8} as const;

/** The messaging-feature launch (seed 003's investigation): adoption ramps, a scam ring follows. */
export const MESSAGING_LAUNCH = {date: "2025-05-05", adoptionDays: 14, scamStart: "2025-05-12", scamEnd: "2025-05-25"} as const;

/** The A/B test of a friction mitigation: new accounts' first messages are rate limited in treatment. */
export const EXPERIMENT = {id: "EXP-7 new-account message rate limit", start: "2025-06-02", end: "2025-06-29", newAccountDays: 7} as const;

/** Classifier drift on true violations (seed 001): stable, then a linear decline over the last 90 days. */
export const DRIFT = {stableMean: 0.86, endMean: 0.784, start: "2025-06-03", end: "2025-08-31"} as const;

/** The one incident: a classifier push inflates nudity scores on benign content until rollback. */
export const INCIDENT = {
  id: "INC-2025-08-12",
  start: "2025-08-12T09:00:00Z",
  end: "2025-08-13T21:00:00Z",
  category: "nudity" as Category,
  scoreInflation: 0.62,
  /** Extra AI flags on benign content while the push is live, as a share of the day's organic flags. */
  falseAlarmShare: 0.025,
  title: "Nudity classifier v3.2 push over-blocks benign content"
} as const;

export interface ScenarioNote {
  date: string;
  scenario: string;
  note: string;
}

/** The scenarios that explain a date, for annotating anomalies. */
export function explainDay(date: string): ScenarioNote[] {
  const notes: ScenarioNote[] = [];
  for (const a of ATTACKS) if (date >= a.start && date <= a.end) notes.push({date, scenario: `attack ${a.id}`, note: `${a.pattern.replace(/_/g, " ")}: ${a.description}`});
  if (date >= SPAM_SURGE.start && date <= SPAM_SURGE.end) notes.push({date, scenario: "spam surge", note: "APAC spam surge from spammer accounts"});
  if (date >= MISINFO_EVENT.start && date <= MISINFO_EVENT.end) notes.push({date, scenario: "misinformation event", note: "July misinformation event"});
  if (date >= MESSAGING_LAUNCH.date && date < addDays(MESSAGING_LAUNCH.date, MESSAGING_LAUNCH.adoptionDays)) notes.push({date, scenario: "messaging launch", note: "messaging feature adoption ramp"});
  if (date >= MESSAGING_LAUNCH.scamStart && date <= MESSAGING_LAUNCH.scamEnd) notes.push({date, scenario: "messaging scam ring", note: "scam ring exploits the new messaging feature"});
  if (date >= INCIDENT.start.slice(0, 10) && date <= INCIDENT.end.slice(0, 10)) notes.push({date, scenario: "incident", note: INCIDENT.title});
  return notes;
}

