import type {ColumnTable} from "arquero";
import {formatCount} from "../core/format.js";
import {clampRange} from "../ops/range.js";
import {caseFilter, caseParams, casesQuery, type CaseScope} from "./cases.js";
import {deferredRows} from "./deferredRows.js";
import {linkedAccounts} from "./linkedAccounts.js";

/**
 * The case view's model (docs/cases.md): its scope from the filters, the cases it selects and their
 * summaries. Tables are arquero's, passed in: expressions are strings, so this module needs no arquero
 * of its own and runs on the browser's build as on Node's.
 */

/** The filters as the page's form gives them: dates as Dates or strings, the account as typed. */
export type CaseFilters = Omit<CaseScope, "from" | "to" | "account"> & {from: Date | string | null; to: Date | string | null; account?: string};

/** The scope of the filters: the dates set in order inside the calendar, a blank account no filter. */
export function caseScope(filters: CaseFilters): CaseScope {
  return {...filters, ...clampRange(filters.from, filters.to), account: filters.account?.trim() || undefined};
}

/** What bounds the cases besides their dates, as the period note says it: "Brazil, spam, any enforcement". */
export function scopeText(scope: CaseScope): string {
  const action = scope.action === "enforced" ? "any enforcement" : scope.action;
  const dates = scope.dates === "session" ? "dated by the start of the session that decided them" : null;
  return [scope.country ?? scope.region ?? "all regions", scope.category, action, dates].filter(Boolean).join(", ");
}

/** The cases of a scope: only the clauses it sets, compiled by arquero (a millisecond or two over 100,000 cases, bench/caseFilter.ts). */
export function matchCases(cases: ColumnTable, scope: CaseScope): ColumnTable {
  return cases.params(caseParams(scope)).filter(caseFilter(scope));
}

/** Cases and appeals by action, most cases first (ties in order of first appearance), in one pass; and all appeals. */
export function actionCounts(matched: ColumnTable): {byAction: {action: string; count: number; appealed: number}[]; appealed: number} {
  const rows = matched.groupby("action").rollup({count: "d => op.count()", appealed: "d => op.sum(d.appealed)"}).objects() as {action: string; count: number; appealed: number}[];
  return {byAction: rows.sort((a, b) => b.count - a.count), appealed: rows.reduce((sum, d) => sum + d.appealed, 0)};
}

/** "removal 120 · none 80", or "none" when no case matches. */
export function actionCountsText(counts: readonly {action: string; count: number}[]): string {
  return counts.map((d) => `${d.action} ${formatCount(d.count)}`).join(" · ") || "none";
}

/** The note under the case count: the whole world's estimate when the cases are a sample. */
export function caseCountNote(matched: number, rate: number): string {
  return rate < 1 ? `about ${formatCount(matched / rate)} in the whole world` : "every flag that matches the filters";
}

/**
 * The matched rows for a download, built on its click (deferredRows): dates in the contract's
 * YYYY-MM-DD form, timestamps left as epoch ms.
 */
export function downloadRows(matched: ColumnTable): readonly Record<string, unknown>[] {
  return deferredRows(matched.numRows(), () => matched.derive({date: "d => op.format_utcdate(d.date)"}).objects() as Record<string, unknown>[]);
}

/** The case view of an account's cases in the scope's dates. */
export function accountHref(scope: Pick<CaseScope, "from" | "to">, account: string): string {
  return `./cases.html${casesQuery({from: scope.from, to: scope.to, account})}`;
}

/**
 * The accounts linked to the scope's account (none without one), each with its cases raised in the
 * scope's dates: the table of resolved accounts gives the entities, the cases table the counts.
 */
export function linkedAccountCases(cases: ColumnTable, resolved: ColumnTable, scope: CaseScope): {id: string; cases: number}[] {
  if (!scope.account) return [];
  const ids = linkedAccounts({user_id: resolved.array("user_id") as ArrayLike<string>, component_id: resolved.array("component_id") as ArrayLike<number>}, scope.account);
  if (ids.length === 0) return [];
  const counts = cases.params({...caseParams(scope), ids}).filter("d.date >= $.from && d.date <= $.to && op.includes($.ids, d.actor_id)").groupby("actor_id").count().objects() as {actor_id: string; count: number}[];
  const byId = new Map(counts.map((d) => [d.actor_id, d.count]));
  return ids.map((id) => ({id, cases: byId.get(id) ?? 0}));
}

/** The reviewers who decided any case, in id order: the reviewer filter's options. */
export function reviewerIds(cases: ColumnTable): string[] {
  return cases.groupby("reviewer_id").count().filter("d => d.reviewer_id !== null").orderby("reviewer_id").array("reviewer_id") as string[];
}

/** Where the published table of resolved accounts lists only the largest entities, says so for the linked-accounts card. */
export function unlistedText(listed: number, linkedAccounts: number): string {
  return listed < linkedAccounts ? `, among the ${formatCount(listed)} linked accounts of the largest entities the published table lists (of ${formatCount(linkedAccounts)})` : "";
}

/** The reading note's account of which linked accounts the view can show (er null: the data has no event log to resolve). */
export function linkedCoverageText(listed: number, er: {linkedAccounts: number; accounts: number} | null): string {
  if (!er) return "none in this build: entity resolution reads the event log and the accounts, which the imported data does not have, so every case shows 0";
  return er.linkedAccounts > listed
    ? `the published table lists the largest entities, ${formatCount(listed)} of ${formatCount(er.linkedAccounts)} linked accounts; an account outside them shows 0`
    : `all ${formatCount(er.linkedAccounts)} linked accounts of the platform's ${formatCount(er.accounts)}`;
}
