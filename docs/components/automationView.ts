/**
 * The automation page's tables and notes (pages/science/automation.md), and everything else it imports,
 * so that the page reads as prose, data and cards. Rows and sentences come from
 * src/science/automationView.ts and src/cluster/summarizeComponents.ts; texts are set as text, never markup.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import type {KResult} from "../lib/science/clusterSnippets.js";
import type {ClusterItem, DedupGroupRow} from "../lib/science/automationView.js";
import type {ComponentSummary} from "../lib/cluster/summarizeComponents.js";
import {label} from "./palette.js";

export {linked} from "./urlState.js";
export {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
export {periodNote} from "./periodNote.js";
export {END_DATE, START_DATE} from "../lib/core/constants.js";
export {loadArrow, toRows} from "../lib/io/readArrow.js";
export {CLUSTER_ITEMS, DEDUP_GROUPS, ER_ACCOUNTS, ER_LINKS} from "../lib/science/contracts.js";
export {MAX_LISTED_ACCOUNTS} from "../lib/science/boundRows.js";
export {automationSampleText, clusterItems, commonestCappedFanout, dedupListingText, falseLinkTotals, templateGroupOrder} from "../lib/science/automationView.js";
export {summarizeComponents} from "../lib/cluster/summarizeComponents.js";
export {clusterQualityChart, clusterQualityRuleChart} from "./clusterQualityChart.js";
export {restartSpreadChart} from "./restartSpreadChart.js";
export {contingencyChart} from "./contingencyChart.js";
export {entityGraphChart} from "./entityGraphChart.js";
export {fanoutChart} from "./fanoutChart.js";
export {downloadButtons} from "./download.js";
export {chartLayers} from "./chartLayers.js";
export {keptView} from "./keptView.js";
export {statCard} from "./kpiCard.js";
export {label} from "./palette.js";

const percent = (x: number) => formatPercent(x);
const level = (x: number) => formatNumber(x, 3);

/** The note on what the page's figures are computed over, when the item tables keep a sample; nothing otherwise. */
export function automationSampleNote(text: string | null): Node {
  return text === null ? document.createTextNode("") : html`<p class="note sample-note">${text}</p>`;
}

/** The distinct texts found by the search, most copies first. */
export function dedupTable(rows: readonly DedupGroupRow[]): HTMLElement {
  return Inputs.table(rows, {
    columns: ["size", "snippet", "normalized", "hash", "truth_template_group"],
    header: {size: "Copies", snippet: "Representative text (as posted)", normalized: "Normalised", hash: "Hash", truth_template_group: "Template group (truth)"},
    sort: "size",
    reverse: true,
    width: {snippet: 340, normalized: 260},
    rows: 12,
    select: false
  });
}

/** One k-means run's clusters with their top terms and main true template group. */
export function topTermsTable(run: KResult): HTMLElement {
  return Inputs.table(run.clusters.map((c) => ({...c, name: `C${c.cluster}`, terms: c.terms.join(", ")})), {
    columns: ["name", "size", "texts", "terms", "majority", "majorityShare"],
    header: {name: "Cluster", size: "Distinct texts", texts: "Queue texts", terms: "Top terms (centroid weight)", majority: "Main template group (truth)", majorityShare: "Its share"},
    format: {majorityShare: percent},
    width: {terms: 360},
    rows: 16,
    select: false
  });
}

/** Picks a cluster of the run, each named by its first three terms. */
export function clusterSelect(run: KResult): HTMLElement {
  return Inputs.select(run.clusters.map((c) => c.cluster), {label: "Examples from cluster", format: (c) => `C${c} (${run.clusters[c].terms.slice(0, 3).join(", ")})`});
}

/** The texts of one cluster, most copies first. */
export function clusterExamplesTable(items: readonly ClusterItem[], cluster: number): HTMLElement {
  return Inputs.table(
    items.filter((d) => d.cluster === cluster),
    {columns: ["size", "snippet", "truth_template_group"], header: {size: "Copies", snippet: "Text (as posted)", truth_template_group: "Template group (truth)"}, sort: "size", reverse: true, width: {snippet: 520}, rows: 8, select: false}
  );
}

/** False links of the population sample by kind of identifier (src/science/evaluate.ts). */
export function falseLinksTable(rows: readonly Record<string, unknown>[]): HTMLElement {
  return Inputs.table(rows, {
    columns: ["kind", "identifiers", "falseIdentifiers", "benignOnly", "falsePairs", "benignPairs"],
    header: {kind: "Identifier", identifiers: "Held by the sample", falseIdentifiers: "Shared across entities", benignOnly: "Of them, benign accounts only", falsePairs: "False links", benignPairs: "Of them, benign to benign"},
    format: {kind: label},
    layout: "auto",
    select: false
  });
}

/** Agreement with the true rings at other IP fan-out caps. */
export function fanoutCapTable(rows: readonly Record<string, unknown>[]): HTMLElement {
  return Inputs.table(rows, {
    columns: ["maxIpFanout", "ari", "precision", "recall"],
    header: {maxIpFanout: "Cap", ari: "ARI", precision: "Pair precision", recall: "Pair recall"},
    format: {ari: level, precision: percent, recall: percent},
    layout: "auto",
    select: false
  });
}

/** The listed components with their main true ring (src/cluster/summarizeComponents.ts). */
export function componentsTable(rows: readonly ComponentSummary[]): HTMLElement {
  return Inputs.table(rows, {
    columns: ["component_id", "size", "ring", "purpose", "share", "types"],
    header: {component_id: "Component", size: "Accounts", ring: "Main true ring", purpose: "Ring purpose (truth)", share: "Share of the component", types: "Actor types (truth)"},
    format: {component_id: String, share: percent, purpose: label},
    width: {types: 300},
    rows: 12,
    select: false
  });
}
