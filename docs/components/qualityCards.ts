/**
 * The data-quality page's cards: each table's rows read, accepted and rejected (with the identity
 * read = accepted + rejected), rejected rows per rule as bars, warnings, the sample of rejected rows,
 * and the link to the rejects file. Rows and sentences come from src/io/import/qualityView.ts; every
 * text is inserted as text (htl, textTable, Plot), so nothing a platform's file holds is read as markup.
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {formatCount} from "../lib/core/format.js";
import type {MissingRow, RuleBar, SampleRow, TableQualityRow, WarningRow} from "../lib/io/import/qualityView.js";
import {saveable} from "./chartSave.js";
import {fileLink} from "./download.js";
import {textTable} from "./textTable.js";

/** The site's wrapping text table, named for screen readers. */
function labelled(table: HTMLElement, label: string): HTMLElement {
  table.querySelector("table")!.setAttribute("aria-label", label);
  return table;
}

/** Rows read, accepted and rejected per table, with the identity written out. */
export function tableQualityCard(rows: readonly TableQualityRow[]): HTMLElement {
  const table = textTable([...rows], {
    columns: ["table", "file", "read", "accepted", "rejected", "identity", "share"],
    header: {table: "Table", file: "File", read: "Read", accepted: "Accepted", rejected: "Rejected", identity: "Read = accepted + rejected", share: "Rejected share"},
    numeric: ["read", "accepted", "rejected", "identity", "share"],
    nowrap: ["table", "identity"]
  });
  return html`<div class="card">${labelled(table, "Rows read, accepted and rejected per table")}</div>`;
}

/** Rejected rows per table and rule, as horizontal bars; the hover says what the rule means. */
export function ruleChart(bars: readonly RuleBar[], {width}: {width?: number} = {}): HTMLElement {
  if (bars.length === 0) return html`<p>No row was rejected, under any rule.</p>`;
  const w = Math.max(width ?? 640, 320);
  // Labels ("session_items: rejected reference") get up to 45% of the width and wrap at spaces beyond it.
  const longest = Math.max(...bars.map((b) => b.label.length));
  const marginLeft = Math.round(Math.min(Math.max(80, 6 * longest + 12), 0.45 * w));
  return saveable(Plot.plot({
    width: w,
    height: 40 + 34 * bars.length,
    marginLeft,
    // Counts: at most as many ticks as rows, so that a small count gets no fractional tick.
    x: {label: "Rejected rows →", grid: true, tickFormat: "~s", ticks: Math.min(5, Math.max(...bars.map((b) => b.rows)))},
    y: {label: null, domain: bars.map((b) => b.label)},
    marks: [
      Plot.axisY({label: null, tickSize: 0, lineWidth: (marginLeft - 12) / 10, textOverflow: "ellipsis"}),
      Plot.barX(bars, {x: "rows", y: "label", fill: "var(--theme-foreground-focus)", title: "title", tip: true}),
      Plot.text(bars, {x: "rows", y: "label", text: (d: RuleBar) => formatCount(d.rows), dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  }), {name: "rejected rows by rule", rows: bars.map(({table, rule, rows}) => ({table, rule, rows}))});
}

/** Warnings per table and rule (no row rejected), or a sentence when there are none. */
export function warningsTable(rows: readonly WarningRow[]): HTMLElement {
  if (rows.length === 0) return html`<p>No warnings.</p>`;
  const table = textTable([...rows], {
    columns: ["table", "rule", "count", "columns", "meaning"],
    header: {table: "Table", rule: "Rule", count: "Warnings", columns: "Columns", meaning: "Meaning"},
    numeric: ["count"],
    nowrap: ["table", "rule"]
  });
  return html`<div class="card">${labelled(table, "Warnings per table and rule")}</div>`;
}

/** The sampled reasons of rejected rows, or a sentence when nothing was rejected. */
export function sampleTable(rows: readonly SampleRow[]): HTMLElement {
  if (rows.length === 0) return html`<p>No row was rejected.</p>`;
  const table = textTable([...rows], {
    columns: ["table", "row", "line", "column", "rule", "value", "detail"],
    header: {table: "Table", row: "Row", line: "Line", column: "Column", rule: "Rule", value: "Value (inert)", detail: "Expected or found"},
    numeric: ["row", "line"],
    nowrap: ["table", "rule"],
    anywhere: ["value", "column"]
  });
  return html`<div class="card">${labelled(table, "Sample of rejected rows and their reasons")}</div>`;
}

/** The rejects file's download link and what it holds. */
export function rejectsLink(href: string, note: string): HTMLElement {
  return html`<div class="rejects-link"><p>${fileLink(href, "Download rejects.csv", "rejects.csv")} ${note}</p></div>`;
}

/** The sections the data cannot feed, with the columns that would enable each; nothing when it feeds them all. */
export function missingTable(rows: readonly MissingRow[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const table = textTable([...rows], {
    columns: ["section", "columns", "enables"],
    header: {section: "Section", columns: "Absent columns", enables: "What they would show"}
  });
  return html`<div class="card">${labelled(table, "Sections the data cannot feed, and the columns that would enable them")}</div>`;
}
