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

/** Five coordinated attacks over nine days, all inside the T&S ops dashboard's 90-day window; three are low-intensity. */
export const ATTACKS: readonly AttackSpec[] = [
  {id: "A1", pattern: "harassment_brigade", category: "harassment_hate", start: "2025-06-17", end: "2025-06-17", accounts: 45, intensity: [3.2], aiShare: 0.2, description: "A brigade of new accounts floods one creator's posts with abuse."},
  {id: "A2", pattern: "spam_bot_wave", category: "spam", start: "2025-07-08", end: "2025-07-09", accounts: 70, intensity: [1.0, 2.4], aiShare: 0.75, description: "A bot wave posts near-identical promotional links from fresh accounts sharing devices."},
  {id: "A3", pattern: "misinfo_network", category: "misinformation", start: "2025-07-24", end: "2025-07-24", accounts: 30, intensity: [0.2], aiShare: 0.2, description: "A small network seeds the same false claim; low volume, high similarity."},
  {id: "A4", pattern: "scam_slow_burn", category: "spam", start: "2025-08-05", end: "2025-08-07", accounts: 35, intensity: [0.22, 0.26, 0.2], aiShare: 0.5, description: "A slow-burn scam campaign stays under volume alarms for three days."},
  {id: "A5", pattern: "hate_raid", category: "harassment_hate", start: "2025-08-20", end: "2025-08-21", accounts: 55, intensity: [1.1, 2.6], aiShare: 0.25, description: "A coordinated hate raid on one community's posts over two days."}
];

/** The APAC KPI dashboard's spam surge: an APAC spam wave in April from ordinary spammer accounts. */
export const SPAM_SURGE = {start: "2025-04-08", end: "2025-04-13", region: "APAC", multiplier: [2.2, 3.0, 3.4, 3.1, 2.6, 2.0]} as const;

/** The APAC KPI dashboard's July misinformation event: a ramp, a plateau and a decay, on every region. */
export const MISINFO_EVENT = {start: "2025-07-01", end: "2025-07-31", peak: 3.7, rampDays: 14, decayDays: 8} as const;

/** The messaging-feature launch (the analyst role profile's investigation): adoption ramps, a scam ring follows. */
export const MESSAGING_LAUNCH = {date: "2025-05-05", adoptionDays: 14, scamStart: "2025-05-12", scamEnd: "2025-05-25"} as const;

/** The A/B test of a friction mitigation: new accounts' first messages are rate limited in treatment. */
export const EXPERIMENT = {id: "EXP-7 new-account message rate limit", start: "2025-06-02", end: "2025-06-29", newAccountDays: 7} as const;

/** Classifier drift on true violations (the T&S ops dashboard): stable, then a linear decline over the last 90 days. */
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

/** What a benign look-alike is: each kind trips one signal of coordination the way an attack does. */
export const LOOKALIKE_KINDS = ["viral_report_burst", "signup_cohort", "shared_devices", "campus_nat", "chain_message", "meme", "copypasta", "quoted_news"] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

/** The signal a look-alike trips: a daily signal of the attack detector, or entity resolution's IP-prefix links. */
export type LookalikeSignal = "volume" | "young" | "duplicate" | "shared" | "target" | "ip_prefix";

export interface LookalikeSpec {
  id: string;
  kind: LookalikeKind;
  signal: LookalikeSignal;
  category: Category;
  /** Inclusive UTC dates. */
  start: string;
  end: string;
  /** Accounts involved at scale 1 (the creator of a viral post: 1; for near-duplicate text: none of their own). */
  accounts: number;
  /** Extra flags on each day as a multiple of the day's expected organic volume. */
  intensity: readonly number[];
  /** Share of the event's flags whose content does violate policy (a real burst catches some). */
  violationShare: number;
  description: string;
}

