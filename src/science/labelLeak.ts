import {formatNumber} from "../core/format.js";
import {averagePrecision} from "../detect/averagePrecision.js";
import type {Rng} from "../core/random.js";
import {trainDetector, type CoreUserDay, type PeriodSummary} from "./trainDetector.js";

/** How often a label is positive on user-days with a policy block and on those without. */
export interface LabelRates {
  label: "truth_abusive" | "truth_abusive_posted";
  withBlock: {positives: number; rows: number};
  withoutBlock: {positives: number; rows: number};
}

/**
 * The leak of a label into the features: truth_abusive counts blocks and warnings, which are also
 * features, so a day with a block is positive almost by construction; truth_abusive_posted counts only
 * abusive content that was posted. Comparing the two shows how much of a detector's score the leak buys.
 */
export function labelRates(rows: readonly CoreUserDay[]): LabelRates[] {
  return (["truth_abusive", "truth_abusive_posted"] as const).map((label) => {
    const withBlock = {positives: 0, rows: 0};
    const withoutBlock = {positives: 0, rows: 0};
    for (const r of rows) {
      const side = r.policy_blocks > 0 ? withBlock : withoutBlock;
      side.rows++;
      if (r[label]) side.positives++;
    }
    return {label, withBlock, withoutBlock};
  });
}

type Ap = {model: number; heuristic: number};

export interface LabelLeak {
  rates: LabelRates[];
  /** Average precision under the first label (as given) and under the posted-content label, weighted. */
  averagePrecision: {label: Ap; posted: Ap};
  postedTest: PeriodSummary;
}

/**
 * Trains a second model on truth_abusive_posted and scores both detectors against it on the evaluation
 * period, with the evaluation rows' population weights (in the order trainDetector scores them).
 * Two bootstrap refits: the comparison needs the fit, not its band.
 */
export function measureLabelLeak(rows: readonly CoreUserDay[], {splitDate, weights, ap, rng}: {splitDate: string; weights: ArrayLike<number>; ap: Ap; rng: Rng}): LabelLeak {
  const posted = trainDetector(rows, {splitDate, bootstraps: 2, label: (r) => Boolean(r.truth_abusive_posted), rng});
  const truth = posted.scored.map((s) => s.truth_abusive);
  const score = (key: "risk" | "heuristic") => averagePrecision(posted.scored.map((s) => s[key]), truth, weights);
  return {rates: labelRates(rows), averagePrecision: {label: ap, posted: {heuristic: score("heuristic"), model: score("risk")}}, postedTest: posted.test};
}

/** One sentence on what the leak is worth: each detector's AP under both labels. */
export function leakText({label, posted}: {label: Ap; posted: Ap}): string {
  const change = (a: number, b: number) => `${formatNumber(a, 3)} → ${formatNumber(b, 3)}`;
  const largest = Math.max(Math.abs(label.model - posted.model), Math.abs(label.heuristic - posted.heuristic));
  const verdict = largest < 0.02 ? "The leak is small: most days with a block also carry abusive content that got through, so the detectors do not owe their scores to it." : "The leak is material: part of the detectors' scores comes from the blocks and warnings the label shares with the features.";
  return `Without blocks and warnings in the label, average precision moves ${change(label.model, posted.model)} for the model and ${change(label.heuristic, posted.heuristic)} for the heuristic. ${verdict}`;
}
