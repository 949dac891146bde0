/**
 * The executive summary's recommendations and step-by-step table (pages/science/summary.md), and
 * everything else it imports. Titles, findings and links come from summary.json (src/report/scienceSummary.ts);
 * links go through dataLink's gate and text is set as text.
 */
import {html} from "htl";
import {dataLink} from "./dataLink.js";

export {statCard} from "./kpiCard.js";
export {fileLink} from "./download.js";
export {periodNote} from "./periodNote.js";
export {formatNumber, formatPercent} from "../lib/core/format.js";

/** The recommendations in order, each a linked title and its detail. */
export function recommendationsList(recommendations: readonly {title: string; link: string; detail: string}[]): HTMLElement {
  return html`<ol>${recommendations.map((r) => html`<li><b>${dataLink(r.title, r.link)}</b>: ${r.detail}</li>`)}</ol>`;
}

/** One row per pipeline step: the step, linked to its page, and what it found. */
export function stepsTable(steps: readonly {step: string; link: string; finding: string}[]): HTMLElement {
  return html`<table>${steps.map((s) => html`<tr><th>${dataLink(s.step, s.link)}</th><td>${s.finding}</td></tr>`)}</table>`;
}
