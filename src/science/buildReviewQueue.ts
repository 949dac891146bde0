/**
 * The human-in-the-loop review queue: the cases of the last days that the enforcement policy does not
 * simply allow, ordered by priority = risk + band width (a risky case and an uncertain case both move
 * up), capped at a day's review capacity, and enriched with what a reviewer needs on one screen: the
 * account's most recent flagged texts and the accounts linked to it by a shared identifier. It reads
 * no ground truth but the scored rows' label, carried for evaluation; the actor type and the texts'
 * template groups are added by the evaluation step (./evaluate.ts annotateQueue).
 */
import {DEFAULT_POLICY, suggestAction, type EnforcementAction, type EnforcementPolicy} from "../detect/enforcementPolicy.js";
import type {SharedIdentifier} from "../cluster/resolveEntities.js";
import type {ScoredUserDay} from "./trainDetector.js";
import {addDays} from "../core/calendar.js";

export interface FlagText {
  flag_id: number;
  /** YYYY-MM-DD. */
  date: string;
  actor_id: string;
  category: string;
  snippet: string;
}

export interface QueueOptions {
  /** Days at the end of the period the queue covers; default 7. */
  days?: number;
  /** Cases at most; default 200. */
  capacity?: number;
  /** Recent texts per case; default 3. */
  snippetsPerCase?: number;
  /** Linked (account, identifier) rows per case; default 12. */
  linksPerCase?: number;
  policy?: EnforcementPolicy;
}

export interface QueueInput {
  scored: readonly ScoredUserDay[];
  /** Account age on each (user, date): key `${user_id}|${date}`. */
  ageOf: (userId: string, date: string) => number | null;
  texts: readonly FlagText[];
  /** Entity resolution: the component of each account, and the identifiers that link accounts. */
  componentOf: (userId: string) => {component: number; size: number} | undefined;
  shared: readonly SharedIdentifier[];
  /** Account id of each index in `shared[].accounts`. */
  accountId: (index: number) => string;
}

export interface QueueCase {
  case_id: string;
  rank: number;
  user_id: string;
  date: string;
  priority: number;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  heuristic: number;
  suggested_action: EnforcementAction;
  reasons: string;
  account_age_days: number | null;
  linked_accounts: number;
  snippets: number;
  truth_abusive: boolean;
}

export interface ReviewQueue {
  cases: QueueCase[];
  /** Cases the policy did not allow in the window, before the capacity cap. */
  candidates: number;
  from: string;
  to: string;
  snippets: {case_id: string; flag_id: number; date: string; category: string; snippet: string}[];
  links: {case_id: string; linked_user_id: string; via: string; identifier: string}[];
}


export function buildReviewQueue(input: QueueInput, {days = 7, capacity = 200, snippetsPerCase = 3, linksPerCase = 12, policy = DEFAULT_POLICY}: QueueOptions = {}): ReviewQueue {
  if (!Number.isInteger(days) || days < 1) throw new Error(`invalid days: ${days}`);
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`invalid capacity: ${capacity}`);
  if (input.scored.length === 0) throw new Error("invalid queue input: no scored user-days");
  const to = input.scored.reduce((m, s) => (s.date > m ? s.date : m), "");
  const from = addDays(to, 1 - days);
  const candidates = rankCandidates(input.scored, from, policy);
  const textsBy = groupBy(input.texts, (t) => [t.actor_id]);
  const sharedBy = groupBy(input.shared, (s) => s.accounts.map((a) => input.accountId(a)));
  const out: ReviewQueue = {cases: [], candidates: candidates.length, from, to, snippets: [], links: []};
  candidates.slice(0, capacity).forEach(({s, action, priority}, i) => {
    const caseId = `CASE-${s.date.replace(/-/g, "")}-${s.user_id}`;
    const recent = (textsBy.get(s.user_id) ?? [])
      .filter((t) => t.date <= s.date)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.flag_id - a.flag_id));
    for (const t of recent.slice(0, snippetsPerCase)) out.snippets.push({case_id: caseId, flag_id: t.flag_id, date: t.date, category: t.category, snippet: t.snippet});
    out.links.push(...caseLinks(caseId, s.user_id, sharedBy.get(s.user_id) ?? [], input.accountId, linksPerCase));
    const component = input.componentOf(s.user_id);
    out.cases.push({
      case_id: caseId,
      rank: i + 1,
      user_id: s.user_id,
      date: s.date,
      priority,
      risk: s.risk,
      risk_lo: s.risk_lo,
      risk_hi: s.risk_hi,
      heuristic: s.heuristic,
      suggested_action: action,
      reasons: s.reasons,
      account_age_days: input.ageOf(s.user_id, s.date),
      linked_accounts: component ? component.size - 1 : 0,
      snippets: recent.length,
      truth_abusive: s.truth_abusive
    });
  });
  return out;
}

/** The user-days from `from` on whose suggested action is not "allow", by priority (risk plus its interval's width), newest first, then by account. */
function rankCandidates(scored: QueueInput["scored"], from: string, policy: EnforcementPolicy) {
  return scored
    .filter((s) => s.date >= from)
    .map((s) => ({s, action: suggestAction(s, policy), priority: s.risk + (s.risk_hi - s.risk_lo)}))
    .filter((c) => c.action !== "allow")
    .sort((a, b) => b.priority - a.priority || (a.s.date < b.s.date ? 1 : a.s.date > b.s.date ? -1 : 0) || (a.s.user_id < b.s.user_id ? -1 : 1));
}

/** Items under each of their keys, in input order. */
function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) (out.get(key) ?? out.set(key, []).get(key)!).push(item);
  return out;
}

/** A case's links to the other accounts that share an identifier with its account, at most `max`. */
function caseLinks(caseId: string, user: string, shared: readonly SharedIdentifier[], accountId: QueueInput["accountId"], max: number) {
  const links: {case_id: string; linked_user_id: string; via: SharedIdentifier["kind"]; identifier: string}[] = [];
  for (const sh of shared) {
    for (const a of sh.accounts) {
      const other = accountId(a);
      if (other === user || links.length >= max) continue;
      links.push({case_id: caseId, linked_user_id: other, via: sh.kind, identifier: sh.identifier});
    }
  }
  return links;
}