/**
 * Benign events that look like attacks to one signal: report bursts on legitimate content, organic
 * cohorts of new accounts, shared family and office identifiers, campus NAT and benign near-duplicate
 * text. Their dates avoid the attacks' days and the incident so that every day is either one or the
 * other; intensities are tuned to clear one signal's threshold without lifting daily volume over seed
 * 001's volume rule (the calibration's figure 16), except the April news burst, before the T&S ops dashboard's window.
 * Inside that window they fall on Mondays to Thursdays, where volume sits below its trailing mean (the
 * campus, which moves no daily signal, on a Sunday), and stay small enough to keep the weekend lift
 * (figure 14) in range.
 */
export const LOOKALIKES: readonly LookalikeSpec[] = [
  {id: "B1", kind: "viral_report_burst", signal: "volume", category: "other", start: "2025-04-24", end: "2025-04-24", accounts: 1, intensity: [0.55], violationShare: 0.12, description: "A storm-chaser's news clip goes viral; thousands of viewers report the post as graphic content, though it breaks no rule."},
  {id: "B2", kind: "copypasta", signal: "duplicate", category: "spam", start: "2025-03-25", end: "2025-03-25", accounts: 0, intensity: [0.22], violationShare: 0.05, description: "A fan copypasta (\"I am not a bot, I just really love this...\") spreads through comment sections and is reported as spam."},
  {id: "B3", kind: "viral_report_burst", signal: "target", category: "harassment_hate", start: "2025-06-12", end: "2025-06-12", accounts: 1, intensity: [0.06], violationShare: 0.15, description: "A creator's post trends; a pile-on of replies at the creator is reported as harassment, mostly heated but within policy."},
  {id: "B4", kind: "signup_cohort", signal: "young", category: "spam", start: "2025-06-24", end: "2025-06-25", accounts: 300, intensity: [0.16, 0.06], violationShare: 0.2, description: "A marketing push brings a cohort of new accounts whose eager self-promotion is reported as spam."},
  {id: "B5", kind: "chain_message", signal: "duplicate", category: "spam", start: "2025-07-01", end: "2025-07-01", accounts: 0, intensity: [0.22], violationShare: 0.05, description: "A \"forward this to 10 friends\" chain message circulates and is reported as spam."},
  {id: "B6", kind: "shared_devices", signal: "shared", category: "other", start: "2025-07-03", end: "2025-07-03", accounts: 120, intensity: [0.06], violationShare: 0.1, description: "Families and offices that share tablets and a payment card post from a company event and a reunion; their posts are reported as off-topic."},
  {id: "B7", kind: "meme", signal: "duplicate", category: "other", start: "2025-07-22", end: "2025-07-22", accounts: 0, intensity: [0.22], violationShare: 0.05, description: "A meme template goes round; copies are reported as off-topic reposts."},
  {id: "B8", kind: "campus_nat", signal: "ip_prefix", category: "other", start: "2025-07-27", end: "2025-07-27", accounts: 400, intensity: [0.04], violationShare: 0.1, description: "A university campus behind one carrier-grade NAT prefix: hundreds of students share one IP prefix; an exam-results day draws reports."},
  {id: "B9", kind: "quoted_news", signal: "duplicate", category: "misinformation", start: "2025-07-29", end: "2025-07-29", accounts: 0, intensity: [0.22], violationShare: 0.05, description: "Many accounts quote the same official statement; some reporters take it for misinformation."},
  {id: "B10", kind: "shared_devices", signal: "shared", category: "other", start: "2025-08-14", end: "2025-08-14", accounts: 120, intensity: [0.06], violationShare: 0.1, description: "Households sharing devices and a family card post holiday photos that are reported as reposts."},
  {id: "B11", kind: "viral_report_burst", signal: "target", category: "harassment_hate", start: "2025-08-18", end: "2025-08-18", accounts: 1, intensity: [0.06], violationShare: 0.15, description: "A news story names a public figure; replies at their account are reported as harassment, mostly within policy."},
  {id: "B12", kind: "signup_cohort", signal: "young", category: "spam", start: "2025-08-26", end: "2025-08-27", accounts: 300, intensity: [0.16, 0.06], violationShare: 0.2, description: "The school term starts: students open accounts together and their class-group posts are reported as spam."}
];

