/**
 * Drill-through: the cases behind a figure. A figure that counts flags (a KPI card, a flagged day, a
 * heatmap cell) links to the case view with the filters that select exactly its flags; the case view
 * reads them from its URL like any other input. This module is the one place where the case view's
 * filters, their option labels (which the URL carries as slugs) and their meaning are defined.
 */
import {slug} from "../io/urlState.js";
import {ACTIONS, CATEGORIES, CATEGORY_LABELS, COUNTRIES, REGIONS, ROUTES, SEVERITIES, SOURCE_LABELS, SOURCES, SURFACES} from "../core/constants.js";

/** What selects a set of cases. Absent fields do not filter. Dates are inclusive UTC days. */
export interface CaseScope {
  from: string;
  to: string;
  /** Which day `from` and `to` bound: the day raised (absent), or "session", the start of the moderator session that decided the case. */
  dates?: "session";
  region?: string;
  country?: string;
  category?: string;
  source?: string;
  severity?: string;
  route?: string;
  /** A surface, or "post_comment" for posts and comments. */
  surface?: string;
  /** An action, or "enforced" for any action but none. */
  action?: string;
  /** "appealed", or "overturned" for appeals that reversed the action. */
  appeal?: "appealed" | "overturned";
  /** QA audit of the reviewer's decision: any audited case, or those that passed or failed. */
  qa?: "audited" | "pass" | "fail";
  /** Ground truth: the account is in a ring ("ring") or not ("other"). */
  sender?: "ring" | "other";
  reviewer?: string;
  account?: string;
  /** Only cases still open at the end of the `to` day (raised, not yet decided): the review queue's backlog. */
  open?: boolean;
}

type Field = "dates" | "region" | "country" | "category" | "source" | "severity" | "route" | "surface" | "action" | "appeal" | "qa" | "sender";

/** Each select of the case view: the label of "no filter", then [value, label] of each option. */
export const CASE_OPTIONS: Record<Field, {all: string; options: readonly (readonly [string, string])[]}> = {
  dates: {all: "Day raised", options: [["session", "Day its session started"]]},
  region: {all: "All regions", options: REGIONS.map((r) => [r, r])},
  country: {all: "All countries", options: COUNTRIES.map((c) => [c.name, c.name])},
  category: {all: "All categories", options: CATEGORIES.map((k) => [k, CATEGORY_LABELS[k]])},
  source: {all: "All sources", options: SOURCES.map((s) => [s, SOURCE_LABELS[s]])},
  severity: {all: "All severities", options: SEVERITIES.map((s) => [s, s])},
  route: {all: "All routes", options: ROUTES.map((r) => [r, r.replace("_", " ")])},
  surface: {all: "All surfaces", options: [...SURFACES.map((s) => [s, s === "message" ? "direct message" : s] as const), ["post_comment", "posts and comments"]]},
  action: {all: "All actions", options: [["enforced", "Any enforcement"], ...ACTIONS.map((a) => [a, a] as const)]},
  appeal: {all: "All cases", options: [["appealed", "Appealed"], ["overturned", "Overturned on appeal"]]},
  qa: {all: "Audited or not", options: [["audited", "Audited"], ["pass", "Passed QA"], ["fail", "Failed QA"]]},
  sender: {all: "Any account", options: [["ring", "Ring accounts"], ["other", "Accounts outside rings"]]}
};

/** The case view's query string for a scope: each select by its option's slug, as its inputs write it. */
export function casesQuery(scope: CaseScope): string {
  const params = new URLSearchParams({from: scope.from, to: scope.to});
  for (const field of Object.keys(CASE_OPTIONS) as Field[]) {
    const value = scope[field];
    if (value === undefined) continue;
    const option = CASE_OPTIONS[field].options.find(([v]) => v === value);
    if (!option) throw new Error(`casesQuery: no ${field} option ${value}`);
    params.set(field, slug(option[1]));
  }
  if (scope.reviewer) params.set("reviewer", slug(scope.reviewer));
  if (scope.account) params.set("account", scope.account);
  if (scope.open) params.set("open", "on");
  return `?${params}`;
}

/** The scope of a count KPI's flags (src/metrics/definitions.ts), for the KPIs that count flags. */
export const KPI_CASES: Readonly<Record<string, Partial<CaseScope>>> = {
  reports: {},
  enforcements: {action: "enforced"},
  appeals: {appeal: "appealed"}
};

/** The scope's fields that select cases whose column equals them, and that column. */
const EQUALS = {region: "region", country: "country", category: "category", source: "source", severity: "severity", route: "route", reviewer: "reviewer_id", account: "actor_id"} as const;

/** The parameters of `caseFilter(scope)`: null or false where a field does not filter; dates as UTC midnights in epoch ms. */
export function caseParams(scope: CaseScope): Record<string, unknown> {
  // Numbers, not Dates: a Date parameter is converted again for each of the table's rows (about 20 ms
  // over 100,000 rows in bench/caseFilter.ts), and the case view reads its dates as epoch ms.
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const postComment = scope.surface === "post_comment";
  return {
    from: day(scope.from),
    to: day(scope.to),
    ...Object.fromEntries(Object.keys(EQUALS).map((field) => [field, scope[field as keyof typeof EQUALS] ?? null])),
    surface: postComment ? null : (scope.surface ?? null),
    postComment,
    action: scope.action === "enforced" ? null : (scope.action ?? null),
    enforced: scope.action === "enforced",
    appealed: scope.appeal !== undefined,
    overturned: scope.appeal === "overturned",
    audited: scope.qa === "audited",
    qa: scope.qa === "pass" || scope.qa === "fail" ? scope.qa : null,
    ring: scope.sender === "ring",
    outsideRing: scope.sender === "other",
    // The end of the `to` day, for `open`.
    openEnd: scope.open ? day(scope.to) + 86_400_000 : null
  };
}

/** Each filtering parameter of caseParams and its clause over the cases table. */
const CLAUSES: readonly (readonly [string, string])[] = [
  ...Object.entries(EQUALS).map(([field, column]) => [field, `d.${column} === $.${field}`] as const),
  ["surface", "d.surface === $.surface"],
  ["postComment", "d.surface !== 'message'"],
  ["action", "d.action === $.action"],
  ["enforced", "d.action !== 'none'"],
  ["appealed", "d.appealed"],
  ["overturned", "d.overturned"],
  ["audited", "d.qa !== null"],
  ["qa", "d.qa === $.qa"],
  ["ring", "d.ring_member"],
  ["outsideRing", "!d.ring_member"],
  // Open at the end of the day as the backlog counts it (src/world/queueTables.ts): ts <= t < decided.
  ["openEnd", "d.ts <= $.openEnd && d.ts + d.tta_hours * 3600000 > $.openEnd"]
];

/**
 * The case filter of a scope as an arquero table expression over the cases table (dates as epoch ms or
 * Dates), with `caseParams(scope)` as its parameters: `dt.params(caseParams(scope)).filter(caseFilter(scope))`.
 * It holds only the clauses the scope sets, so the widest view tests two per row: over 100,000 cases a
 * filter takes a millisecond or two, where one expression of every clause, each testing for null,
 * takes about ten (bench/caseFilter.ts).
 */
export function caseFilter(scope: CaseScope): string {
  const params = caseParams(scope);
  const set = CLAUSES.filter(([name]) => params[name] !== null && params[name] !== false).map(([, clause]) => clause);
  const day = scope.dates === "session" ? "d.session_date" : "d.date";
  return [`${day} >= $.from`, `${day} <= $.to`, ...set].join(" && ");
}
