import {html} from "htl";
import type {AttackRange, DetectorScore, SignalDay} from "../lib/detect/attackView.js";
import {SECONDARY_SIGNALS, SIGNAL_DESCRIPTIONS, SIGNAL_LABELS, type SecondarySignal} from "../lib/detect/dailySignals.js";
import {rateBasis, rateText, type Rate} from "../lib/detect/detectionRates.js";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import {chartLayers} from "./chartLayers.js";
import {statCard} from "./kpiCard.js";
import {needsCard, needsPointer} from "./needsCard.js";
import type {Need} from "../lib/io/import/needs.js";
import {signalChart} from "./signalChart.js";

/** The attack page's cards: each detector's days flagged, recall, precision and F1, and a card per signal. */

/** Recall or precision: the share, what it rests on, and its 95% Wilson interval. */
function rateCard(title: string, r: Rate, what: string): HTMLElement {
  return statCard({title, value: r.value, format: (x) => formatPercent(x, 0), kind: "share", note: `${rateBasis(r)}. ${what}`});
}

const falsePositives = (n: number) => `${n} false positive${n === 1 ? "" : "s"}`;
const f1Card = (f1: number, note: string) => statCard({title: "F1", value: f1, format: (x) => formatNumber(x, 2), kind: "level", note});

/** The id of the attack page's one card that says what the data lacks to score the detectors (attackTruthCard). */
export const ATTACK_TRUTH_ID = "attack-truth";

/** Without confirmed attacks (`need`): the card that says which columns would score the detectors, shown once on the page. */
export function attackTruthCard(need: Need): HTMLElement {
  return Object.assign(needsCard("Scoring the detectors", need), {id: ATTACK_TRUTH_ID});
}

/** Where a section would show scores or the ground truth and the data has none: a line pointing to attackTruthCard. */
export const unscoredNote = (what: string): HTMLElement => needsPointer(what, "the data has no confirmed attacks", ATTACK_TRUTH_ID);

/** Without confirmed attacks: one card across the row with how many days the detector flagged, unscored. */
function unscoredCard(flagged: string): HTMLElement[] {
  return [html`<div class="card grid-colspan-4"><h2>Days flagged, unscored</h2><p><strong>${flagged}</strong>.</p>${unscoredNote("Recall, precision and F1")}</div>`];
}

/** The volume rule's four cards over the range (two when there is no ground truth to score them: `need`). */
export function volumeCards({evaluation: e, rates}: DetectorScore, {range, from, to}: AttackRange, need: Need | null = null): HTMLElement[] {
  if (need) return unscoredCard(`${formatCount(e.tp + e.fp)} of ${formatCount(to - from + 1)} days flagged, ${range.from} to ${range.to}`);
  return [
    statCard({title: "Days flagged", value: e.tp + e.fp, format: formatCount, note: `of ${formatCount(to - from + 1)} days, ${range.from} to ${range.to}`}),
    rateCard("Recall", rates.recall, "Attack days found."),
    rateCard("Precision", rates.precision, `Flagged days that are attack days (${falsePositives(e.fp)}).`),
    f1Card(e.f1, "Harmonic mean of precision and recall")
  ];
}

/** The layered detector's four cards, each beside the volume rule's figure (two without ground truth: `need`). */
export function layeredCards({evaluation: e, rates}: DetectorScore, volume: DetectorScore, need: Need | null = null): HTMLElement[] {
  const v = volume.evaluation;
  if (need) return unscoredCard(`${formatCount(e.tp + e.fp)} days flagged (volume detector: ${formatCount(v.tp + v.fp)})`);
  return [
    statCard({title: "Days flagged", value: e.tp + e.fp, format: formatCount, note: `Volume detector: ${formatCount(v.tp + v.fp)}`}),
    rateCard("Recall", rates.recall, `Attack days found (volume detector: ${rateText(volume.rates.recall)}).`),
    rateCard("Precision", rates.precision, `Flagged days that are attack days, ${falsePositives(e.fp)} (volume detector: ${rateText(volume.rates.precision)}).`),
    f1Card(e.f1, `Volume detector: ${formatNumber(v.f1, 2)}`)
  ];
}

/**
 * A card per secondary signal: the signal's days (redrawn by `resize` at the card's width) beneath its
 * spikes, which `spikes[s]` holds and the detector inputs redraw.
 */
export function signalCards(days: Record<SecondarySignal, readonly SignalDay[]>, spikes: Record<SecondarySignal, HTMLElement>, resize: (render: (width: number) => Node) => HTMLElement): HTMLElement[] {
  return SECONDARY_SIGNALS.map((s) => html`<div class="card"><h2>${SIGNAL_LABELS[s]}</h2><h3>${`${SIGNAL_DESCRIPTIONS[s]} Red: spikes; green: attack days.`}</h3>${chartLayers(resize((width) => signalChart(days[s], {width, label: SIGNAL_LABELS[s]})), spikes[s])}</div>`);
}
