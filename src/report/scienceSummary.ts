/**
 * The protection-science pipeline's one-page executive summary: the headline figures of every step,
 * and recommendations chosen by stated rules from those figures. Nothing in it is typed in: a
 * different seed gives different numbers and, where the rules say so, different recommendations.
 */
import {formatCount, formatNumber, formatPercent} from "../core/format.js";
import {totalCosts, type ActionSummary} from "../detect/enforcementPolicy.js";
import type {ThresholdMetrics} from "../detect/threshold.js";
import {daysBetween} from "../core/calendar.js";

export interface SummaryInput {
  period: {from: string; to: string};
  events: number;
  cohort: number;
  userDays: number;
  alerts: {high: number; medium: number; low: number};
  /** Incidents with their last day and the last due date of their follow-up actions. */
  incidents: {id: string; title: string; hypothesis: string; end: string; lastDue: string}[];
  /** Average precision weighted back to the population (apModel, apHeuristic) and on the cohort as sampled. */
  detection: {apHeuristic: number; apModel: number; apHeuristicCohort: number; apModelCohort: number; atThresholdPopulation: {precision: number; recall: number}; trainFrom: string; trainTo: string; testFrom: string; testTo: string; testRows: number; prevalence: number; threshold: number; atThreshold: ThresholdMetrics; uncertain: number; evalDays: number};
  queue: {cases: number; candidates: number; abusiveShare: number; escalated: number; from: string; to: string};
  /** Exact-copy share after normalisation, and the MinHash near-duplicate share. */
  dedup: {texts: number; distinct: number; share: number; nearShare: number};
  /** k chosen by silhouette; purity and silhouette as the median (and purity's range) over `runs` seeded runs. */
  clustering: {k: number; purity: number; purityMin: number; purityMax: number; silhouette: number; runs: number};
  /**
   * Entity resolution against the true rings over every account (ari, precision, recall: flattered,
   * since the event log covers every ring member), and on a hash sample of the population (sample).
   */
  entities: {ari: number; precision: number; recall: number; candidateRings: number; trueRings: number; linkedAccounts: number; sample: EntitySample};
  enforcement: ActionSummary[];
  drift: {feature: string; label: string; psi: number; band: string; significant: string[]};
}

/** Entity resolution scored on a hash sample of the population (src/science/evaluate.ts evaluateOnSample). */
export interface EntitySample {
  sampled: number;
  ari: number;
  pairs: {precision: number; recall: number};
  sampledFalselyLinked: number;
  /** Per sampled account: linked ones linked to no other entity (precision), ring members linked to a ring-mate (recall). */
  accounts: {linked: number; correct: number; precision: number; recall: number};
  falseLinks: {falsePairs: number; benignPairs: number}[];
}

export interface Recommendation {
  title: string;
  detail: string;
  /** The page that shows the evidence. */
  link: string;
}

/** The figures the summary derives from its input, and the choices its rules make on them. */
export interface PipelineAnalysis {
  /** Average precision of the model minus the heuristic's, weighted to the population. */
  lift: number;
  /** Cases the default policy acts on automatically (warn, rate limit, block), and escalates, over the evaluation days. */
  autoCases: number;
  escalated: number;
  costs: ReturnType<typeof totalCosts>;
  /** Incidents whose follow-up actions are still due on the summary's last day, and those whose actions fell due before. */
  currentIncidents: SummaryInput["incidents"];
  pastIncidents: SummaryInput["incidents"];
  /** Each recommendation's rule, decided. */
  decisions: {retrain: boolean; modelRanks: boolean; reviewLinked: boolean; groupNearDuplicates: boolean; recalibrate: boolean};
}

export interface PipelineSummary {
  headline: string;
  steps: {step: string; finding: string; link: string}[];
  recommendations: Recommendation[];
}

/**
 * Whether an incident still needs work as of a date: its follow-up actions are not all past due. An
 * incident whose actions fell due long before the summary's last day is history, not a priority.
 */
