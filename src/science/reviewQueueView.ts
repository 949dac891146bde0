/**
 * The review-queue page's figures and rows (pages/science/review-queue.md), from the build's queue
 * (review_queue.arrow) and its enrichment (review_snippets.arrow, review_links.arrow).
 */
import {ENFORCEMENT_ACTIONS, type EnforcementAction} from "../detect/enforcementPolicy.js";

/** A queued case, as far as the page's figures read it. */
export interface QueuedCase {
  case_id: string;
  user_id: string;
  suggested_action: EnforcementAction;
  linked_accounts: number;
  truth_abusive: boolean;
}

/** Cases per suggested action, cases linked to other accounts, and the share that is abusive (the queue's precision). */
export function queueFigures(cases: readonly QueuedCase[]): {byAction: Record<EnforcementAction, number>; withLinks: number; precision: number} {
  const byAction = Object.fromEntries(ENFORCEMENT_ACTIONS.map((a) => [a, cases.filter((c) => c.suggested_action === a).length])) as Record<EnforcementAction, number>;
  return {byAction, withLinks: cases.filter((c) => c.linked_accounts > 0).length, precision: cases.filter((c) => c.truth_abusive).length / cases.length};
}

/** The enrichment rows of one case, in their published order (most recent texts first). */
export function caseEvidence<S extends {case_id: string}, L extends {case_id: string}>(caseId: string, snippets: readonly S[], links: readonly L[]): {snippets: S[]; links: L[]} {
  return {snippets: snippets.filter((s) => s.case_id === caseId), links: links.filter((l) => l.case_id === caseId)};
}

/** A row of the audit-log template (contracts AUDIT_LOG): the case and the suggestion pre-filled, the decision blank. */
export interface AuditRow {
  case_id: string;
  user_id: string;
  reviewer_id: null;
  decision: null;
  policy: null;
  rationale: null;
  decided_at: null;
  suggested_action: EnforcementAction;
}

/** One audit-log row per queued case, in queue order, for reviewers to fill in. */
export function auditLogTemplate(cases: readonly QueuedCase[]): AuditRow[] {
  return cases.map((c) => ({case_id: c.case_id, user_id: c.user_id, reviewer_id: null, decision: null, policy: null, rationale: null, decided_at: null, suggested_action: c.suggested_action}));
}
