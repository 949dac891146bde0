/**
 * The detection page's list of heuristic rules (pages/science/detection.md), and everything else it
 * imports, so that the page reads as prose, data and cards. Its figures come from
 * src/science/detectionView.ts.
 */
import {html} from "htl";

export {linked} from "./urlState.js";
export {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
export {periodNote} from "./periodNote.js";
export {loadArrow, toRows} from "../lib/io/readArrow.js";
export {SCORED_USER_DAY, PR_CURVE} from "../lib/science/contracts.js";
export {describeSample} from "../lib/science/sampleAccounts.js";
export {leakText} from "../lib/science/labelLeak.js";
export {cohortIntervalText, detectionColumns, detectionSummary, f1Score, flaggedUserDays, heuristicMaxPoints, thresholdView} from "../lib/science/detectionView.js";
export {prCurveChart} from "./prCurveChart.js";
export {coefficientChart} from "./coefficientChart.js";
export {confusionChart} from "./confusionChart.js";
export {downloadButtons} from "./download.js";
export {statCard} from "./kpiCard.js";

/** The heuristic's rules, each with its name, what it counts and the most points it gives. */
export function heuristicRulesList(rules: readonly {name: string; description: string; max: number}[]): HTMLElement {
  return html`<ul>${rules.map((r) => html`<li><b>${r.name.replace(/_/g, " ")}</b>: ${r.description} (at most ${r.max})</li>`)}</ul>`;
}
