import {measureKpi, type KpiFigure} from "../metrics/kpiFigure.js";
import type {KpiTables, Row} from "../metrics/computeKpi.js";

/** The dictionary shares the flags page shows as cards, in order. */
export const FLAG_SHARE_KPIS = ["escalation_rate", "auto_block_share", "human_review_share", "coordinated_share"] as const;

export interface FlagScope {
  from: string;
  to: string;
  /** null for every region. */
  region: string | null;
  /** The categories shown; null or every category means no category filter. */
  categories: readonly string[] | null;
  /** Every category there is, to tell a filter from none. */
  allCategories: readonly string[];
}

export interface FlagFigures {
  /** The dictionary's `reports` (a daily_country sum); null when a category filter narrows the page, since it has no category. */
  reports: KpiFigure | null;
  /** Flags in scope in the flags table, weighted by its sample rate (equals `reports` without a category filter). */
  flags: number;
  shares: KpiFigure[];
}

/** Whether the categories leave some category out. */
export function narrowsCategories({categories, allCategories}: Pick<FlagScope, "categories" | "allCategories">): boolean {
  return categories !== null && allCategories.some((c) => !categories.includes(c));
}

/**
 * The flags page's dictionary figures. A category filter is not part of a KPI's scope, so under one the
 * shares are the same definitions evaluated on the chosen categories' flags, and their `place` says so
 * ("APAC; categories: spam, nudity"): such a figure never passes for the all-category KPI of the same window.
 */
export function flagFigures(tables: KpiTables & {flags: readonly Row[]}, scope: FlagScope): FlagFigures {
  const narrow = narrowsCategories(scope);
  const chosen = new Set(scope.categories ?? []);
  const flags = narrow ? tables.flags.filter((f) => chosen.has(f.category as string)) : tables.flags;
  const t = {...tables, flags};
  const where = {from: scope.from, to: scope.to, region: scope.region};
  const place = narrow ? `${scope.region ?? "all"}; categories: ${scope.categories!.join(", ") || "none"}` : null;
  const shares = FLAG_SHARE_KPIS.map((id) => {
    const figure = measureKpi(id, t, where);
    return place ? {...figure, place} : figure;
  });
  const count = shares[0].denominator ?? 0;
  return {reports: narrow ? null : measureKpi("reports", t, where), flags: count / (tables.flagSampleRate ?? 1), shares};
}