export function incidentIsCurrent(incident: {lastDue: string}, asOf: string): boolean {
  return incident.lastDue >= asOf;
}

/** "ARI 0.91 on a hash sample of 1,500 accounts and the accounts linked to them (pair precision …)". */
export function entitySampleText(e: EntitySample): string {
  const falsePairs = e.falseLinks.reduce((t, k) => t + k.falsePairs, 0);
  const benignPairs = e.falseLinks.reduce((t, k) => t + k.benignPairs, 0);
  return `ARI ${formatNumber(e.ari, 3)} on a hash sample of ${formatCount(e.sampled)} accounts of the population and the accounts linked to them (pair precision ${formatPercent(e.pairs.precision, 1)}, recall ${formatPercent(e.pairs.recall, 1)}); per sampled account, ${formatCount(e.accounts.correct)} of ${formatCount(e.accounts.linked)} linked ones (${formatPercent(e.accounts.precision, 0)}) are linked to no other entity, and ${formatCount(e.sampledFalselyLinked)} through ${formatCount(falsePairs)} false links, ${formatCount(benignPairs)} of them between two benign accounts (shared devices, cards or networks)`;
}

/** The summary's derived figures and its rules' choices, from the pipeline's figures. */
export function analysePipeline(s: SummaryInput): PipelineAnalysis {
  const lift = s.detection.apModel - s.detection.apHeuristic;
  const auto = s.enforcement.filter((a) => a.action === "warn" || a.action === "rate_limit" || a.action === "block");
  const costs = totalCosts(s.enforcement);
  return {
    lift,
    autoCases: auto.reduce((t, a) => t + a.cases, 0),
    escalated: s.enforcement.find((a) => a.action === "escalate")?.cases ?? 0,
    costs,
    currentIncidents: s.incidents.filter((i) => incidentIsCurrent(i, s.period.to)),
    pastIncidents: s.incidents.filter((i) => !incidentIsCurrent(i, s.period.to)),
    decisions: {
      retrain: s.drift.band === "significant",
      modelRanks: lift >= 0.05,
      reviewLinked: s.entities.sample.ari >= 0.8 && s.entities.sample.accounts.precision >= 0.8,
      groupNearDuplicates: s.dedup.nearShare >= 0.3,
      recalibrate: costs.actualFalsePositive > costs.expectedFalsePositive * 1.25
    }
  };
}

