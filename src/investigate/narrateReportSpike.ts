import {formatChange, formatCount, formatDelta, formatNumber, formatPercent, formatPp} from "../core/format.js";
import {differenceText, shareText} from "../stats/compareShares.js";
import {MESSAGING_ADOPTION, REPORTS_BY_SEGMENT} from "./queries.js";
import type {Hypothesis, MeasurementItem, Mitigation, SpikeAnalysis, SpikeNarrative} from "./spikeTypes.js";

/**
 * The report-spike investigation's text: the four hypotheses with their tests and evidence, the
 * findings, the mitigations and the measurement plan, written from analyseReportSpike's numbers alone.
 */

/** A difference of two rates per `base` units, absolute: "+1.8 per 10,000". */
const rateDelta = (delta: number, base: string, digits = 1) => (Number.isFinite(delta) ? `${delta >= 0 ? "+" : ""}${formatNumber(delta, digits)} per ${base}` : formatNumber(delta));
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
const part = (a: SpikeAnalysis, id: string) => a.components.find((c) => c.id === id)!;
const adoptionOf = (a: SpikeAnalysis, week: string) => a.adoption.find((x) => x.week === week);
const purpose = (p: string) => p.replace(/_/g, " ");

/** The four hypotheses: how the data test each, what they show, and the rule's decision. */
export function spikeHypotheses(a: SpikeAnalysis): Hypothesis[] {
  const {options: o, changes: c, decisions: d} = a;
  const [adoption, attacker, baseline] = [part(a, "adoption"), part(a, "attacker"), part(a, "baseline")];
  const aPrev = adoptionOf(a, a.previousWeek.week);
  const aCase = adoptionOf(a, a.caseWeek.week);
  const topRing = a.rings[0];
  return [
    {
      id: "H1",
      title: "Feature adoption: more messages, reported at the same rate",
      test: `Reports on direct messages of accounts outside rings explain at least ${formatPercent(o.shareThreshold, 0)} of the rise, and their rate per 10,000 messages stayed within ${formatPercent(o.rateTolerance, 0)} of the previous week's rate.`,
      evidence: `Messages of accounts outside rings went ${formatChange(c.messageChange, 0)} week over week; reports on them went from ${formatCount(adoption.previous)} to ${formatCount(adoption.current)} (${formatDelta(adoption.delta, "count")}, ${formatPercent(adoption.share, 0)} of the rise) at ${formatNumber(aPrev?.organicRatePer10k ?? NaN)} then ${formatNumber(aCase?.organicRatePer10k ?? NaN)} reports per 10,000 messages (${rateDelta(c.rateDifference, "10,000")}, ${formatPercent(Math.abs(c.rateChange), 0)} of the earlier rate).`,
      supported: d.adoption,
      queries: [REPORTS_BY_SEGMENT.id, MESSAGING_ADOPTION.id]
    },
    {
      id: "H2",
      title: "Attacker activity: a coordinated campaign",
      test: `Reports on content of ring accounts (ground truth) explain at least ${formatPercent(o.shareThreshold, 0)} of the rise.`,
      evidence: `Ring accounts' reports went from ${formatCount(attacker.previous)} to ${formatCount(attacker.current)} (${formatDelta(attacker.delta, "count")}, ${formatPercent(attacker.share, 0)} of the rise); ${formatPercent(ratio(c.attackerMessages, attacker.current), 0)} of them on direct messages${topRing ? `, mostly from ${topRing.ringId} (${purpose(topRing.purpose)})` : ""}.`,
      supported: d.attacker,
      queries: [REPORTS_BY_SEGMENT.id, "ring_infrastructure"]
    },
    {
      id: "H3",
      title: "Reporting behaviour: people report more, not more harm (e.g. a new report button)",
      test: `The share of reports that are true violations fell by more than ${formatNumber(100 * o.precisionDrop, 0)} percentage points.`,
      evidence: `${shareText(a.violationComparison.b)} of reports were true violations in the week of ${a.previousWeek.week} and ${shareText(a.violationComparison.a)} in the week of ${a.caseWeek.week}: ${differenceText(a.violationComparison)}.`,
      supported: d.overReporting,
      queries: [REPORTS_BY_SEGMENT.id]
    },
    {
      id: "H4",
      title: "Organic trend elsewhere: posts and comments, seasonality",
      test: `Reports on posts and comments of accounts outside rings explain at least ${formatPercent(o.shareThreshold, 0)} of the rise.`,
      evidence: `They went from ${formatCount(baseline.previous)} to ${formatCount(baseline.current)} (${formatDelta(baseline.delta, "count")}, ${formatPercent(baseline.share, 0)} of the rise).`,
      supported: d.organic,
      queries: [REPORTS_BY_SEGMENT.id]
    }
  ];
}

/** "Sender under N days old": whether it separates the attacker, in words. */
function youngSenderFinding(a: SpikeAnalysis): string {
  const y = a.youngSenders;
  const days = a.options.youngDays;
  return y.overlap
    ? `Without ground truth, "sender under ${days} days old" does not separate the attacker: ${shareText(y.a, 0)} of reported ring messages come from young accounts against ${shareText(y.b, 0)} of the others, and the 95% intervals overlap.`
    : `Without ground truth, "sender under ${days} days old" picks out the attacker: ${shareText(y.a, 0)} of reported ring messages come from young accounts against ${shareText(y.b, 0)} of the others (${formatPp(y.difference)}; precision ${formatPercent(a.senderAge.precision, 0)}, recall ${formatPercent(a.senderAge.recall, 0)} as a detector of ring senders).`;
}

