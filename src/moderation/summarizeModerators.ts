import {linearRegression} from "simple-statistics";
import {KPI_DEFINITIONS} from "../metrics/definitions.js";
import {correlationInterval, type Correlation} from "../stats/correlationInterval.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import {emptyTotals, sessionTotals, type SessionTotals} from "./sessionTotals.js";
import type {QaRow, SessionRow} from "./summarizeSessions.js";

/**
 * One row per moderator: throughput (decisions per hour of session time), idle share, QA pass rate
 * against ground truth with its Wilson interval, and the reviewer's true accuracy for comparison; plus
 * how idle share relates to the pass rate across moderators (Pearson r with a Fisher interval, and the
 * least-squares line).
 */

/** The QA pass-rate target, read from the KPI definition (the analyst role profile: above 95% for high-severity queues). */
export const QA_TARGET: number = (() => {
  const check = KPI_DEFINITIONS.find((k) => k.id === "qa_pass_rate")?.target.check;
  if (!check || !("value" in check)) throw new Error("missing kpi target: qa_pass_rate");
  return check.value;
})();

export interface ReviewerRow {
  reviewer_id: string;
  hub: string;
  accuracy: number;
}

export interface ModeratorRow {
  reviewer_id: string;
  hub: string;
  sessions: number;
  hours: number;
  cases: number;
  decisionsPerHour: number;
  idleShare: number;
  checked: number;
  correct: number;
  qaPass: number;
  qaLower: number;
  qaUpper: number;
  /** Ground truth: the reviewer's probability of a correct decision. */
  accuracy: number;
}

export interface IdleAccuracy {
  correlation: Correlation;
  /** Pass rate = intercept + slope · idle share. */
  slope: number;
  intercept: number;
  /** The same against the true accuracy. */
  truthCorrelation: Correlation;
}

export function summarizeModerators(sessions: readonly SessionRow[], qa: readonly QaRow[], reviewers: readonly ReviewerRow[]): ModeratorRow[] {
  return moderatorsOf(sessionTotals(sessions, qa, (s) => s.reviewer_id), reviewers);
}

/** One row per reviewer from totals keyed by reviewer_id (from sessionTotals or dayTotals). */
export function moderatorsOf(acc: Map<string | null, SessionTotals>, reviewers: readonly ReviewerRow[]): ModeratorRow[] {
  return reviewers.map((r) => {
    const a = acc.get(r.reviewer_id) ?? emptyTotals();
    const ci = wilsonInterval(a.correct, a.checked);
    const hours = a.seconds / 3600;
    return {
      reviewer_id: r.reviewer_id,
      hub: r.hub,
      sessions: a.sessions,
      hours,
      cases: a.cases,
      decisionsPerHour: hours > 0 ? a.cases / hours : NaN,
      idleShare: a.seconds > 0 ? a.idle / a.seconds : NaN,
      checked: a.checked,
      correct: a.correct,
      qaPass: ci.estimate,
      qaLower: ci.lower,
      qaUpper: ci.upper,
      accuracy: r.accuracy
    };
  });
}

export function relateIdleToAccuracy(rows: readonly ModeratorRow[]): IdleAccuracy {
  const ok = rows.filter((r) => Number.isFinite(r.idleShare) && Number.isFinite(r.qaPass));
  const x = ok.map((r) => r.idleShare);
  const correlation = correlationInterval(x, ok.map((r) => r.qaPass));
  const line = ok.length >= 2 && new Set(x).size > 1 ? linearRegression(ok.map((r) => [r.idleShare, r.qaPass])) : {m: NaN, b: NaN};
  return {correlation, slope: line.m, intercept: line.b, truthCorrelation: correlationInterval(x, ok.map((r) => r.accuracy))};
}
