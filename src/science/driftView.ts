/**
 * The drift page's rows: features ranked by their PSI and grouped by band, and the weekly PSI series
 * with each feature's label and its week as a Date for the chart.
 */
import type {Drift, FeatureDrift} from "./featureDrift.js";

export interface DriftRanking {
  /** Every feature, the largest PSI first. */
  ranked: FeatureDrift[];
  /** The feature of the largest PSI. */
  top: FeatureDrift;
  significant: FeatureDrift[];
  moderate: FeatureDrift[];
  /** Each feature's label by its name. */
  labelOf: Map<string, string>;
}

/** The features by falling PSI, the most drifted one, those of a significant and of a moderate shift, and their labels. */
export function rankDrift(features: readonly FeatureDrift[]): DriftRanking {
  if (features.length === 0) throw new Error("invalid features: none");
  const ranked = [...features].sort((a, b) => b.psi - a.psi);
  return {
    ranked,
    top: ranked[0],
    significant: ranked.filter((f) => f.band === "significant"),
    moderate: ranked.filter((f) => f.band === "moderate"),
    labelOf: new Map(features.map((f) => [f.feature, f.label]))
  };
}

export type WeeklyDrift = Omit<Drift["weekly"][number], "week_start"> & {week_start: Date; label: string | undefined};

/** Each week's PSI per feature, its start as a UTC Date and the feature's label beside its name. */
export function weeklyDrift(drift: Pick<Drift, "features" | "weekly">): WeeklyDrift[] {
  const labelOf = new Map(drift.features.map((f) => [f.feature, f.label]));
  return drift.weekly.map((w) => ({...w, week_start: new Date(`${w.week_start}T00:00:00Z`), label: labelOf.get(w.feature)}));
}
