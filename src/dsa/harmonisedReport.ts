import {median} from "../core/quantile.js";
import {dayKey, evaluateWithCounts, type Row} from "../metrics/computeKpi.js";
import {kpiDefinition} from "../metrics/definitions.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import type {DsaMapping} from "./mapping.js";
import {EEA_COUNTRIES, owesStatement, type DecisionRow} from "./statementsOfReasons.js";

/**
 * The quantitative sections of the harmonised transparency report (Implementing Regulation (EU)
 * 2024/2835, Annex I) that the data supports, over EEA content flagged in the window. Numbers only;
 * the transparency page writes the prose. Every count of decisions is a count of statements of reasons.
 */

export interface ReportRow extends DecisionRow {
  tta_hours: number;
  appealed: boolean;
  appeal_ts: number | Date | null;
  overturned: boolean;
  complaint_decided_ts: number | Date | null;
  is_violation: boolean;
}

export interface MonthlyRow {
  month: string;
  country: string;
  country_code: string;
  eea: boolean;
  monthly_active_recipients: number;
}

export interface Share {
  numerator: number;
  denominator: number;
  value: number;
  lower: number;
  upper: number;
}

export interface HarmonisedReport {
  window: {from: string; to: string};
  decisions: number;
  notices: {
    article16: number;
    trustedFlagger: number;
    byCategory: {category: string; article16: number; trustedFlagger: number}[];
    actions: {total: number; illegalContent: number; termsAndConditions: number};
    automated: Share;
    medianHours: {value: number; n: number; kpi: string};
  };
  ownInitiative: {
    actions: number;
    byCategory: {category: string; count: number}[];
    byDecision: {automatedDecision: string; count: number}[];
    byRestriction: {restriction: string; count: number}[];
  };
  complaints: {received: number; decided: number; reversed: number; medianHours: number; reversedShare: Share};
  suspensions: {total: number; temporary: number; permanent: number; illegalContent: number};
  automatedAccuracy: {decisions: number; correct: Share; errorRate: number};
  recipients: {country: string; code: string; average: number; months: number}[];
}

const NOTICES = ["article_16", "trusted_flagger"];
const ms = (v: number | Date | null) => (v === null ? NaN : v instanceof Date ? v.getTime() : v);
const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.reduce((n, x) => n + (f(x) ? 1 : 0), 0);

export function share(numerator: number, denominator: number): Share {
  const {estimate, lower, upper} = wilsonInterval(numerator, denominator);
  return {numerator, denominator, value: estimate, lower, upper};
}

/** Counts by a key, in the order of first appearance sorted by count (largest first, then name). */
function tally<T>(xs: readonly T[], key: (x: T) => string, label: string): {[k: string]: string | number}[] {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => ({[label]: k, count: n}));
}

/** The DSA category a notice alleges: the category of the law it cites. */
const allegedCategory = (r: ReportRow, mapping: DsaMapping) => mapping.legal_grounds[r.alleged_legal_ground ?? ""]?.category ?? "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";
/** The DSA category a decision is filed under (as on its statement of reasons). */
function decidedCategory(r: ReportRow, mapping: DsaMapping): string {
  if (r.decision_ground === "illegal_content") return mapping.legal_grounds[r.alleged_legal_ground ?? mapping.categories[r.category].legal_ground ?? ""].category;
  return mapping.categories[r.category].category;
}

function noticeSection(eea: ReportRow[], mapping: DsaMapping, window: {from: string; to: string}): HarmonisedReport["notices"] {
  const notices = eea.filter((r) => NOTICES.includes(r.notice_type));
  const categories = [...new Set(notices.map((r) => allegedCategory(r, mapping)))].sort();
  const acted = notices.filter((r) => r.action !== "none");
  // The dictionary's time to action (P50), restricted to notices on EEA content.
  const def = kpiDefinition("tta_p50");
  if (def.formula.kind !== "quantile") throw new Error("tta_p50 is not a quantile");
  const formula = {...def.formula, where: {...def.formula.where, notice_type: NOTICES, country: [...EEA_COUNTRIES]}};
  const tta = evaluateWithCounts(formula, {flags: eea as unknown as Row[]}, window);
  return {
    article16: count(notices, (r) => r.notice_type === "article_16"),
    trustedFlagger: count(notices, (r) => r.notice_type === "trusted_flagger"),
    byCategory: categories.map((category) => {
      const of = notices.filter((r) => allegedCategory(r, mapping) === category);
      return {category, article16: count(of, (r) => r.notice_type === "article_16"), trustedFlagger: count(of, (r) => r.notice_type === "trusted_flagger")};
    }),
    actions: {total: acted.length, illegalContent: count(acted, (r) => r.decision_ground === "illegal_content"), termsAndConditions: count(acted, (r) => r.decision_ground === "terms_and_conditions")},
    automated: share(count(notices, (r) => r.route !== "human_review"), notices.length),
    medianHours: {value: tta.value, n: tta.n, kpi: def.id}
  };
}

