import {compareShares, countedShare} from "../stats/compareShares.js";
import {addDays} from "../core/calendar.js";
import {explainDay, type KnownEvent} from "../core/scenarios.js";
import {eventsFromRows} from "../core/knownEvents.js";
import {findSpikeWeek, weekOverWeek} from "./findSpikeWeek.js";
import {
  ABUSIVE_DM_EXPOSURE,
  CHURN_BY_WEEK,
  MESSAGING_ADOPTION,
  MESSAGING_LAUNCH_DAY,
  KNOWN_EVENT_LIST,
  REPORTS_BY_SEGMENT,
  ringInfrastructureQuery,
  senderAgeQuery,
  WEEKLY_REPORTS,
  type QueryRunner,
  type QuerySpec
} from "./queries.js";
import {riseComponents, segmentTotal, type SegmentRow} from "./riseComponents.js";
import {INVESTIGATION_DEFAULTS, type AdoptionRow, type ChurnRow, type ChurnWindow, type InvestigationOptions, type RingRow, type SpikeAnalysis, type WeekRow} from "./spikeTypes.js";

/**
 * The analyst role profile's abuse-spike case, measured: "reports rose 40% in a week, churn is up, a messaging feature
 * launched recently". It runs the queries of queries.ts, finds the case week in the data, splits the
 * rise into feature adoption (more messages at the same report rate), attacker activity (ring accounts,
 * by ground truth) and the rest, decides four hypotheses by stated rules, relates churn to abusive
 * messages and scores a signal an analyst has without ground truth. Numbers only: narrateReportSpike
 * writes the findings, mitigations and measurement plan from them.
 */

type Options = Required<InvestigationOptions>;
type Ask = (spec: QuerySpec) => Promise<Record<string, unknown>[]>;
const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** The known events (the published known_events) active on any day of the week, e.g. "attack A2", "spam surge". */
function weekScenarios(week: string, events: readonly KnownEvent[]): string[] {
  const seen = new Set<string>();
  for (let d = 0; d < 7; d++) for (const note of explainDay(addDays(week, d), events)) seen.add(note.scenario);
  return [...seen];
}

/** Step 1: the weeks, the launch, and the case week (the largest rise after the launch) with the week before. */
async function readWeeks(ask: Ask, o: Options) {
  const weekly = await ask(WEEKLY_REPORTS);
  const changes = weekOverWeek(weekly.map((r) => ({week: str(r.week), days: num(r.days), reports: num(r.reports)})));
  const extra = new Map(weekly.map((r) => [str(r.week), {contentCreated: num(r.content_created), userDays: num(r.user_days)}]));
  const weeks: WeekRow[] = changes.map((w) => ({...w, ...extra.get(w.week)!}));
  const [launchRow] = await ask(MESSAGING_LAUNCH_DAY);
  const launch = {firstMessage: str(launchRow?.first_message), firstMessageReport: str(launchRow?.first_message_report)};
  if (!launch.firstMessage) throw new Error("investigation: the event log has no direct message (no messaging launch to investigate)");
  const spike = findSpikeWeek(weeks, launch.firstMessage, {searchDays: o.searchDays});
  if (!spike) throw new Error(`investigation: no full week with a previous week within ${o.searchDays} days of the launch on ${launch.firstMessage}`);
  const caseWeek = weeks.find((w) => w.week === spike.week)!;
  const previousWeek = weeks.find((w) => w.week === addDays(spike.week, -7))!;
  return {weeks, launch, caseWeek, previousWeek};
}

/** Step 2: reports by week, surface and sender (ground truth), each flag standing for flagWeight reports. */
async function readSegments(ask: Ask, flagWeight: number): Promise<SegmentRow[]> {
  return (await ask(REPORTS_BY_SEGMENT)).map((r) => ({
    week: str(r.week),
    surface: str(r.surface) as SegmentRow["surface"],
    sender: str(r.sender) as SegmentRow["sender"],
    reports: num(r.reports) * flagWeight,
    violations: num(r.violations) * flagWeight,
    aiRaised: num(r.ai_raised) * flagWeight
  }));
}

/** Other full weeks whose reports rose at least riseThreshold: the ring accounts' share of their reports, and the world's scenarios then. */
function otherRisesOf(weeks: readonly WeekRow[], caseWeek: WeekRow, segments: readonly SegmentRow[], riseThreshold: number, events: readonly KnownEvent[]): SpikeAnalysis["otherRises"] {
  return weeks
    .filter((w) => w.week !== caseWeek.week && w.change >= riseThreshold)
    .map((w) => ({week: w.week, change: w.change, ringShare: ratio(segmentTotal(segments, w.week, null, "ring"), segmentTotal(segments, w.week, null, null)), scenarios: weekScenarios(w.week, events)}));
}

