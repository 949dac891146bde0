import * as Inputs from "@observablehq/inputs";
import {END_DATE, START_DATE} from "../lib/core/constants.js";
import {formatCount, formatHours, formatMinute, formatNumber} from "../lib/core/format.js";
import {CASE_OPTIONS} from "../lib/explore/cases.js";
import {dataLink} from "./dataLink.js";
import {keyboardTable} from "./keyboardTable.js";
import {linked} from "./urlState.js";

/** The case view's filters and table (docs/cases.md). */

type Field = keyof typeof CASE_OPTIONS;

/** One select per field: "All ..." (no filter), then the field's options; the URL carries each as its label's slug. */
function choose(field: Field, label: string) {
  return linked(field, Inputs.select(new Map<string, string | undefined>([[CASE_OPTIONS[field].all, undefined], ...CASE_OPTIONS[field].options.map(([value, text]) => [text, value] as [string, string])]), {label}));
}

/** Every filter of the case view, each under its URL parameter; the dates start on the reporting window. */
export function caseFilters({window, reviewers}: {window: {from: string; to: string}; reviewers: readonly string[]}): HTMLElement {
  return Inputs.form({
    from: linked("from", Inputs.date({label: "From", value: window.from, min: START_DATE, max: END_DATE})),
    to: linked("to", Inputs.date({label: "To", value: window.to, min: START_DATE, max: END_DATE})),
    dates: choose("dates", "Dates bound"),
    region: choose("region", "Region"),
    country: choose("country", "Country"),
    category: choose("category", "Category"),
    source: choose("source", "Source"),
    severity: choose("severity", "Severity"),
    route: choose("route", "Route"),
    surface: choose("surface", "Surface"),
    action: choose("action", "Action"),
    appeal: choose("appeal", "Appeal"),
    qa: choose("qa", "QA audit"),
    sender: choose("sender", "Sender (ground truth)"),
    reviewer: linked("reviewer", Inputs.select(new Map<string, string | undefined>([["All reviewers", undefined], ...reviewers.map((r) => [r, r] as [string, string])]), {label: "Reviewer"})),
    account: linked("account", Inputs.text({label: "Account", placeholder: "e.g. U004512"})),
    open: linked("open", Inputs.toggle({label: "Open at the end of To"}))
  });
}

const COLUMNS = ["flag_id", "ts", "country", "category", "source", "severity", "surface", "ml_score", "route", "action", "reviewer_id", "tta_hours", "qa", "appealed", "overturned", "actor_id", "linked", "snippet"];
const NUMERIC = new Set(["ml_score", "tta_hours", "linked"]);
const yesNo = (b: boolean) => (b ? "yes" : "no");

/**
 * The matched cases, by keyboard too; each account opens its own cases (`link`). The arquero table goes
 * in as it is: Inputs.table takes its rows as it shows them. Alignment is given so that it need not look
 * for a value, and formats take one argument: Inputs.table also passes the row index, which a formatter
 * would read as its digits.
 */
export function casesTable(matched: {numRows(): number}, {link}: {link: (account: string) => string}): HTMLElement {
  return keyboardTable(Inputs.table(matched as never, {
    columns: COLUMNS,
    header: {flag_id: "Flag", ts: "Raised (UTC)", country: "Country", category: "Category", source: "Source", severity: "Severity", surface: "Surface", ml_score: "Score", route: "Route", action: "Action", reviewer_id: "Reviewer", tta_hours: "Time to action", qa: "QA", appealed: "Appealed", overturned: "Overturned", actor_id: "Account", linked: "Linked accounts", snippet: "Text"},
    format: {flag_id: String, ts: (t) => formatMinute(t), ml_score: (x) => formatNumber(x, 3), tta_hours: (h) => formatHours(h), appealed: yesNo, overturned: yesNo, actor_id: (id) => dataLink(id, link(id)), linked: (n) => formatCount(n)},
    align: Object.fromEntries(COLUMNS.map((c) => [c, NUMERIC.has(c) ? "right" : "left"])),
    rows: 20,
    select: false
  }), {label: `Cases: ${formatCount(matched.numRows())} rows`, describedBy: "case-table-keys"});
}