/** One finding per pipeline step, with the page that shows it. */
export function pipelineSteps(s: SummaryInput, a: PipelineAnalysis): PipelineSummary["steps"] {
  const d = s.detection;
  const costs = a.costs;
  // The page builds these links at run time, where Framework does not rewrite them: a static host
  // serves files, so each names its page with .html.
  return [
    {step: "Raw events", finding: `${formatCount(s.events)} events of ${formatCount(s.cohort)} cohort accounts, ${s.period.from} to ${s.period.to}.`, link: "./events.html"},
    {step: "SQL core tables", finding: `DuckDB builds ${formatCount(s.userDays)} user-days from three SQL files kept in the repository.`, link: "./sql.html"},
    {step: "Monitoring", finding: `${s.alerts.high} high, ${s.alerts.medium} medium and ${s.alerts.low} low alerts over the period; ${s.incidents.length === 0 ? "no incident" : `${s.incidents.length} incident${s.incidents.length === 1 ? "" : "s"} opened (${s.incidents.map((i) => i.title).join("; ")})`}.`, link: "./monitoring.html"},
    {step: "Detection", finding: `Logistic regression AP ${formatNumber(d.apModel, 3)} against the heuristic's ${formatNumber(d.apHeuristic, 3)}, weighted to the population (on the cohort as sampled, which over-samples rings: ${formatNumber(d.apModelCohort, 3)} and ${formatNumber(d.apHeuristicCohort, 3)}), on ${formatCount(d.testRows)} user-days of ${d.testFrom} to ${d.testTo} (cohort prevalence ${formatPercent(d.prevalence, 1)}); at risk ≥ ${formatNumber(d.threshold, 2)}: population precision ${formatPercent(d.atThresholdPopulation.precision, 0)}, recall ${formatPercent(d.atThresholdPopulation.recall, 0)} (cohort ${formatPercent(d.atThreshold.precision, 0)} and ${formatPercent(d.atThreshold.recall, 0)}), ${formatCount(d.atThreshold.selected / d.evalDays)} cohort flags a day.`, link: "./detection.html"},
    {step: "Review queue", finding: `${formatCount(s.queue.cases)} cases in the last week (${s.queue.from} to ${s.queue.to}); ${formatPercent(s.queue.abusiveShare, 0)} abusive by ground truth; ${formatCount(s.queue.escalated)} escalated as uncertain.`, link: "./review-queue.html"},
    {step: "Automation", finding: `Exact dedup removes ${formatPercent(s.dedup.share, 1)} of ${formatCount(s.dedup.texts)} queue texts, near-duplicate grouping (MinHash) ${formatPercent(s.dedup.nearShare, 1)}; k-means at k = ${s.clustering.k} (chosen by silhouette) reaches purity ${formatNumber(s.clustering.purity, 3)} (median of ${s.clustering.runs} seeded runs, range ${formatNumber(s.clustering.purityMin, 3)} to ${formatNumber(s.clustering.purityMax, 3)}; silhouette ${formatNumber(s.clustering.silhouette, 3)}); entity resolution finds ${s.entities.candidateRings} candidate rings for ${s.entities.trueRings} true ones, ARI ${formatNumber(s.entities.ari, 3)} over every account (pair precision ${formatPercent(s.entities.precision, 1)}, recall ${formatPercent(s.entities.recall, 1)}; the event log covers every ring member), ${entitySampleText(s.entities.sample)}.`, link: "./automation.html"},
    {step: "Enforcement", finding: `At the default policy, ${formatCount(a.autoCases / d.evalDays)} automatic actions and ${formatNumber(a.escalated / d.evalDays, 1)} escalations a day; expected cost of mistakes ${formatCount(costs.expected)} (wrongful actions ${formatCount(costs.expectedFalsePositive)}, harm left up ${formatCount(costs.expectedMissed)}), actual ${formatCount(costs.actual)} (${formatCount(costs.actualFalsePositive)} and ${formatCount(costs.actualMissed)}), in wrongful-warning units.`, link: "./enforcement.html"},
    {step: "Drift", finding: `${s.drift.label} shifted most since training (PSI ${formatNumber(s.drift.psi, 3)}, ${s.drift.band}); significant shifts: ${s.drift.significant.join(", ") || "none"}.`, link: "./drift.html"}
  ];
}

