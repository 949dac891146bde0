/**
 * The Mixes page: which counts each mix splits (by category, source or enforcement type), the
 * per-category source and enforcement mixes from the build-time cross-tab of every flag, and the
 * sentence that reads them.
 */
import {CATEGORIES, ENFORCEMENTS, SOURCES} from "../core/constants.js";
import {formatPercent} from "../core/format.js";
import {casesQuery} from "../explore/cases.js";
import {mixBy, type MixPart} from "./mixes.js";

export const MIX_KINDS = ["Category", "Source", "Enforcement type"] as const;
export type MixKind = (typeof MIX_KINDS)[number];

export interface MixSpec {
  /** Each part's daily_country column. */
  parts: Record<string, string>;
  /** What the shares are of. */
  of: "reports" | "enforcements";
  /** The case view's filter for a part. */
  field: "category" | "source" | "action";
}

/** The parts of a mix and the daily_country columns that count them. */
export function mixSpec(kind: MixKind): MixSpec {
  if (kind === "Category") return {parts: Object.fromEntries(CATEGORIES.map((k) => [k, `reports_${k}`])), of: "reports", field: "category"};
  if (kind === "Source") return {parts: Object.fromEntries(SOURCES.map((s) => [s, `source_${s}`])), of: "reports", field: "source"};
  if (kind === "Enforcement type") return {parts: Object.fromEntries(ENFORCEMENTS.map((a) => [a, `enforce_${a}`])), of: "enforcements", field: "action"};
  throw new Error(`invalid mix: ${kind}`);
}

/** The case view's address for one country's part of a mix over a range. */
export function mixCasesHref(range: {from: string; to: string}, field: MixSpec["field"], {group, part}: Pick<MixPart, "group" | "part">): string {
  return `./cases.html${casesQuery({...range, country: group, [field]: part})}`;
}

/** A row of mix_by_category.json: flags counted by region, category, source and action. */
export interface CrossTabRow {
  region: string;
  category: string;
  source: string;
  action: string;
  n: number;
}

/** Source mix and enforcement mix per category, in a region (null: all), from the cross-tab. */
export function categoryMixes(crossTab: readonly CrossTabRow[], region: string | null): {sourceByCategory: MixPart[]; actionByCategory: MixPart[]} {
  const flags = crossTab.filter((r) => !region || r.region === region);
  const sourceByCategory = mixBy(flags.map((r) => ({category: r.category, [r.source]: r.n})), (r) => String(r.category), Object.fromEntries(SOURCES.map((s) => [s, s])));
  const actionByCategory = mixBy(flags.filter((r) => r.action !== "none").map((r) => ({category: r.category, [r.action]: r.n})), (r) => String(r.category), Object.fromEntries(ENFORCEMENTS.map((a) => [a, a])));
  return {sourceByCategory, actionByCategory};
}

/** A part's share of its group, NaN when the group or part is absent. */
export function mixShare(parts: readonly MixPart[], group: string, part: string): number {
  return parts.find((d) => d.group === group && d.part === part)?.share ?? NaN;
}

/** What the category mixes say: where spam, nudity and misinformation come from, and how misinformation and child safety are enforced. */
export function categoryMixText(sourceByCategory: readonly MixPart[], actionByCategory: readonly MixPart[]): string {
  const mostly = (x: number) => (x > 0.5 ? "mostly" : "only partly");
  const source = (category: string, part: string) => mixShare(sourceByCategory, category, part);
  const downranked = mixShare(actionByCategory, "misinformation", "downrank");
  const childActions = actionByCategory.filter((d) => d.group === "child_safety" && d.count > 0).map((d) => d.part);
  return `Spam comes ${mostly(source("spam", "ai"))} from the AI classifier (${formatPercent(source("spam", "ai"))} of its flags), nudity ${mostly(source("nudity", "ai"))} (${formatPercent(source("nudity", "ai"))}), and misinformation ${mostly(source("misinformation", "user"))} from users (${formatPercent(source("misinformation", "user"))}). Misinformation is ${mostly(downranked)} downranked (${formatPercent(downranked)} of its enforcements); child safety's actions are ${childActions.join(" and ") || "none"}.`;
}