/** Step 3: adoption: messages and who sent them, the report rate per message outside rings, and exposure to abuse. */
async function readAdoption(ask: Ask, segments: readonly SegmentRow[]): Promise<AdoptionRow[]> {
  const adoptionRows = await ask(MESSAGING_ADOPTION);
  const exposureRows = await ask(ABUSIVE_DM_EXPOSURE);
  const exposure = new Map(exposureRows.map((r) => [str(r.week), {exposed: num(r.exposed_users) || 0, byRing: num(r.exposed_by_ring) || 0}]));
  return adoptionRows.map((r) => {
    const week = str(r.week);
    const messages = num(r.messages) || 0;
    const ringMessages = num(r.ring_messages) || 0;
    const otherMessages = messages - ringMessages;
    const active = num(r.active_benign_users);
    const organic = segmentTotal(segments, week, "message", "other");
    const ex = exposure.get(week) ?? {exposed: 0, byRing: 0};
    return {
      week,
      messages,
      ringMessages,
      otherMessages,
      adoption: ratio(num(r.messaging_benign_users) || 0, active),
      organicMessageReports: organic,
      organicRatePer10k: otherMessages > 0 ? (organic / otherMessages) * 10_000 : NaN,
      exposedUsers: ex.exposed,
      exposedByRing: ex.byRing,
      exposedPer1k: ratio(ex.exposed, active) * 1000
    };
  });
}

/** Messages outside rings and their report rate, case week against the week before. */
function adoptionChanges(adoption: readonly AdoptionRow[], previous: string, current: string) {
  const aPrev = adoption.find((a) => a.week === previous);
  const aCase = adoption.find((a) => a.week === current);
  return {
    rateChange: aPrev && aCase ? aCase.organicRatePer10k / aPrev.organicRatePer10k - 1 : NaN,
    messageChange: aPrev && aCase ? ratio(aCase.otherMessages, aPrev.otherMessages) - 1 : NaN,
    rateDifference: aPrev && aCase ? aCase.organicRatePer10k - aPrev.organicRatePer10k : NaN
  };
}

/** A window of churn weeks from `start`: weekly rates averaged, churners summed, and what they had received. */
function churnWindow(churnWeeks: readonly ChurnRow[], start: string, weekCount: number): ChurnWindow {
  const end = addDays(start, 7 * weekCount - 1);
  const rows = churnWeeks.filter((w) => w.week >= start && w.week <= end);
  const sum = (k: keyof ChurnRow) => rows.reduce((a, w) => a + (w[k] as number), 0);
  return {
    start,
    end,
    churned: sum("churned"),
    atRisk: rows.length ? sum("atRisk") / rows.length : NaN,
    ratePer1k: rows.length ? rows.reduce((a, w) => a + w.ratePer1k, 0) / rows.length : NaN,
    churnersInCohort: sum("churnersInCohort"),
    afterAbuseShare: ratio(sum("churnedAfterAbuse"), sum("churned")),
    afterRingAbuseShare: ratio(sum("churnedAfterRingAbuse"), sum("churned"))
  };
}

/** Step 4: churn by week, and churnWeeks weeks before the launch week against as many from it. */
async function readChurn(ask: Ask, weeks: readonly WeekRow[], firstMessage: string, caseWeek: string, churnWeeks: number): Promise<SpikeAnalysis["churn"]> {
  const rows: ChurnRow[] = (await ask(CHURN_BY_WEEK)).map((r) => ({
    week: str(r.week),
    atRisk: num(r.at_risk),
    churned: num(r.churned),
    churnedAfterAbuse: num(r.churned_after_abuse),
    churnedAfterRingAbuse: num(r.churned_after_ring_abuse),
    churnersInCohort: num(r.churners_in_cohort),
    ratePer1k: ratio(num(r.churned), num(r.at_risk)) * 1000
  }));
  const launchWeek = weeks.find((w) => w.week <= firstMessage && addDays(w.week, 6) >= firstMessage)?.week ?? caseWeek;
  return {weeks: rows, before: churnWindow(rows, addDays(launchWeek, -7 * churnWeeks), churnWeeks), after: churnWindow(rows, launchWeek, churnWeeks)};
}

/** Step 5: a signal without ground truth: reported messages of the case week from young accounts. */
async function readSenderAge(ask: Ask, caseWeek: string, youngDays: number): Promise<SpikeAnalysis["senderAge"]> {
  const rows = await ask(senderAgeQuery(caseWeek, youngDays));
  const age = (young: boolean | null, ring: boolean | null) =>
    rows.filter((r) => (young === null || Boolean(r.young_sender) === young) && (ring === null || Boolean(r.ring_sender) === ring)).reduce((a, r) => a + num(r.reports), 0);
  return {
    youngDays,
    reports: age(null, null),
    youngReports: age(true, null),
    ringReports: age(null, true),
    youngRingReports: age(true, true),
    precision: ratio(age(true, true), age(true, null)),
    recall: ratio(age(true, true), age(null, true)),
    youngShareOfRing: ratio(age(true, true), age(null, true)),
    youngShareOfOther: ratio(age(true, false), age(null, false))
  };
}

