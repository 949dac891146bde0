/**
 * The automation page's rows and sentences (pages/science/automation.md), from what the build published:
 * dedup_groups.arrow, clusters.json and er.json. Its tables show each text's true template group beside
 * the output, for the reader to judge it; nothing here decides anything.
 */
import {formatCount, formatPercent} from "../core/format.js";
import {MAX_LISTED_GROUPS} from "./boundRows.js";

/** A row of dedup_groups.arrow, as far as the page reads it. */
export interface DedupGroupRow {
  group_id: number;
  size: number;
  snippet: string;
  truth_template_group: string;
}

/** A row of the cluster examples table and its download (cluster_items). */
export interface ClusterItem {
  group_id: number;
  k: number;
  cluster: number;
  size: number;
  snippet: string;
  truth_template_group: string;
}

/**
 * What this page's figures are computed over when the item tables keep a sample (`rate` below 1):
 * the sampled texts and the published accounts; null when they keep every row.
 */
export function automationSampleText(rate: number, er: {accounts: number; skippedPrefixes: number}): string | null {
  if (!(rate < 1)) return null;
  const pct = formatPercent(rate, 1);
  return `At this scale the world is larger than its item tables keep whole, and every figure on this page is computed over what they keep. The texts are the snippets of a fixed ${pct} sample of the human-review flags (about 1 in ${formatCount(1 / rate)}): counts of texts scale up by about that factor, but distinct texts and the dedup share do not (a larger queue repeats itself more). The accounts are the published ones, ${formatCount(er.accounts)} in all: a fixed ${pct} sample of the world's accounts plus every ring member and every account that a published flag, the event cohort or its chat peers refer to. An IP prefix counts only its published accounts, so the fan-out cap leaves out fewer prefixes (${formatCount(er.skippedPrefixes)} here) than it would over every account, and links that the cap would cut stay in.`;
}

/**
 * Which distinct texts the dedup table lists (src/science/boundRows.ts keeps the largest groups and
 * every clustered one), given `listed` rows of `clusters.distinct`; the cards count every text.
 */
export function dedupListingText(listed: number, clusters: {distinct: number; texts: number}): string {
  if (!(listed < clusters.distinct)) return `Listed: all ${formatCount(clusters.distinct)} distinct texts.`;
  const largest = Math.min(MAX_LISTED_GROUPS, clusters.distinct);
  return `Listed: ${formatCount(listed)} of the ${formatCount(clusters.distinct)} distinct texts, namely the ${formatCount(largest)} with the most copies and the ${formatCount(listed - largest)} others that k-means clustered below (an even sample in order of first appearance). The search and the download cover these; the cards count all ${formatCount(clusters.texts)} texts.`;
}

/** False links of the population sample over every kind of identifier, and those between two benign accounts. */
export function falseLinkTotals(rows: readonly {falsePairs: number; benignPairs: number}[]): {pairs: number; benign: number} {
  return {pairs: rows.reduce((t, k) => t + k.falsePairs, 0), benign: rows.reduce((t, k) => t + k.benignPairs, 0)};
}

/** The contingency chart's columns: the distinct template groups, campaign scripts last, each part in code-unit order. */
export function templateGroupOrder(groups: readonly {truth_template_group: string}[]): string[] {
  const campaign = (g: string) => Number(g.startsWith("campaign:"));
  return [...new Set(groups.map((g) => g.truth_template_group))].sort((a, b) => campaign(a) - campaign(b) || (a < b ? -1 : 1));
}

/**
 * The clustered texts with their cluster at k: `clusters.items[i]` is a dedup group whose label is
 * `clusters.labels[k][i]`; every clustered group is listed, so its row is found by id.
 */
export function clusterItems(clusters: {items: readonly number[]; labels: Record<number, readonly number[]>}, k: number, groupById: ReadonlyMap<number, DedupGroupRow>): ClusterItem[] {
  const labels = clusters.labels[k];
  if (!labels) throw new Error(`no clustering run at k = ${k}`);
  return clusters.items.map((g, i) => {
    const group = groupById.get(g);
    if (!group) throw new Error(`clustered group ${g} is not listed`);
    return {group_id: g, k, cluster: labels[i], size: group.size, snippet: group.snippet, truth_template_group: group.truth_template_group};
  });
}

/** The fan-out above the cap shared by the most prefixes (the carrier NAT hump); 0 when none is above it. */
export function commonestCappedFanout(fanout: readonly {accounts: number; prefixes: number}[], cap: number): number {
  return fanout.filter((d) => d.accounts > cap).reduce((m, d) => (d.prefixes > m.prefixes ? d : m), {accounts: 0, prefixes: 0}).accounts;
}
