import {formatChange, formatCount, formatDelta, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {compareShares, countedShare, differenceText, shareText, type ShareComparison} from "../stats/compareShares.js";
import {addDays} from "../world/calendar.js";
import {explainDay} from "../world/scenarios.js";
import {findSpikeWeek, weekOverWeek, type WeekChange} from "./findSpikeWeek.js";
import {
  ABUSIVE_DM_EXPOSURE,
  CHURN_BY_WEEK,
  MESSAGING_ADOPTION,
  MESSAGING_LAUNCH_DAY,
  REPORTS_BY_SEGMENT,
  ringInfrastructureQuery,
  senderAgeQuery,
  WEEKLY_REPORTS,
  type QueryRunner,
  type QuerySpec
} from "./queries.js";
import {riseComponents, segmentTotal, type RiseComponent, type SegmentRow} from "./riseComponents.js";

/**
 * Seed 003's abuse-spike case, computed: "reports rose 40% in a week, churn is up, a messaging feature
 * launched recently". It runs the queries of queries.ts, finds the case week in the data, splits the
 * rise into feature adoption (more messages at the same report rate), attacker activity (ring accounts,
 * by ground truth) and the rest, tests four hypotheses by stated rules, relates churn to abusive
 * messages, scores a signal an analyst has without ground truth, and derives the mitigations and the
 * measurement plan from those numbers. Everything it says comes from the query results.
 */

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

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
/** A difference of two rates per `base` units, absolute: "+1.8 per 10,000". */
const rateDelta = (delta: number, base: string, digits = 1) => (Number.isFinite(delta) ? `${delta >= 0 ? "+" : ""}${formatNumber(delta, digits)} per ${base}` : formatNumber(delta));

/** The world's dated scenarios (ground truth) active on any day of the week, e.g. "attack A2", "spam surge". */
function weekScenarios(week: string): string[] {
  const seen = new Set<string>();
  for (let d = 0; d < 7; d++) for (const note of explainDay(addDays(week, d))) seen.add(note.scenario);
  return [...seen];
}

export async function investigateReportSpike(run: QueryRunner, options: InvestigationOptions = {}): Promise<Investigation> {
  const o = {...INVESTIGATION_DEFAULTS, ...options};
  if (!(o.flagWeight >= 1)) throw new Error(`invalid flag weight: ${o.flagWeight}`);
  const queries: Investigation["queries"] = [];
  const ask = async (spec: QuerySpec) => {
    const rows = await run(spec.sql);
    queries.push({...spec, rows});
    return rows;
  };

  // 1. The weeks, and the launch, from the data.
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

  // 2. Where the rise landed, and who sent the reported content (ground truth).
  const segments: SegmentRow[] = (await ask(REPORTS_BY_SEGMENT)).map((r) => ({
    week: str(r.week),
    surface: str(r.surface) as SegmentRow["surface"],
    sender: str(r.sender) as SegmentRow["sender"],
    reports: num(r.reports) * o.flagWeight,
    violations: num(r.violations) * o.flagWeight,
    aiRaised: num(r.ai_raised) * o.flagWeight
  }));
  const seg = (week: string, surface: SegmentRow["surface"] | null, sender: SegmentRow["sender"] | null, key: "reports" | "violations" | "aiRaised" = "reports") => segmentTotal(segments, week, surface, sender, key);
  const decomposition = riseComponents(segments, caseWeek.week, previousWeek.week);
  const components = decomposition.parts;
  const part = (id: string) => components.find((c) => c.id === id)!;
  const unexplained = caseWeek.reports - previousWeek.reports - decomposition.delta;

  const otherRises = weeks
    .filter((w) => w.week !== caseWeek.week && w.change >= o.riseThreshold)
    .map((w) => ({week: w.week, change: w.change, ringShare: ratio(seg(w.week, null, "ring"), seg(w.week, null, null)), scenarios: weekScenarios(w.week)}));

  // 3. Adoption: messages and who sent them, and the report rate per message outside rings.
  const adoptionRows = await ask(MESSAGING_ADOPTION);
  const exposureRows = await ask(ABUSIVE_DM_EXPOSURE);
  const exposure = new Map(exposureRows.map((r) => [str(r.week), {exposed: num(r.exposed_users) || 0, byRing: num(r.exposed_by_ring) || 0}]));
  const adoption: AdoptionRow[] = adoptionRows.map((r) => {
    const week = str(r.week);
    const messages = num(r.messages) || 0;
    const ringMessages = num(r.ring_messages) || 0;
    const otherMessages = messages - ringMessages;
    const active = num(r.active_benign_users);
    const organic = seg(week, "message", "other");
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
  const adoptionOf = (week: string) => adoption.find((a) => a.week === week);
  const aPrev = adoptionOf(previousWeek.week);
  const aCase = adoptionOf(caseWeek.week);
  const rateChange = aPrev && aCase ? aCase.organicRatePer10k / aPrev.organicRatePer10k - 1 : NaN;
  const messageChange = aPrev && aCase ? ratio(aCase.otherMessages, aPrev.otherMessages) - 1 : NaN;
  const rateDifference = aPrev && aCase ? aCase.organicRatePer10k - aPrev.organicRatePer10k : NaN;

  // 4. Churn: before the launch and from it, and what the users who left had received.
  const churnWeeks: ChurnRow[] = (await ask(CHURN_BY_WEEK)).map((r) => ({
    week: str(r.week),
    atRisk: num(r.at_risk),
    churned: num(r.churned),
    churnedAfterAbuse: num(r.churned_after_abuse),
    churnedAfterRingAbuse: num(r.churned_after_ring_abuse),
    churnersInCohort: num(r.churners_in_cohort),
    ratePer1k: ratio(num(r.churned), num(r.at_risk)) * 1000
  }));
  const launchWeek = weeks.find((w) => w.week <= launch.firstMessage && addDays(w.week, 6) >= launch.firstMessage)?.week ?? caseWeek.week;
  const churnWindow = (start: string): ChurnWindow => {
    const end = addDays(start, 7 * o.churnWeeks - 1);
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
  };
  const churn = {weeks: churnWeeks, before: churnWindow(addDays(launchWeek, -7 * o.churnWeeks)), after: churnWindow(launchWeek)};

  // 5. A signal without ground truth: reported messages from young accounts.
  const ageRows = await ask(senderAgeQuery(caseWeek.week, o.youngDays));
  const age = (young: boolean | null, ring: boolean | null) =>
    ageRows.filter((r) => (young === null || Boolean(r.young_sender) === young) && (ring === null || Boolean(r.ring_sender) === ring)).reduce((a, r) => a + num(r.reports), 0);
  const senderAge = {
    youngDays: o.youngDays,
    reports: age(null, null),
    youngReports: age(true, null),
    ringReports: age(null, true),
    youngRingReports: age(true, true),
    precision: ratio(age(true, true), age(true, null)),
    recall: ratio(age(true, true), age(null, true)),
    youngShareOfRing: ratio(age(true, true), age(null, true)),
    youngShareOfOther: ratio(age(true, false), age(null, false))
  };

  // 6. The attacker's infrastructure.
  const rings: RingRow[] = (await ask(ringInfrastructureQuery(caseWeek.week))).map((r) => ({
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

  // 7. Hypotheses, each decided by its rule.
  const violationShare = {previous: ratio(seg(previousWeek.week, null, null, "violations"), seg(previousWeek.week, null, null)), current: ratio(seg(caseWeek.week, null, null, "violations"), seg(caseWeek.week, null, null))};
  const violationComparison = compareShares(
    countedShare(seg(caseWeek.week, null, null, "violations"), seg(caseWeek.week, null, null)),
    countedShare(seg(previousWeek.week, null, null, "violations"), seg(previousWeek.week, null, null))
  );
  const attackerMessages = seg(caseWeek.week, "message", "ring");
  const attackerAiShare = ratio(seg(caseWeek.week, "message", "ring", "aiRaised"), attackerMessages);
  const adoptionPart = part("adoption");
  const attackerPart = part("attacker");
  const baselinePart = part("baseline");
  const topRing = rings[0];
  const hypotheses: Hypothesis[] = [
    {
      id: "H1",
      title: "Feature adoption: more messages, reported at the same rate",
      test: `Reports on direct messages of accounts outside rings explain at least ${formatPercent(o.shareThreshold, 0)} of the rise, and their rate per 10,000 messages stayed within ${formatPercent(o.rateTolerance, 0)} of the previous week's rate.`,
      evidence: `Messages of accounts outside rings went ${formatChange(messageChange, 0)} week over week; reports on them went from ${formatCount(adoptionPart.previous)} to ${formatCount(adoptionPart.current)} (${formatDelta(adoptionPart.delta, "count")}, ${formatPercent(adoptionPart.share, 0)} of the rise) at ${formatNumber(aPrev?.organicRatePer10k ?? NaN)} then ${formatNumber(aCase?.organicRatePer10k ?? NaN)} reports per 10,000 messages (${rateDelta(rateDifference, "10,000")}, ${formatPercent(Math.abs(rateChange), 0)} of the earlier rate).`,
      supported: adoptionPart.delta > 0 && adoptionPart.share >= o.shareThreshold && Math.abs(rateChange) < o.rateTolerance,
      queries: [REPORTS_BY_SEGMENT.id, MESSAGING_ADOPTION.id]
    },
    {
      id: "H2",
      title: "Attacker activity: a coordinated campaign",
      test: `Reports on content of ring accounts (ground truth) explain at least ${formatPercent(o.shareThreshold, 0)} of the rise.`,
      evidence: `Ring accounts' reports went from ${formatCount(attackerPart.previous)} to ${formatCount(attackerPart.current)} (${formatDelta(attackerPart.delta, "count")}, ${formatPercent(attackerPart.share, 0)} of the rise); ${formatPercent(ratio(attackerMessages, attackerPart.current), 0)} of them on direct messages${topRing ? `, mostly from ${topRing.ringId} (${topRing.purpose.replace(/_/g, " ")})` : ""}.`,
      supported: attackerPart.delta > 0 && attackerPart.share >= o.shareThreshold,
      queries: [REPORTS_BY_SEGMENT.id, "ring_infrastructure"]
    },
    {
      id: "H3",
      title: "Reporting behaviour: people report more, not more harm (e.g. a new report button)",
      test: `The share of reports that are true violations fell by more than ${formatNumber(100 * o.precisionDrop, 0)} percentage points.`,
      evidence: `${shareText(violationComparison.b)} of reports were true violations in the week of ${previousWeek.week} and ${shareText(violationComparison.a)} in the week of ${caseWeek.week}: ${differenceText(violationComparison)}.`,
      supported: violationShare.previous - violationShare.current > o.precisionDrop && !violationComparison.overlap,
      queries: [REPORTS_BY_SEGMENT.id]
    },
    {
      id: "H4",
      title: "Organic trend elsewhere: posts and comments, seasonality",
      test: `Reports on posts and comments of accounts outside rings explain at least ${formatPercent(o.shareThreshold, 0)} of the rise.`,
      evidence: `They went from ${formatCount(baselinePart.previous)} to ${formatCount(baselinePart.current)} (${formatDelta(baselinePart.delta, "count")}, ${formatPercent(baselinePart.share, 0)} of the rise).`,
      supported: baselinePart.delta > 0 && baselinePart.share >= o.shareThreshold,
      queries: [REPORTS_BY_SEGMENT.id]
    }
  ];

  // 8. Findings, mitigations and the measurement plan, from the numbers above.
  const youngSenders = compareShares(countedShare(senderAge.youngRingReports, senderAge.ringReports), countedShare(senderAge.youngReports - senderAge.youngRingReports, senderAge.reports - senderAge.ringReports));
  const churnDifference = churn.after.ratePer1k - churn.before.ratePer1k;
  const findings = [
    `Reports rose ${formatChange(caseWeek.change, 0)} in the week of ${caseWeek.week} (${formatCount(previousWeek.reports)} → ${formatCount(caseWeek.reports)}), ${Math.round((Date.parse(caseWeek.week) - Date.parse(launch.firstMessage)) / 86_400_000)} days after the first direct message on ${launch.firstMessage}.`,
    `Of the ${formatDelta(decomposition.delta, "count")} reports, feature adoption accounts for ${formatDelta(adoptionPart.delta, "count")} (${formatPercent(adoptionPart.share, 0)}) and attacker activity for ${formatDelta(attackerPart.delta, "count")} (${formatPercent(attackerPart.share, 0)}); posts and comments outside rings moved ${formatDelta(baselinePart.delta, "count")} (${formatPercent(baselinePart.share, 0)}).`,
    `Adoption is volume, not a worse report rate: ${formatPercent(aCase?.adoption ?? NaN, 0)} of active ordinary users sent messages in the case week (${formatPercent(aPrev?.adoption ?? NaN, 0)} the week before), and reports per 10,000 of their messages moved ${rateDelta(rateDifference, "10,000")}.`,
    `Churn of ordinary users averaged ${formatNumber(churn.after.ratePer1k, 1)} per 1,000 a week in the ${o.churnWeeks} weeks from the launch against ${formatNumber(churn.before.ratePer1k, 1)} in the ${o.churnWeeks} weeks before (${rateDelta(churnDifference, "1,000")}; ${formatCount(churn.after.churnersInCohort)} and ${formatCount(churn.before.churnersInCohort)} churners in the cohort, so the rate is noisy). ${formatPercent(churn.after.afterAbuseShare, 0)} of those who left after the launch had received an abusive direct message in the 30 days before, ${formatPercent(churn.after.afterRingAbuseShare, 0)} from a ring account.`,
    youngSenders.overlap
      ? `Without ground truth, "sender under ${o.youngDays} days old" does not separate the attacker: ${shareText(youngSenders.a, 0)} of reported ring messages come from young accounts against ${shareText(youngSenders.b, 0)} of the others, and the 95% intervals overlap.`
      : `Without ground truth, "sender under ${o.youngDays} days old" picks out the attacker: ${shareText(youngSenders.a, 0)} of reported ring messages come from young accounts against ${shareText(youngSenders.b, 0)} of the others (${formatPp(youngSenders.difference)}; precision ${formatPercent(senderAge.precision, 0)}, recall ${formatPercent(senderAge.recall, 0)} as a detector of ring senders).`
  ];
  if (topRing) findings.push(`${formatCount(topRing.reportedAccounts)} reported accounts of ${topRing.ringId} (${topRing.purpose.replace(/_/g, " ")}), created ${topRing.firstSignup} to ${topRing.lastSignup}, share ${formatCount(topRing.devices)} devices and ${formatCount(topRing.ipPrefixes)} IP prefixes.`);

  const mitigations: Mitigation[] = [];
  if (topRing) mitigations.push({
    title: `Take down ${topRing.ringId} by its shared infrastructure`,
    rationale: `${formatCount(topRing.reportedAccounts)} reported accounts on ${formatCount(topRing.devices)} devices and ${formatCount(topRing.ipPrefixes)} IP prefixes: suspend the linked accounts together, not one report at a time.`,
    owner: "T&S investigations",
    metric: "Reports on ring accounts' messages per week",
    link: "./ops/attacks"
  });
  // A cap on young accounts is recommended only when young senders separate the attacker beyond noise.
  if (!youngSenders.overlap) mitigations.push({
    title: "Rate-limit new accounts' messages",
    rationale: `${shareText(youngSenders.a, 0)} of reported attacker messages came from accounts under ${o.youngDays} days old against ${shareText(youngSenders.b, 0)} of other reported messages (${formatPp(youngSenders.difference)}). A daily cap on new accounts targets the attacker's warm-up; test it as an experiment with benign friction as a guardrail.`,
    owner: "Messaging product with T&S",
    metric: "Abusive share of new accounts' messages; benign messages blocked",
    link: "./experiment"
  });
  mitigations.push(
    {
      title: "Score direct messages before delivery",
      rationale: `${formatPercent(attackerAiShare, 0)} of the reports on attacker messages in the case week were raised by the classifier and ${formatPercent(1 - attackerAiShare, 0)} by people, all after delivery, when the recipient had already seen them. Scoring at send time and holding high scores from new accounts for review stops them before anyone is exposed.`,
      owner: "Detection ML",
      metric: "Violating messages held before delivery / violating messages"
    },
    {
      title: "Protect recipients from strangers",
      rationale: `${formatPercent(churn.after.afterAbuseShare, 0)} of ordinary users who left after the launch had an abusive message in the 30 days before. Message requests for first contact and a warning on messages from new accounts reduce exposure without blocking conversations.`,
      owner: "Messaging product",
      metric: "Ordinary users reached by an abusive message per 1,000 per week"
    }
  );

  const measurement: MeasurementItem[] = [
    {
      metric: "Report rate on direct messages (outside rings)",
      definition: "Reports on messages of accounts outside rings / messages they sent (cohort estimate), per 10,000",
      baseline: `${formatNumber(aCase?.organicRatePer10k ?? NaN)} in the case week`,
      target: `Within ±${formatPercent(o.rateTolerance, 0)} as adoption grows; a rise beyond it is a new problem, not adoption`,
      cadence: "Weekly"
    },
    {
      metric: "Attacker message reports",
      definition: "Reports on direct messages of accounts later confirmed as ring members",
      baseline: `${formatCount(attackerMessages)} in the case week`,
      target: "Zero within two weeks of the takedown",
      cadence: "Daily during the campaign, then weekly"
    },
    {
      metric: "Abusive-message exposure",
      definition: "Ordinary users who received at least one abusive direct message / active ordinary users, per 1,000 (weighted cohort estimate)",
      baseline: `${formatNumber(aCase?.exposedPer1k ?? NaN)} in the case week`,
      target: "Back to the level of the launch week",
      cadence: "Weekly"
    },
    {
      metric: "Churn of ordinary users",
      definition: "Users whose last day falls in the week / users active and signed up before it, per 1,000",
      baseline: `${formatNumber(churn.before.ratePer1k, 1)} before the launch; ${formatNumber(churn.after.ratePer1k, 1)} after`,
      target: "Back to the pre-launch level; read with its confidence (few churners per week in the cohort)",
      cadence: "Weekly, 4-week rolling"
    },
    {
      metric: "Report precision",
      definition: "Reports that are true violations (QA sample) / reports",
      baseline: `${formatPercent(violationShare.current, 1)} in the case week`,
      target: `No drop of more than ${formatNumber(100 * o.precisionDrop, 0)} points (over-reporting guard)`,
      cadence: "Weekly"
    }
  ];

  return {options: o, launch, weeks, caseWeek, previousWeek, otherRises, segments, components, unexplained, adoption, churn, senderAge, rings, violationShare, violationComparison, youngSenders, attackerAiShare, hypotheses, findings, mitigations, measurement, queries};
}
