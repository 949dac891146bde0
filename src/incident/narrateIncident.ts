import {formatCount, formatHours, formatNumber, formatPercent} from "../core/format.js";
import {differenceText, shareText} from "../stats/compareShares.js";
import {addDays} from "../core/calendar.js";
import type {Action, IncidentAnalysis, IncidentNarrative, TimelineEvent, WatchMetric} from "./incidentTypes.js";

/**
 * The postmortem's text (the analyst role profile's incident summary: timeline, metrics to watch, actions with owners
 * and due dates, findings), written from analyseIncident's numbers alone: every figure it quotes is in
 * the analysis.
 */

const iso = (ms: number) => new Date(ms).toISOString().replace(":00.000Z", " UTC").replace("T", " ");
const categoryText = (category: string) => category.replace(/_/g, " ");
const categoryLabel = (category: string) => category.charAt(0).toUpperCase() + category.slice(1).replace(/_/g, " ");

/** The incident's moments in time order, each with what happened and where it shows. */
export function incidentTimeline(a: IncidentAnalysis): TimelineEvent[] {
  const {spec, options: o, moments: m} = a;
  const {peak, alertDay} = m;
  return [
    {ts: m.push, event: `Classifier push: ${spec.title}`, source: "deploy log" as const},
    ...(Number.isFinite(m.firstHarm) ? [{ts: m.firstHarm, event: "First benign item blocked automatically", source: "flags" as const}] : []),
    // Placed mid-bin so that it sorts after a first block inside the same bin.
    ...(peak && peak.wrongful > 0 ? [{ts: peak.start + m.binMs / 2, event: `Peak: ${peak.wrongful} wrongful blocks between ${iso(peak.start).slice(11, 16)} and ${iso(peak.start + m.binMs).slice(11, 16)} UTC`, source: "flags" as const}] : []),
    ...(Number.isFinite(m.firstAppeal) ? [{ts: m.firstAppeal, event: "First appeal against a wrongful block", source: "appeals" as const}] : []),
    ...(Number.isFinite(m.lastHarm) ? [{ts: m.lastHarm, event: "Last wrongful block", source: "flags" as const}] : []),
    {ts: m.rollback, event: "Rollback", source: "deploy log" as const},
    ...(alertDay ? [{ts: m.detectedAt, event: `Daily detector fires on ${alertDay.date}'s ${spec.category} auto-blocks (${alertDay.autoBlocks}, over ${o.detectorK} sd above the ${o.detectorWindow}-day mean)`, source: "detector" as const}] : []),
    ...(Number.isFinite(m.lastAppeal) ? [{ts: m.lastAppeal, event: "Last appeal against a wrongful block", source: "appeals" as const}] : [])
  ].sort((x, y) => x.ts - y.ts);
}

/** The three metrics to watch, named and defined. */
export function incidentWatch(a: IncidentAnalysis): WatchMetric[] {
  const category = categoryText(a.spec.category);
  const label = categoryLabel(a.spec.category);
  return [
    {metric: `${label} auto-blocks per day`, definition: `Items of ${category} the classifier blocked without review (observable, no ground truth needed)`, ...a.watch.autoBlocks},
    {metric: "Wrongful auto-blocks per day (QA sample)", definition: "Benign items blocked automatically, every category, as a QA sample of auto-blocks would estimate", ...a.watch.allWrongfulBlocks},
    {metric: `${label} auto-block precision`, definition: `Share of ${category} auto-blocks that are true violations`, ...a.watch.precision}
  ];
}

