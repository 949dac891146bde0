/**
 * The review-queue page's case table, case card and audit-log table (pages/science/review-queue.md), and
 * everything else it imports, so that the page reads as prose, data and cards. Figures and rows come
 * from src/science/reviewQueueView.ts. Case texts are untrusted: htl sets them as text, never markup.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatDay, formatNumber} from "../lib/core/format.js";
import {AUDIT_LOG} from "../lib/science/contracts.js";
import {caseEvidence, type AuditRow} from "../lib/science/reviewQueueView.js";
import {label} from "./palette.js";

export {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
export {periodNote} from "./periodNote.js";
export {loadArrow, toRows} from "../lib/io/readArrow.js";
export {AUDIT_LOG, AUDIT_DECISIONS, REVIEW_LINKS, REVIEW_QUEUE, REVIEW_SNIPPETS} from "../lib/science/contracts.js";
export {CATEGORIES} from "../lib/core/constants.js";
export {auditLogTemplate, queueFigures} from "../lib/science/reviewQueueView.js";
export {riskBandChart} from "./riskBandChart.js";
export {downloadButtons} from "./download.js";
export {label} from "./palette.js";

/** A queued case of review_queue.arrow, as the card shows it. */
export interface ReviewCase {
  case_id: string;
  user_id: string;
  date: Date;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  heuristic: number;
  suggested_action: string;
  reasons: string;
  account_age_days: number | null;
  linked_accounts: number;
  snippets: number;
  truth_abusive: boolean;
  truth_actor_type: string;
}

/** The queue in priority order; selecting a row opens its case (the value is the selected case). */
export function caseTable(cases: readonly ReviewCase[]): HTMLFormElement & {value: ReviewCase | null} {
  return Inputs.table(cases, {
    columns: ["rank", "case_id", "date", "priority", "risk", "suggested_action", "reasons", "linked_accounts", "snippets"],
    header: {rank: "#", case_id: "Case", date: "Day", priority: "Priority", risk: "Risk", suggested_action: "Suggestion", reasons: "Reasons", linked_accounts: "Linked", snippets: "Texts"},
    format: {date: formatDay, priority: (x) => formatNumber(x, 3), risk: (x) => formatNumber(x, 3), suggested_action: label},
    width: {rank: 36, case_id: 190, date: 90, priority: 64, risk: 56, suggested_action: 80, reasons: 380, linked_accounts: 56, snippets: 48},
    multiple: false,
    required: true,
    value: cases[0],
    rows: 12
  });
}

type Snippet = {case_id: string; date: Date; category: string; flag_id: number; snippet: string};
type Link = {case_id: string; linked_user_id: string; via: string; identifier: string};

/** One case as a reviewer opens it: the scores and why, the account's recent flagged texts, its linked accounts, and the truth (hidden from reviewers). */
export function caseCard(c: ReviewCase, snippets: readonly Snippet[], links: readonly Link[]): HTMLElement {
  const evidence = caseEvidence(c.case_id, snippets, links);
  const texts = evidence.snippets.map((s) => html`<blockquote class="snippet"><div class="small muted">${formatDay(s.date)} · ${label(s.category)} · flag ${s.flag_id}</div><div class="snippet-text">${s.snippet}</div></blockquote>`);
  return html`<div class="card case-card" id="case-card">
    <h2>${c.case_id}: account ${c.user_id} on ${formatDay(c.date)}</h2>
    <p><b>Risk ${formatNumber(c.risk, 3)} </b><span>(90% band ${formatNumber(c.risk_lo, 3)} to ${formatNumber(c.risk_hi, 3)}) · heuristic ${formatNumber(c.heuristic, 2)} · suggested </span><b>${label(c.suggested_action)}</b><span> · account age ${c.account_age_days ?? "unknown"} days</span></p>
    <p class="muted">Why: ${c.reasons || "no rule fired and no single feature stands out"}</p>
    <h3>Most recent flagged texts (${evidence.snippets.length} of ${c.snippets}); shown as plain text, never as markup</h3>
    ${texts.length === 0 ? html`<p class="muted">No flagged text from this account up to this day.</p>` : texts}
    <h3>Linked accounts (${c.linked_accounts} in its entity-resolution component; shared identifiers below)</h3>
    ${evidence.links.length === 0 ? html`<p class="muted">No account shares a device, payment instrument or small IP prefix with this one.</p>` : html`<ul>${evidence.links.map((l) => html`<li>${l.linked_user_id} via ${label(l.via)} ${l.identifier}</li>`)}</ul>`}
    <p class="small muted">Ground truth (hidden from reviewers): ${c.truth_abusive ? "abusive day" : "no abuse that day"}; actor type ${label(c.truth_actor_type)}.</p>
  </div>`;
}

/** The audit-log template, its columns in the published order. */
export function auditTemplateTable(rows: readonly AuditRow[]): HTMLElement {
  return Inputs.table(rows, {columns: AUDIT_LOG.columns.map((col) => col.name), format: {suggested_action: label}, rows: 6, select: false});
}