/** Step 6: the attacker's infrastructure: the rings behind the case week's reports. */
async function readRings(ask: Ask, caseWeek: string): Promise<RingRow[]> {
  return (await ask(ringInfrastructureQuery(caseWeek))).map((r) => ({
    ringId: str(r.ring_id),
    purpose: str(r.purpose),
    ringAccounts: num(r.ring_accounts),
    reportedAccounts: num(r.reported_accounts),
    devices: num(r.devices),
    ipPrefixes: num(r.ip_prefixes),
    paymentInstruments: num(r.payment_instruments),
    firstSignup: str(r.first_signup),
    lastSignup: str(r.last_signup)
  }));
}

/** Step 7: the shares the hypotheses compare: true violations week over week, the classifier's part in attacker reports, young senders. */
function spikeShares(segments: readonly SegmentRow[], caseWeek: string, previousWeek: string, senderAge: SpikeAnalysis["senderAge"]) {
  const seg = (week: string, surface: SegmentRow["surface"] | null, sender: SegmentRow["sender"] | null, key: "reports" | "violations" | "aiRaised" = "reports") => segmentTotal(segments, week, surface, sender, key);
  const attackerMessages = seg(caseWeek, "message", "ring");
  return {
    violationShare: {previous: ratio(seg(previousWeek, null, null, "violations"), seg(previousWeek, null, null)), current: ratio(seg(caseWeek, null, null, "violations"), seg(caseWeek, null, null))},
    violationComparison: compareShares(countedShare(seg(caseWeek, null, null, "violations"), seg(caseWeek, null, null)), countedShare(seg(previousWeek, null, null, "violations"), seg(previousWeek, null, null))),
    youngSenders: compareShares(countedShare(senderAge.youngRingReports, senderAge.ringReports), countedShare(senderAge.youngReports - senderAge.youngRingReports, senderAge.reports - senderAge.ringReports)),
    attackerMessages,
    attackerAiShare: ratio(seg(caseWeek, "message", "ring", "aiRaised"), attackerMessages)
  };
}

/** Step 8: each hypothesis decided by its rule. */
function decide(a: Pick<SpikeAnalysis, "components" | "violationShare" | "violationComparison" | "options">, rateChange: number): SpikeAnalysis["decisions"] {
  const o = a.options;
  const part = (id: string) => a.components.find((c) => c.id === id)!;
  const explains = (id: string) => part(id).delta > 0 && part(id).share >= o.shareThreshold;
  return {
    adoption: explains("adoption") && Math.abs(rateChange) < o.rateTolerance,
    attacker: explains("attacker"),
    overReporting: a.violationShare.previous - a.violationShare.current > o.precisionDrop && !a.violationComparison.overlap,
    organic: explains("baseline")
  };
}

/** Runs the investigation's queries through `run` and measures the case: numbers and query results only. */
export async function analyseReportSpike(run: QueryRunner, options: InvestigationOptions = {}): Promise<SpikeAnalysis> {
  const o = {...INVESTIGATION_DEFAULTS, ...options};
  if (!(o.flagWeight >= 1)) throw new Error(`invalid flag weight: ${o.flagWeight}`);
  const queries: SpikeAnalysis["queries"] = [];
  const ask: Ask = async (spec) => {
    const rows = await run(spec.sql);
    queries.push({...spec, rows});
    return rows;
  };
  const {weeks, launch, caseWeek, previousWeek} = await readWeeks(ask, o);
  const segments = await readSegments(ask, o.flagWeight);
  const decomposition = riseComponents(segments, caseWeek.week, previousWeek.week);
  const adoption = await readAdoption(ask, segments);
  const churn = await readChurn(ask, weeks, launch.firstMessage, caseWeek.week, o.churnWeeks);
  const senderAge = await readSenderAge(ask, caseWeek.week, o.youngDays);
  const rings = await readRings(ask, caseWeek.week);
  const events = eventsFromRows(await ask(KNOWN_EVENT_LIST));
  const {attackerMessages, ...shares} = spikeShares(segments, caseWeek.week, previousWeek.week, senderAge);
  const {rateChange, messageChange, rateDifference} = adoptionChanges(adoption, previousWeek.week, caseWeek.week);
  const measured = {
    options: o, launch, weeks, caseWeek, previousWeek,
    otherRises: otherRisesOf(weeks, caseWeek, segments, o.riseThreshold, events),
    segments,
    components: decomposition.parts,
    unexplained: caseWeek.reports - previousWeek.reports - decomposition.delta,
    adoption, churn, senderAge, rings, ...shares, queries
  };
  const changes = {
    riseDelta: decomposition.delta, messageChange, rateChange, rateDifference, attackerMessages,
    churnDifference: churn.after.ratePer1k - churn.before.ratePer1k,
    daysAfterLaunch: Math.round((Date.parse(caseWeek.week) - Date.parse(launch.firstMessage)) / 86_400_000)
  };
  return {...measured, changes, decisions: decide(measured, rateChange)};
}
