/**
 * The model card's rows: the label-leak comparison as one row per label, and the weakest slice.
 */
import type {LabelLeak} from "./labelLeak.js";

export interface LabelLeakRow {
  /** "Any abusive event" (truth_abusive) or "Abusive content posted" (truth_abusive_posted). */
  label: string;
  /** Share of days the label calls abusive, among days with a policy block and among days without. */
  withBlock: number;
  withoutBlock: number;
  /** Average precision of each detector scored against this label. */
  apModel: number;
  apHeuristic: number;
}

/** One row per label: how often it is positive with and without a block, and each detector's AP against it. */
export function labelLeakRows(leak: Pick<LabelLeak, "rates" | "averagePrecision">): LabelLeakRow[] {
  return leak.rates.map((r) => {
    const ap = leak.averagePrecision[r.label === "truth_abusive" ? "label" : "posted"];
    return {
      label: r.label === "truth_abusive" ? "Any abusive event" : "Abusive content posted",
      withBlock: r.withBlock.positives / r.withBlock.rows,
      withoutBlock: r.withoutBlock.positives / r.withoutBlock.rows,
      apModel: ap.model,
      apHeuristic: ap.heuristic
    };
  });
}

/** The slice of the lowest model average precision (the first of ties). */
export function weakestSlice<S extends {apModel: number}>(slices: readonly S[]): S {
  if (slices.length === 0) throw new Error("invalid slices: none");
  return [...slices].sort((a, b) => a.apModel - b.apModel)[0];
}