function restrictionOf(r: ReportRow, mapping: DsaMapping): string {
  const a = mapping.actions[r.action];
  if (a.decision_account) return r.suspension_permanent ? a.decision_account_permanent ?? a.decision_account : a.decision_account;
  return (a.decision_visibility ?? []).join("+");
}

function ownInitiativeSection(decisions: ReportRow[], mapping: DsaMapping): HarmonisedReport["ownInitiative"] {
  const own = decisions.filter((r) => r.notice_type === "own_initiative");
  return {
    actions: own.length,
    byCategory: tally(own, (r) => decidedCategory(r, mapping), "category") as {category: string; count: number}[],
    byDecision: tally(own, (r) => mapping.routes[r.route], "automatedDecision") as {automatedDecision: string; count: number}[],
    byRestriction: tally(own, (r) => restrictionOf(r, mapping), "restriction") as {restriction: string; count: number}[]
  };
}

/** Complaints (appeals, Article 20) filed in the window on EEA content; decided = decided by the window's end. */
function complaintSection(eea: ReportRow[], window: {from: string; to: string}): HarmonisedReport["complaints"] {
  const filed = eea.filter((r) => r.appealed && dayKey(ms(r.appeal_ts)) >= window.from && dayKey(ms(r.appeal_ts)) <= window.to);
  const decided = filed.filter((r) => dayKey(ms(r.complaint_decided_ts)) <= window.to);
  const reversed = count(decided, (r) => r.overturned);
  return {
    received: filed.length,
    decided: decided.length,
    reversed,
    medianHours: median(decided.map((r) => (ms(r.complaint_decided_ts) - ms(r.appeal_ts)) / 3_600_000)),
    reversedShare: share(reversed, decided.length)
  };
}

/** Average monthly active recipients per member state over the months the window touches. */
function recipientSection(monthly: readonly MonthlyRow[], window: {from: string; to: string}): HarmonisedReport["recipients"] {
  const months = new Set<string>();
  for (let m = window.from.slice(0, 7); m <= window.to.slice(0, 7); m = nextMonth(m)) months.add(m);
  const rows = monthly.filter((r) => r.eea && months.has(r.month));
  return [...new Set(rows.map((r) => r.country))].map((country) => {
    const of = rows.filter((r) => r.country === country);
    return {country, code: of[0].country_code, average: Math.round(of.reduce((s, r) => s + r.monthly_active_recipients, 0) / of.length), months: of.length};
  }).sort((a, b) => b.average - a.average || (a.code < b.code ? -1 : 1));
}

function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
}

export function analyseTransparency(rows: readonly ReportRow[], monthly: readonly MonthlyRow[], mapping: DsaMapping, window: {from: string; to: string}): HarmonisedReport {
  const eea = rows.filter((r) => EEA_COUNTRIES.includes(r.country));
  const inWindow = eea.filter((r) => dayKey(r.date) >= window.from && dayKey(r.date) <= window.to);
  const decisions = rows.filter((r) => owesStatement(r, window.from, window.to));
  const suspended = decisions.filter((r) => r.action === "suspension");
  const automated = decisions.filter((r) => mapping.routes[r.route] === "AUTOMATED_DECISION_FULLY");
  // Automated decisions judged against ground truth: right when the content violates policy.
  const correct = share(count(automated, (r) => r.is_violation), automated.length);
  return {
    window,
    decisions: decisions.length,
    notices: noticeSection(inWindow, mapping, window),
    ownInitiative: ownInitiativeSection(decisions, mapping),
    complaints: complaintSection(eea, window),
    suspensions: {total: suspended.length, temporary: count(suspended, (r) => !r.suspension_permanent), permanent: count(suspended, (r) => r.suspension_permanent), illegalContent: count(suspended, (r) => r.decision_ground === "illegal_content")},
    automatedAccuracy: {decisions: automated.length, correct, errorRate: 1 - correct.value},
    recipients: recipientSection(monthly, window)
  };
}

/** Each flag row joined with its dsa_flags row (both tables list the same flags in the same order). */
export function joinDsaFlags(flags: readonly Record<string, unknown>[], dsa: readonly Record<string, unknown>[]): ReportRow[] {
  if (flags.length !== dsa.length) throw new Error(`dsa_flags has ${dsa.length} rows for ${flags.length} flags`);
  return flags.map((f, i) => {
    if (f.flag_id !== dsa[i].flag_id) throw new Error(`dsa_flags row ${i} is flag ${String(dsa[i].flag_id)}, expected ${String(f.flag_id)}`);
    return {...f, ...dsa[i]} as unknown as ReportRow;
  });
}