/** The recommendations, in order, each chosen by its stated rule. */
export function pipelineRecommendations(s: SummaryInput, a: PipelineAnalysis): Recommendation[] {
  const recommendations: Recommendation[] = [];
  const {lift, decisions: rule, currentIncidents: current, pastIncidents: past} = a;
  const expected = a.costs.expectedFalsePositive;
  const actual = a.costs.actualFalsePositive;
  // Relevant as of the summary's last day: only an incident whose actions are still due comes first.
  if (current.length > 0) recommendations.push({title: `Close out ${current[0].id}`, detail: `${current[0].hypothesis} Its follow-up actions are due by ${current[0].lastDue}.`, link: "./drift.html#incident"});
  if (rule.retrain) recommendations.push({title: `Retrain on data after the shift in ${s.drift.label.toLowerCase()}`, detail: `Its PSI of ${formatNumber(s.drift.psi, 2)} against the training period is above 0.25; the model has seen too few days like today's.`, link: "./drift.html"});
  if (rule.modelRanks) recommendations.push({title: "Rank the queue by the model, keep the rules as explanations", detail: `The model's average precision beats the heuristic's by ${formatNumber(lift, 3)}; the heuristic's fired rules stay on each case as reasons a reviewer can check.`, link: "./detection.html"});
  else recommendations.push({title: "Keep the heuristic until the model earns its keep", detail: `The model's average precision is within ${formatNumber(Math.abs(lift), 3)} of the heuristic's; the simpler detector is easier to explain and appeal.`, link: "./detection.html"});
  if (rule.reviewLinked) recommendations.push({title: "Review linked accounts together", detail: `On a sample of the population, entity resolution agrees with the true rings at ARI ${formatNumber(s.entities.sample.ari, 2)}; a case should come with its component, so one decision covers a ring.`, link: "./automation.html#entity-resolution"});
  else recommendations.push({title: "Check linked accounts before acting on them together", detail: `On a sample of the population, ${formatPercent(1 - s.entities.sample.accounts.precision, 0)} of the accounts entity resolution links are linked to another entity (ARI ${formatNumber(s.entities.sample.ari, 2)}): shared identifiers also link households, offices and networks, so a component is a lead, not a verdict.`, link: "./automation.html#entity-resolution"});
  if (rule.groupNearDuplicates) recommendations.push({title: "Group near-duplicates before review", detail: `${formatPercent(s.dedup.nearShare, 0)} of the queue's texts are near-duplicates of another (MinHash), against ${formatPercent(s.dedup.share, 0)} exact copies: one decision per group of near-identical texts.`, link: "./automation.html"});
  if (rule.recalibrate) recommendations.push({title: "Recalibrate before automating more", detail: `Actual false-positive cost (${formatCount(actual)}) exceeds what the model expects (${formatCount(expected)}) by more than a quarter.`, link: "./enforcement.html"});
  if (past.length > 0) {
    const last = past[past.length - 1];
    recommendations.push({title: `Confirm the follow-ups of ${past.map((i) => i.id).join(", ")} were done`, detail: `${past.length === 1 ? "The incident" : `The last of ${past.length} incidents`} ended on ${last.end}, ${formatCount(daysBetween(last.end, s.period.to))} days before ${s.period.to}, and its actions fell due by ${last.lastDue}: a check, not a priority.`, link: "./drift.html#incident"});
  }
  return recommendations;
}

/** One sentence: detection, entity resolution, incidents and drift. */
export function pipelineHeadline(s: SummaryInput): string {
  const d = s.detection;
  return `The pipeline ranks abusive user-days with average precision ${formatNumber(d.apModel, 2)} weighted to the population (the rules alone: ${formatNumber(d.apHeuristic, 2)}; on the cohort, which over-samples rings, ${formatNumber(d.apModelCohort, 2)} and ${formatNumber(d.apHeuristicCohort, 2)}), links ${s.entities.candidateRings} candidate rings (ARI ${formatNumber(s.entities.ari, 2)} over every account, but on a sample of the population only ${formatPercent(s.entities.sample.accounts.precision, 0)} of linked accounts are linked to no other entity), and ${s.incidents.length ? `opened ${s.incidents.length} incident${s.incidents.length === 1 ? "" : "s"} from its alerts` : "opened no incident"}; ${s.drift.band === "significant" ? `${s.drift.label.toLowerCase()} has drifted since training: retrain the model on recent data.` : "its inputs are stable since training."}`;
}

/** The summary's text, from the pipeline's figures and the analysis of them. */
export function narratePipeline(s: SummaryInput, a: PipelineAnalysis): PipelineSummary {
  return {headline: pipelineHeadline(s), steps: pipelineSteps(s, a), recommendations: pipelineRecommendations(s, a)};
}

export function summarizePipeline(s: SummaryInput): PipelineSummary {
  return narratePipeline(s, analysePipeline(s));
}