/** Follow-up actions with owners and due dates; an action resting on a difference appears only when the intervals separate it. */
export function incidentActions(a: IncidentAnalysis, watch: readonly WatchMetric[]): Action[] {
  const {spec, impact, rootCause, durations} = a;
  const due = (days: number) => addDays(spec.end.slice(0, 10), days);
  const overBase = impact.overThresholdComparison.b;
  return [
    {action: `Canary every ${spec.category} classifier push on 5% of traffic, with automatic rollback when the canary's auto-block rate leaves its baseline band`, owner: "ML platform", due: due(14), verifiedBy: `${watch[0].metric} on the canary vs control`},
    // Only a score shift the intervals separate from noise is a root cause to gate releases on.
    ...(impact.overThresholdComparison.overlap ? [] : [{action: `Gate releases on an offline check of benign score shift: the share of benign validation items over the auto-block threshold (${formatNumber(rootCause.threshold, 3)}) may not rise`, owner: "Detection ML", due: due(14), verifiedBy: `Benign share over threshold: ${formatPercent(overBase.successes / Math.max(1, overBase.n), 1)} before the push`}]),
    {action: `Page on-call from the hourly auto-block monitor (today's detector is a daily batch and would have fired ${formatHours(durations.toDetectHours)} after the push)`, owner: "T&S analytics", due: due(7), verifiedBy: "Time to detect under 2 h in a replay of this incident"},
    {action: `Reverse the ${impact.standing} wrongful blocks still standing and notify the ${impact.accounts} affected accounts`, owner: "T&S operations", due: due(3), verifiedBy: "Standing wrongful blocks = 0"},
    ...(impact.precisionComparison.overlap ? [] : [{action: "Route auto-blocks of accounts with a clean history to human review for 48 h after any classifier push", owner: "T&S policy with Detection ML", due: due(30), verifiedBy: `${watch[2].metric} during the next push`}])
  ];
}

/** The findings: impact, appeals, precision, root cause and detection, each with its figures. */
export function incidentFindings(a: IncidentAnalysis): string[] {
  const {spec, options: o, impact, rootCause, durations, moments} = a;
  const precision = impact.precisionComparison;
  const overThreshold = impact.overThresholdComparison;
  const windowHours = durations.toMitigateHours;
  return [
    `${impact.wrongfulBlocks} benign ${spec.category} items were blocked automatically between the push and the rollback (${formatHours(windowHours)}), against ${formatNumber(impact.expectedWrongfulBlocks, 1)} expected at the baseline rate: ${formatCount(impact.excessWrongfulBlocks)} excess wrongful blocks on ${impact.accounts} accounts in ${impact.countries} countries.`,
    `${impact.appealed} of them were appealed (${formatPercent(impact.appealed / Math.max(1, impact.wrongfulBlocks), 0)}) and ${impact.overturned} overturned; ${impact.standing} wrongful blocks still stand.`,
    `Precision of ${spec.category} auto-blocks was ${shareText(precision.b)} in the ${o.baselineDays} days before and ${shareText(precision.a)} during the incident: ${differenceText(precision)}.`,
    `Root cause: benign ${spec.category} items scored ${formatNumber(rootCause.benignScoreDuring, 3)} on average during the push against ${formatNumber(rootCause.benignScoreBaseline, 3)} before, and ${shareText(overThreshold.a)} of them crossed the auto-block threshold (${formatNumber(rootCause.threshold, 3)}) against ${shareText(overThreshold.b)} before: ${differenceText(overThreshold)}.`,
    moments.alertDay
      ? `A daily detector on ${spec.category} auto-blocks would have fired ${formatHours(durations.toDetectHours)} after the push; the rollback came ${formatHours(windowHours)} after the push${moments.detectedAt < moments.rollback ? `, ${formatHours(durations.detectToMitigateHours)} after that alert` : ""}.`
      : `A daily detector on ${spec.category} auto-blocks (window ${o.detectorWindow} days, ${o.detectorK} sd) would not have fired: the incident stays inside normal variation of the observable signal.`
  ];
}

/** The postmortem's prose, from the analysis: timeline, metrics to watch, actions and findings. */
export function narrateIncident(a: IncidentAnalysis): IncidentNarrative {
  const watch = incidentWatch(a);
  return {timeline: incidentTimeline(a), watch, actions: incidentActions(a, watch), findings: incidentFindings(a)};
}
