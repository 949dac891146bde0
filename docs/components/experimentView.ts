import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatCount, formatNumber, formatPercent, formatPp} from "../lib/core/format.js";
import type {clusterRows, sampleRows} from "../lib/experiment/experimentView.js";
import type {Criterion} from "../lib/experiment/decideShip.js";
import type {ExperimentReadout, PowerRow} from "../lib/experiment/readExperiment.js";
import {textTable} from "./textTable.js";

/** The experiment readout's tables and SQL (pages/experiment.md). */

/** Each arm's randomisation units, rings, accounts by kind, population and accounts that hit the cap. */
export function sampleTable(rows: ReturnType<typeof sampleRows>): HTMLElement {
  return Inputs.table(rows, {
    header: {arm: "Arm", clusters: "Randomisation units", rings: "Rings", units: "Accounts", benign: "Ordinary", ring: "Ring members", other: "Other abusive", population: "Population represented", capped: "Hit the cap"},
    format: {population: (x) => formatCount(x)},
    layout: "auto",
    select: false
  });
}

/** Each metric's interval with clusters as units against the one that treats accounts as independent; `level` is "95%". */
export function clusterTable(rows: ReturnType<typeof clusterRows>, level: string): HTMLDivElement {
  return textTable(rows, {
    columns: ["metric", "difference", "cluster", "account"],
    header: {metric: "Metric", difference: "Treatment − control", cluster: `${level} CI, units = clusters (used)`, account: `${level} CI if accounts were independent`}
  });
}

/** An MDE in its metric's unit: a share in pp (without a plus sign), a rate with its unit. */
const unitFormat = (v: number | null, row: PowerRow) => (v === null ? formatNumber(v) : row.unit === "share" ? formatPp(v).replace(/^\+/, "") : `${formatNumber(v, 2)} ${row.unit}`);

/** Minimum detectable effects, power and the sample a target power would take, per metric. */
export function powerTable(rows: readonly PowerRow[], targetPower: number): HTMLDivElement {
  return textTable(rows as (PowerRow & Record<string, unknown>)[], {
    columns: ["metric", "mde", "mdeRelative", "power", "sampleFactor", "basis"],
    header: {metric: "Metric", mde: "MDE (absolute)", mdeRelative: "MDE (relative to control)", power: "Power", sampleFactor: `Sample for ${formatPercent(targetPower, 0)} power`, basis: "Power against"},
    format: {mde: unitFormat, mdeRelative: (v) => formatPercent(v, 0), power: (v) => formatPercent(v, 0), sampleFactor: (v) => (v === null ? formatNumber(v) : `${formatNumber(v, 1)}× the current`)},
    numeric: ["mde", "mdeRelative", "power", "sampleFactor"]
  });
}

const STATUS_COLOR: Record<string, string> = {pass: "var(--theme-green)", fail: "var(--theme-red)", inconclusive: "var(--theme-yellow)"};

/** The ship rule's criteria, each with its status in colour. */
export function decisionTable(criteria: readonly Criterion[]): HTMLDivElement {
  return textTable(criteria as (Criterion & Record<string, unknown>)[], {
    columns: ["name", "rule", "status"],
    header: {name: "Criterion", rule: "Rule", status: "Status"},
    color: {status: (v) => STATUS_COLOR[v]}
  });
}

/** The readout's queries, folded: each one's title, question and SQL as text. */
export function sqlDetails(queries: ExperimentReadout["queries"]): HTMLElement {
  return html`<details><summary>The SQL behind the readout (run at build time in DuckDB)</summary>${queries.flatMap((q) => [html`<h3>${`${q.title} (${q.id})`}</h3>`, html`<p>${q.question}</p>`, html`<pre>${q.sql}</pre>`])}</details>`;
}