export interface ScenarioNote {
  date: string;
  scenario: string;
  note: string;
}

/**
 * A dated event that explains the days it spans (inclusive UTC dates): one of the simulated world's
 * scenarios, or an entry of a platform's own log of launches, incidents and campaigns (the known_events
 * table). Pages explain a day only from the published known_events, never from the simulation's
 * constants, so an import is explained by its own calendar.
 */
export interface KnownEvent {
  event: string;
  start_date: string;
  end_date: string;
  note: string | null;
}

/** Known events in the calendar's order: by first day, then by name (the published table's order). */
export function byStart(a: KnownEvent, b: KnownEvent): number {
  return a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : a.event < b.event ? -1 : a.event > b.event ? 1 : 0;
}

/** The simulated world's dated scenarios as known events, in the calendar's order. */
export const SCENARIO_EVENTS: readonly KnownEvent[] = [
  ...ATTACKS.map((a) => ({event: `attack ${a.id}`, start_date: a.start, end_date: a.end, note: `${a.pattern.replace(/_/g, " ")}: ${a.description}`})),
  {event: "spam surge", start_date: SPAM_SURGE.start, end_date: SPAM_SURGE.end, note: "APAC spam surge from spammer accounts"},
  {event: "misinformation event", start_date: MISINFO_EVENT.start, end_date: MISINFO_EVENT.end, note: "July misinformation event"},
  {event: "messaging launch", start_date: MESSAGING_LAUNCH.date, end_date: addDays(MESSAGING_LAUNCH.date, MESSAGING_LAUNCH.adoptionDays - 1), note: "messaging feature adoption ramp"},
  {event: "messaging scam ring", start_date: MESSAGING_LAUNCH.scamStart, end_date: MESSAGING_LAUNCH.scamEnd, note: "scam ring exploits the new messaging feature"},
  {event: "incident", start_date: INCIDENT.start.slice(0, 10), end_date: INCIDENT.end.slice(0, 10), note: INCIDENT.title},
  ...LOOKALIKES.map((b) => ({event: `benign ${b.id}`, start_date: b.start, end_date: b.end, note: `${b.kind.replace(/_/g, " ")} (benign look-alike): ${b.description}`}))
].sort(byStart);

/** The known events that explain a date, in the calendar's order, for annotating anomalies. */
export function explainDay(date: string, events: readonly KnownEvent[]): ScenarioNote[] {
  return events.filter((e) => date >= e.start_date && date <= e.end_date).map((e) => ({date, scenario: e.event, note: e.note ?? ""}));
}

/** A day's explanation as one phrase: its known events' names joined by `separator`, or "". */
export function eventsOn(date: string, events: readonly KnownEvent[], separator = ", "): string {
  return explainDay(date, events).map((n) => n.scenario).join(separator);
}

export interface ScenarioSpan {
  scenario: string;
  /** First and last date the scenario explains (inclusive; a scenario with gaps spans them). */
  start: string;
  end: string;
  /** Dates it explains. */
  days: number;
  note: string;
}

/** The scenario calendar: every known event, with the span of `dates` it covers, in order of start. */
export function scenarioCalendar(dates: readonly string[], events: readonly KnownEvent[]): ScenarioSpan[] {
  const spans = new Map<string, ScenarioSpan>();
  for (const date of dates) {
    for (const n of explainDay(date, events)) {
      const s = spans.get(n.scenario);
      if (s) {
        s.end = date;
        s.days++;
      } else spans.set(n.scenario, {scenario: n.scenario, start: date, end: date, days: 1, note: n.note});
    }
  }
  return [...spans.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
