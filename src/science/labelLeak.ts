import {formatNumber} from "../core/format.js";
import type {CoreUserDay} from "./trainDetector.js";

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

/** One sentence on what the leak is worth: each detector's AP under both labels. */
export function leakText({label, posted}: {label: Ap; posted: Ap}): string {
  const change = (a: number, b: number) => `${formatNumber(a, 3)} → ${formatNumber(b, 3)}`;
  const largest = Math.max(Math.abs(label.model - posted.model), Math.abs(label.heuristic - posted.heuristic));
  const verdict = largest < 0.02 ? "The leak is small: most days with a block also carry abusive content that got through, so the detectors do not owe their scores to it." : "The leak is material: part of the detectors' scores comes from the blocks and warnings the label shares with the features.";
  return `Without blocks and warnings in the label, average precision moves ${change(label.model, posted.model)} for the model and ${change(label.heuristic, posted.heuristic)} for the heuristic. ${verdict}`;
}
