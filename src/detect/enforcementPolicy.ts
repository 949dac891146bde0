/**
 * Enforcement suggestions from a case's risk and its uncertainty band. Confident cases get the action
 * their risk earns (allow, warn, rate_limit, block); a case whose band straddles the rate-limit or the
 * block threshold is escalated to a human instead, because the model cannot tell which side it is on
 * and the action is costly to get wrong.
 */

export const ENFORCEMENT_ACTIONS = ["allow", "warn", "rate_limit", "block", "escalate"] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

export interface EnforcementPolicy {
  /** Risk at or above which an account is warned. */
  warn: number;
  rateLimit: number;
  block: number;
  /** Escalate a band that straddles the rate-limit or block threshold (default true). */
  escalateUncertain?: boolean;
}

export const DEFAULT_POLICY: Required<EnforcementPolicy> = {warn: 0.5, rateLimit: 0.7, block: 0.9, escalateUncertain: true};

/**
 * Costs in "wrongful warning" units. Per action: the cost of taking it on a benign account (escalation
 * costs review time only). `missed`: the cost of the harm left up when an abusive account is allowed.
 * A policy that only counts wrongful actions looks best when it does nothing; both sides are needed.
 */
export type ActionCosts = Record<EnforcementAction, number> & {missed?: number};
/** Harm left up is priced at half a wrongful block: an abusive user-day keeps reaching its targets. */
export const DEFAULT_COSTS: Required<ActionCosts> = {allow: 0, warn: 1, rate_limit: 3, block: 10, escalate: 0, missed: 5};

export interface Case {
  risk: number;
  risk_lo: number;
  risk_hi: number;
}

function checkPolicy(p: EnforcementPolicy): void {
  for (const [k, v] of Object.entries({warn: p.warn, rateLimit: p.rateLimit, block: p.block})) if (!(v >= 0 && v <= 1)) throw new Error(`invalid ${k} threshold: ${v}`);
  if (!(p.warn <= p.rateLimit && p.rateLimit <= p.block)) throw new Error(`invalid policy: thresholds must rise warn ${p.warn} <= rate_limit ${p.rateLimit} <= block ${p.block}`);
}

export function suggestAction(c: Case, policy: EnforcementPolicy = DEFAULT_POLICY): EnforcementAction {
  checkPolicy(policy);
  const straddles = (t: number) => c.risk_lo < t && c.risk_hi >= t;
  if ((policy.escalateUncertain ?? true) && (straddles(policy.block) || straddles(policy.rateLimit))) return "escalate";
  if (c.risk >= policy.block) return "block";
  if (c.risk >= policy.rateLimit) return "rate_limit";
  if (c.risk >= policy.warn) return "warn";
  return "allow";
}

export interface ActionSummary {
  action: EnforcementAction;
  cases: number;
  /** Σ (1 − risk) · cost: the false-positive cost the model itself expects. */
  expectedFalsePositives: number;
  expectedCost: number;
  /** Ground truth: cases without abuse that got the action, and their cost. */
  actualFalsePositives: number;
  actualCost: number;
  /** Allowed cases only: Σ risk, the abuse the model expects to let through, and its cost. */
  expectedMissed: number;
  expectedMissedCost: number;
  /** Allowed cases only, from ground truth: abusive cases let through, and their cost. */
  actualMissed: number;
  actualMissedCost: number;
}

/**
 * Volumes and costs per action: false positives (actions on benign cases) and, on the allow row, false
 * negatives (abusive cases let through); `truth` is optional (expected figures need none). `count` is
 * how many cases a row stands for (default 1; a sample's inverse inclusion chance), so that every
 * figure is a weighted sum.
 */
export function summarizeActions(cases: readonly (Case & {truth?: boolean; count?: number})[], policy: EnforcementPolicy = DEFAULT_POLICY, costs: ActionCosts = DEFAULT_COSTS): ActionSummary[] {
  const missedCost = costs.missed ?? 0;
  const zero = {cases: 0, expectedFalsePositives: 0, expectedCost: 0, actualFalsePositives: 0, actualCost: 0, expectedMissed: 0, expectedMissedCost: 0, actualMissed: 0, actualMissedCost: 0};
  const rows = new Map<EnforcementAction, ActionSummary>(ENFORCEMENT_ACTIONS.map((a) => [a, {action: a, ...zero}]));
  for (const c of cases) {
    const action = suggestAction(c, policy);
    const row = rows.get(action)!;
    const n = c.count ?? 1;
    row.cases += n;
    if (action === "escalate") continue;
    if (action === "allow") {
      row.expectedMissed += c.risk * n;
      row.expectedMissedCost += c.risk * missedCost * n;
      if (c.truth === true) {
        row.actualMissed += n;
        row.actualMissedCost += missedCost * n;
      }
      continue;
    }
    row.expectedFalsePositives += (1 - c.risk) * n;
    row.expectedCost += (1 - c.risk) * costs[action] * n;
    if (c.truth === false) {
      row.actualFalsePositives += n;
      row.actualCost += costs[action] * n;
    }
  }
  return [...rows.values()];
}

/** Totals over a summary: expected and actual costs of wrongful actions, of harm left up, and both. */
export function totalCosts(summary: readonly ActionSummary[]): {expectedFalsePositive: number; expectedMissed: number; expected: number; actualFalsePositive: number; actualMissed: number; actual: number} {
  const sum = (key: keyof Omit<ActionSummary, "action">) => summary.reduce((t, r) => t + r[key], 0);
  const e = {fp: sum("expectedCost"), fn: sum("expectedMissedCost")};
  const a = {fp: sum("actualCost"), fn: sum("actualMissedCost")};
  return {expectedFalsePositive: e.fp, expectedMissed: e.fn, expected: e.fp + e.fn, actualFalsePositive: a.fp, actualMissed: a.fn, actual: a.fp + a.fn};
}
