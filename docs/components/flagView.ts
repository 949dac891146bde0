/**
 * What the flags page (docs/ops/flags.md) imports, from one place: its components, and the library
 * functions that shape its figures (src/ops/flagView.ts).
 */
export {linked} from "./urlState.js";
export {periodControl} from "./periodControl.js";
export {periodNote} from "./periodNote.js";
export {downloadButtons} from "./download.js";
export {actionColor, label, severityColor} from "./palette.js";
export {flagVolumeChart} from "./flagVolumeChart.js";
export {escalationChart} from "./escalationChart.js";
export {distributionChart} from "./distributionChart.js";
export {flagCountCards, flagShareCards, weekChange} from "./flagCards.js";
export {loadArrow, toRows} from "../lib/io/readArrow.js";
export {FLAG_MIX} from "../lib/io/contracts.js";
export {CATEGORIES, REGIONS} from "../lib/core/constants.js";
export {ALL_REGIONS, flagComparisonText, flagMixRows, flagScopeText, flagView} from "../lib/ops/flagView.js";
