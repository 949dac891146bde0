/**
 * The enforcement page's figures: the policy the inputs describe (thresholds put in rising order if
 * they cross), what it does to the evaluation period's scored user-days, and the rows of its table
 * and download. Each scored row counts as the cohort user-days it stands for (`sample_weight`: 1,
 * unless the build published a sample of accounts).
 */
import {formatNumber} from "../core/format.js";
import {suggestAction, summarizeActions, totalCosts, type ActionSummary, type EnforcementAction, type EnforcementPolicy} from "../detect/enforcementPolicy.js";

export interface ScoredUserDay {
  user_id: string;
  date: Date;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  truth_abusive: boolean;
  sample_weight: number;
}

export interface Thresholds {
  warn: number;
  rateLimit: number;
  block: number;
}

/** The policy of the inputs, its thresholds in rising order; `reordered` when the inputs had crossed. */
export function orderPolicy(thresholds: Thresholds, escalateUncertain: boolean): {policy: Required<EnforcementPolicy>; reordered: boolean} {
  const [warn, rateLimit, block] = [thresholds.warn, thresholds.rateLimit, thresholds.block].sort((a, b) => a - b);
  return {policy: {warn, rateLimit, block, escalateUncertain}, reordered: warn !== thresholds.warn || rateLimit !== thresholds.rateLimit};
}

/** The note shown when the thresholds crossed. */
export function reorderText({warn, rateLimit, block}: Thresholds): string {
  return `The thresholds crossed, so they are used in rising order: warn ${formatNumber(warn, 2)}, rate limit ${formatNumber(rateLimit, 2)}, block ${formatNumber(block, 2)}.`;
}

export interface PolicyOutcome {
  /** Volumes and costs per action (src/detect/enforcementPolicy.ts). */
  summary: ActionSummary[];
  totals: ReturnType<typeof totalCosts>;
  /** Distinct days of the scored period. */
  evalDays: number;
  /** User-days warned, rate-limited or blocked; escalated; allowed. */
  acted: number;
  escalated: number;
  allowed: number;
  /** Abusive user-days (ground truth) that got an automatic action, and all abusive user-days. */
  abusiveCaught: number;
  abusiveTotal: number;
}

const AUTOMATIC: readonly EnforcementAction[] = ["warn", "rate_limit", "block"];

/** What the policy does to the scored user-days, each counted by its sample weight; allowing and escalating cost nothing here. */
export function evaluatePolicy(scored: readonly ScoredUserDay[], policy: EnforcementPolicy, costs: {warn: number; rate_limit: number; block: number; missed: number}): PolicyOutcome {
  const cases = scored.map((d) => ({...d, truth: d.truth_abusive, count: d.sample_weight}));
  const summary = summarizeActions(cases, policy, {allow: 0, escalate: 0, ...costs});
  const casesOf = (action: EnforcementAction) => summary.find((r) => r.action === action)!.cases;
  const abusive = cases.filter((d) => d.truth);
  return {
    summary,
    totals: totalCosts(summary),
    evalDays: new Set(scored.map((d) => d.date.getTime())).size,
    acted: AUTOMATIC.reduce((s, a) => s + casesOf(a), 0),
    escalated: casesOf("escalate"),
    allowed: casesOf("allow"),
    abusiveCaught: abusive.filter((d) => AUTOMATIC.includes(suggestAction(d, policy))).reduce((s, d) => s + d.count, 0),
    abusiveTotal: abusive.reduce((s, d) => s + d.count, 0)
  };
}

export type ActionCostRow = ActionSummary & {perDay: number};

/** The table's rows: each action's user-days per day, and its expected and actual cost both ways (wrongful actions and harm left up). */
export function actionCostRows(summary: readonly ActionSummary[], evalDays: number): ActionCostRow[] {
  return summary.map((r) => ({...r, perDay: r.cases / evalDays, expectedCost: r.expectedCost + r.expectedMissedCost, actualCost: r.actualCost + r.actualMissedCost}));
}

/** Each scored user-day with the action the policy suggests, for the download. */
export function enforcementActions(scored: readonly ScoredUserDay[], policy: EnforcementPolicy) {
  return scored.map((d) => ({user_id: d.user_id, date: d.date, risk: d.risk, risk_lo: d.risk_lo, risk_hi: d.risk_hi, action: suggestAction(d, policy), truth_abusive: d.truth_abusive}));
}
