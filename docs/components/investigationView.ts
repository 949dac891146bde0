import {html} from "htl";
import {formatChange, formatCount, formatPercent} from "../lib/core/format.js";
import type {PartLinks, PartWeek, RiseView} from "../lib/investigate/riseView.js";
import type {Hypothesis, Investigation, MeasurementItem, RingRow} from "../lib/investigate/spikeTypes.js";
import {dataLink} from "./dataLink.js";
import {textTable} from "./textTable.js";
import {waterfallChart} from "./waterfallChart.js";

/** The investigation page's tables, verdicts and rise links (pages/investigation.md). */

/** The three parts of a rise, in the colours of the weekly chart's senders: adoption blue, attacker red, the rest grey. */
const PART_COLOR = {domain: ["adoption", "attacker", "baseline"], range: ["#4269d0", "#b2182b", "#9498a0"]};

/** Other weeks that rose by the threshold or more, with what the world's event calendar says drove them. */
export function otherRisesTable(rows: Investigation["otherRises"]): HTMLDivElement {
  return textTable(rows, {
    columns: ["week", "change", "ringShare", "scenarios"],
    header: {week: "Week of", change: "Week-over-week change", ringShare: "Reports on ring accounts' content", scenarios: "What happened that week (ground truth)"},
    format: {change: (x) => formatChange(x, 1), ringShare: (x) => formatPercent(x, 0), scenarios: (x: string[]) => (x.length ? x.join("; ") : "no scenario: ordinary variation")},
    numeric: ["change", "ringShare"],
    nowrap: ["week"]
  });
}

/** Each hypothesis with the rule that decides it and the queries that test it. */
export function hypothesesTable(rows: readonly Hypothesis[]): HTMLDivElement {
  return textTable(rows as (Hypothesis & Record<string, unknown>)[], {
    columns: ["id", "title", "test", "queries"],
    header: {id: "", title: "Hypothesis", test: "Supported when", queries: "Queries"},
    format: {queries: (q: string[]) => q.join(", ")}
  });
}

/** One card per hypothesis: its verdict (red when supported: a cause of the rise), the evidence and the rule. */
export function verdictCards(hypotheses: readonly Hypothesis[]): HTMLElement {
  return html`<div class="grid grid-cols-2">${hypotheses.map((h) => html`<div class="card"><h2>${`${h.id}. ${h.title}`}</h2><span class="big" style="color: ${h.supported ? "var(--theme-red)" : "var(--theme-foreground-muted)"}; font-size: 1.4rem;">${h.supported ? "Supported" : "Not supported"}</span><p>${h.evidence}</p><p class="muted small">${`Rule: ${h.test}`}</p></div>`)}</div>`;
}

/** The waterfall of a week's rise over the week before, one bar per part. */
export function riseWaterfallChart(rise: RiseView, {width}: {width?: number} = {}) {
  return waterfallChart(rise.parts.map((p) => ({...p, label: p.short})), {width, start: rise.previous, end: rise.current, startLabel: `Week of ${rise.previousWeek}`, endLabel: `Week of ${rise.week}`, color: PART_COLOR});
}

/** A part's count in one week, linked to its reports (a zero opens nothing). */
function partLink(p: PartWeek): HTMLAnchorElement | Text | string {
  return p.count === 0 ? "0" : dataLink(formatCount(p.count), p.href, {label: p.label});
}

/** Each part's reports, the week before → this week, each count opening the case view on them. */
export function risePartsList(links: readonly PartLinks[]): HTMLElement {
  return html`<ul>${links.map((l) => html`<li>${`${l.short}: `}${partLink(l.previous)} → ${partLink(l.current)}</li>`)}</ul>`;
}

/** The rings behind the attacker part, with the infrastructure they share. */
export function ringsTable(rows: readonly RingRow[]): HTMLDivElement {
  return textTable(rows as (RingRow & Record<string, unknown>)[], {
    columns: ["ringId", "purpose", "ringAccounts", "reportedAccounts", "devices", "ipPrefixes", "paymentInstruments", "firstSignup", "lastSignup"],
    header: {ringId: "Ring", purpose: "Purpose (ground truth)", ringAccounts: "Accounts in ring", reportedAccounts: "Reported in case week", devices: "Devices", ipPrefixes: "IP prefixes", paymentInstruments: "Payment instruments", firstSignup: "First signup", lastSignup: "Last signup"},
    format: {purpose: (p: string) => p.replace(/_/g, " ")},
    numeric: ["ringAccounts", "reportedAccounts", "devices", "ipPrefixes", "paymentInstruments"],
    nowrap: ["ringId", "firstSignup", "lastSignup"]
  });
}

/** The measurement plan: each metric with its fixed definition, baseline, target and cadence. */
export function measurementTable(rows: readonly MeasurementItem[]): HTMLDivElement {
  return textTable(rows as (MeasurementItem & Record<string, unknown>)[], {
    columns: ["metric", "definition", "baseline", "target", "cadence"],
    header: {metric: "Metric", definition: "Definition", baseline: "Baseline (this build)", target: "Target", cadence: "Cadence"}
  });
}
