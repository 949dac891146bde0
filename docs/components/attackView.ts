/**
 * What the attack detection page (docs/ops/attacks.md) imports, from one place: its components, and
 * the library functions that shape its rows (src/detect/attackView.ts, lookalikeView.ts).
 */
export {linked} from "./urlState.js";
export {periodControl} from "./periodControl.js";
export {periodNote} from "./periodNote.js";
export {keptView} from "./keptView.js";
export {downloadButtons} from "./download.js";
export {detectionChart} from "./detectionChart.js";
export {signalSpikesChart} from "./signalChart.js";
export {seedComparisonChart} from "./seedComparisonChart.js";
export {attackEventsTable, benignTable, detectionDaysTable, firingTable, seedSummaryTable} from "./attackTables.js";
export {attackTruthCard, layeredCards, signalCards, unscoredNote, volumeCards} from "./detectorCards.js";
export {needsCard} from "./needsCard.js";
export {eventsFromRows} from "../lib/core/knownEvents.js";
export {ATTACK_TRUTH_NEED, BENIGN_TRUTH_NEED, lacking} from "../lib/io/import/needs.js";
export {loadArrow, toRows} from "../lib/io/readArrow.js";
export {ATTACKS_TABLE, BENIGN_EVENTS} from "../lib/io/contracts.js";
export {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
export {SECONDARY_SIGNALS} from "../lib/detect/dailySignals.js";
export {baselinesByWindow, layeredFlags, LAYERED_DEFAULTS} from "../lib/detect/layered.js";
export {compareDetectors, DETECTOR_LABELS} from "../lib/detect/compareSeeds.js";
export {attackEvents, attackRange, attackTable, detectionTable, layeredScore, medianF1Text, overlapText, rangeSignalDays, seedF1Text, seedSummaryRows, volumeScore, withSpikes} from "../lib/detect/attackView.js";
export {lookalikeView} from "../lib/detect/lookalikeView.js";