/** The findings: the rise, its split, adoption, churn, the young-sender signal and the top ring. */
export function spikeFindings(a: SpikeAnalysis): string[] {
  const {options: o, changes: c, caseWeek, previousWeek, churn} = a;
  const [adoption, attacker, baseline] = [part(a, "adoption"), part(a, "attacker"), part(a, "baseline")];
  const aPrev = adoptionOf(a, previousWeek.week);
  const aCase = adoptionOf(a, caseWeek.week);
  const findings = [
    `Reports rose ${formatChange(caseWeek.change, 0)} in the week of ${caseWeek.week} (${formatCount(previousWeek.reports)} → ${formatCount(caseWeek.reports)}), ${c.daysAfterLaunch} days after the first direct message on ${a.launch.firstMessage}.`,
    `Of the ${formatDelta(c.riseDelta, "count")} reports, feature adoption accounts for ${formatDelta(adoption.delta, "count")} (${formatPercent(adoption.share, 0)}) and attacker activity for ${formatDelta(attacker.delta, "count")} (${formatPercent(attacker.share, 0)}); posts and comments outside rings moved ${formatDelta(baseline.delta, "count")} (${formatPercent(baseline.share, 0)}).`,
    `Adoption is volume, not a worse report rate: ${formatPercent(aCase?.adoption ?? NaN, 0)} of active ordinary users sent messages in the case week (${formatPercent(aPrev?.adoption ?? NaN, 0)} the week before), and reports per 10,000 of their messages moved ${rateDelta(c.rateDifference, "10,000")}.`,
    `Churn of ordinary users averaged ${formatNumber(churn.after.ratePer1k, 1)} per 1,000 a week in the ${o.churnWeeks} weeks from the launch against ${formatNumber(churn.before.ratePer1k, 1)} in the ${o.churnWeeks} weeks before (${rateDelta(c.churnDifference, "1,000")}; ${formatCount(churn.after.churnersInCohort)} and ${formatCount(churn.before.churnersInCohort)} churners in the cohort, so the rate is noisy). ${formatPercent(churn.after.afterAbuseShare, 0)} of those who left after the launch had received an abusive direct message in the 30 days before, ${formatPercent(churn.after.afterRingAbuseShare, 0)} from a ring account.`,
    youngSenderFinding(a)
  ];
  const topRing = a.rings[0];
  if (topRing) findings.push(`${formatCount(topRing.reportedAccounts)} reported accounts of ${topRing.ringId} (${purpose(topRing.purpose)}), created ${topRing.firstSignup} to ${topRing.lastSignup}, share ${formatCount(topRing.devices)} devices and ${formatCount(topRing.ipPrefixes)} IP prefixes.`);
  return findings;
}

/** Mitigations, each with its owner and metric; the takedown needs a ring, the rate limit a separating young-sender signal. */
export function spikeMitigations(a: SpikeAnalysis): Mitigation[] {
  const y = a.youngSenders;
  const topRing = a.rings[0];
  const mitigations: Mitigation[] = [];
  if (topRing) mitigations.push({
    title: `Take down ${topRing.ringId} by its shared infrastructure`,
    rationale: `${formatCount(topRing.reportedAccounts)} reported accounts on ${formatCount(topRing.devices)} devices and ${formatCount(topRing.ipPrefixes)} IP prefixes: suspend the linked accounts together, not one report at a time.`,
    owner: "T&S investigations",
    metric: "Reports on ring accounts' messages per week",
    link: "./ops/attacks"
  });
  // A cap on young accounts is recommended only when young senders separate the attacker beyond noise.
  if (!y.overlap) mitigations.push({
    title: "Rate-limit new accounts' messages",
    rationale: `${shareText(y.a, 0)} of reported attacker messages came from accounts under ${a.options.youngDays} days old against ${shareText(y.b, 0)} of other reported messages (${formatPp(y.difference)}). A daily cap on new accounts targets the attacker's warm-up; test it as an experiment with benign friction as a guardrail.`,
    owner: "Messaging product with T&S",
    metric: "Abusive share of new accounts' messages; benign messages blocked",
    link: "./experiment"
  });
  mitigations.push(
    {
      title: "Score direct messages before delivery",
      rationale: `${formatPercent(a.attackerAiShare, 0)} of the reports on attacker messages in the case week were raised by the classifier and ${formatPercent(1 - a.attackerAiShare, 0)} by people, all after delivery, when the recipient had already seen them. Scoring at send time and holding high scores from new accounts for review stops them before anyone is exposed.`,
      owner: "Detection ML",
      metric: "Violating messages held before delivery / violating messages"
    },
    {
      title: "Protect recipients from strangers",
      rationale: `${formatPercent(a.churn.after.afterAbuseShare, 0)} of ordinary users who left after the launch had an abusive message in the 30 days before. Message requests for first contact and a warning on messages from new accounts reduce exposure without blocking conversations.`,
      owner: "Messaging product",
      metric: "Ordinary users reached by an abusive message per 1,000 per week"
    }
  );
  return mitigations;
}

/** The measurement plan: each metric with its definition, its baseline in the data, its target and cadence. */
export function spikeMeasurement(a: SpikeAnalysis): MeasurementItem[] {
  const {options: o, churn} = a;
  const aCase = adoptionOf(a, a.caseWeek.week);
  return [
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
      baseline: `${formatCount(a.changes.attackerMessages)} in the case week`,
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
      baseline: `${formatPercent(a.violationShare.current, 1)} in the case week`,
      target: `No drop of more than ${formatNumber(100 * o.precisionDrop, 0)} points (over-reporting guard)`,
      cadence: "Weekly"
    }
  ];
}

/** The investigation's prose, from the analysis. */
export function narrateReportSpike(a: SpikeAnalysis): SpikeNarrative {
  return {hypotheses: spikeHypotheses(a), findings: spikeFindings(a), mitigations: spikeMitigations(a), measurement: spikeMeasurement(a)};
}
