import {formatNumber} from "../core/format.js";
import {eventsOn, type KnownEvent} from "../core/scenarios.js";
import {clampRange, toDay, type DateRange} from "../ops/range.js";
import {SECONDARY_SIGNALS, SIGNAL_LABELS, type DailySignals, type SecondarySignal} from "./dailySignals.js";
import {detectionRates, intervalsOverlap, pooledRates, rateText, type DetectionRates} from "./detectionRates.js";
import {DETECTOR_LABELS, type Comparison, type DetectorSummary} from "./compareSeeds.js";
import {evaluateDays, type DayEvaluation, type DayLabel} from "./evaluateDays.js";
import type {LayerBaselines, LayeredResult} from "./layered.js";
import {spikesAbove} from "./rollingZ.js";

/**
 * The attack page's rows: both detectors' days against the ground truth over a range, each attack's
 * outcome, the table of days either detector got wrong or found, and the comparison over many worlds.
 * Ground truth (the attacks of each day) is read here only to score what a detector flagged.
 */

/** attack_signals.json as this module reads it: the world's days, daily signals and attacks per day. */
export interface AttackWorld {
  dates: readonly string[];
  signals: DailySignals;
  /** Ground-truth attack ids of each day. */
  attacks: readonly (readonly string[])[];
}

/** The reporting range as indexes into the world's days, with the ground truth it covers. */
export interface AttackRange {
  range: DateRange;
  from: number;
  to: number;
  /** Attack days in the whole calendar, and in the range. */
  attackDays: number;
  attackDaysInRange: number;
  /** Distinct attacks with a day in the range. */
  eventsInRange: number;
}

export function attackRange(world: AttackWorld, picked: {from: string | Date; to: string | Date}): AttackRange {
  const range = clampRange(picked.from, picked.to);
  const from = world.dates.indexOf(range.from);
  const to = world.dates.indexOf(range.to);
  const inRange = world.attacks.slice(from, to + 1);
  return {
    range,
    from,
    to,
    attackDays: world.attacks.filter((ids) => ids.length > 0).length,
    attackDaysInRange: inRange.filter((ids) => ids.length > 0).length,
    eventsInRange: new Set(inRange.flat()).size
  };
}

/** One day of a detector against the ground truth, as detectionChart draws it. */
export interface DetectionDay {
  date: string;
  volume: number;
  /** The volume rule's alarm line: trailing mean + k standard deviations. */
  upper: number;
  label: DayLabel;
  attacks: readonly string[];
  /** Which layers fired (empty when the detector did not flag the day). */
  reason: string;
}

/** A detector's flagged days scored over the range: counts, recall and precision, and its days. */
export interface DetectorScore {
  flagged: readonly boolean[];
  evaluation: DayEvaluation;
  rates: DetectionRates;
  /** The volume rule's alarm line on every day of the world. */
  upper: readonly number[];
  days: DetectionDay[];
}

function score(world: AttackWorld, flagged: readonly boolean[], upper: readonly number[], {from, to}: {from: number; to: number}, reasons?: readonly string[]): DetectorScore {
  const truth = world.attacks.map((ids) => ids.length > 0);
  const evaluation = evaluateDays(flagged, truth, from, to);
  const days = evaluation.labels.map((label, j) => {
    const i = from + j;
    return {date: world.dates[i], volume: world.signals.volume[i], upper: upper[i], label, attacks: world.attacks[i], reason: reasons && flagged[i] ? reasons[i] : ""};
  });
  return {flagged, evaluation, rates: detectionRates(evaluation), upper, days};
}

/** The T&S ops dashboard's volume rule (flags above the trailing mean + k SDs) over the range. */
export function volumeScore(world: AttackWorld, baselines: LayerBaselines, k: number, range: {from: number; to: number}): DetectorScore {
  const flagged = spikesAbove(world.signals.volume, baselines.rolling, k);
  const upper = Array.from(baselines.rolling.mean, (m, i) => m + k * baselines.rolling.sd[i]);
  return score(world, flagged, upper, range);
}

/** Each day's layers that fired, "volume, young accounts, ..." (empty when none did). */
export function layerReasons(layered: LayeredResult): string[] {
  return layered.flagged.map((_, i) => [layered.volume[i] ? "volume" : null, ...SECONDARY_SIGNALS.filter((s) => layered.signals[s][i]).map((s) => SIGNAL_LABELS[s].toLowerCase())].filter(Boolean).join(", "));
}

/** The layered detector over the range; a flagged day's reason names its layers that fired. */
export function layeredScore(world: AttackWorld, layered: LayeredResult, volume: DetectorScore, range: {from: number; to: number}): DetectorScore {
  return score(world, layered.flagged, volume.upper, range, layerReasons(layered));
}

/** Whether the range can tell the two detectors apart, in a sentence. */
export function overlapText(layered: DetectionRates, volume: DetectionRates): string {
  return intervalsOverlap(layered.recall, volume.recall) && intervalsOverlap(layered.precision, volume.precision)
    ? "On this range the two detectors' recall and precision intervals overlap: these days alone cannot tell the detectors apart (the comparison over many worlds below can)."
    : "On this range recall or precision differs between the two detectors beyond their 95% intervals.";
}

/** One row of attacks.arrow (ground truth). */
export interface AttackRecord {
  attack_id: string;
  pattern: string;
  category: string;
  accounts: number;
  start_date: string | Date;
  end_date: string | Date;
  days: number;
  flags: number;
}

/** The attack table's columns that no detector input moves. */
export interface AttackRow {
  attack_id: string;
  pattern: string;
  category: string;
  accounts: number;
  dates: string;
  days: number;
  flags: number;
}

export interface AttackEvent extends AttackRow {
  /** Each detector's outcome: "2 of 3 days: partly detected". */
  baseline: string;
  layered: string;
}

/** "2025-07-08 to 2025-07-09", or one day. */
export function dateSpan(start: string | Date, end: string | Date): string {
  return toDay(start) === toDay(end) ? toDay(start) : `${toDay(start)} to ${toDay(end)}`;
}

/** "1 of 3 days: partly detected": how many of an attack's days (indexes) a detector flagged. */
export function attackOutcome(days: readonly number[], flagged: ArrayLike<boolean>): string {
  const found = days.filter((i) => flagged[i]).length;
  const verdict = found === 0 ? "missed" : found < days.length ? "partly detected" : "detected";
  return `${found} of ${days.length} day${days.length === 1 ? "" : "s"}: ${verdict}`;
}

/** The attack table's fixed rows and each attack's days (indexes into the world's days). */
export interface AttackTable {
  rows: AttackRow[];
  days: Map<string, number[]>;
}

export function attackTable(attacks: readonly AttackRecord[], dailyAttacks: readonly (readonly string[])[]): AttackTable {
  const rows = attacks.map((a) => ({attack_id: a.attack_id, pattern: a.pattern.replace(/_/g, " "), category: a.category.replace(/_/g, " "), accounts: a.accounts, dates: dateSpan(a.start_date, a.end_date), days: a.days, flags: a.flags}));
  const days = new Map(attacks.map((a) => [a.attack_id, dailyAttacks.flatMap((ids, i) => (ids.includes(a.attack_id) ? [i] : []))]));
  return {rows, days};
}

/** The attack table with both detectors' outcomes. */
export function attackEvents(table: AttackTable, baseline: ArrayLike<boolean>, layered: ArrayLike<boolean>): AttackEvent[] {
  return table.rows.map((row) => {
    const days = table.days.get(row.attack_id) ?? [];
    return {...row, baseline: attackOutcome(days, baseline), layered: attackOutcome(days, layered)};
  });
}

/** A day either detector flagged or should have: the page's table of days. */
export interface DetectionTableRow {
  date: string;
  flags: number;
  /** Ground-truth attack ids, "A4, A5". */
  attack: string;
  baseline: DayLabel;
  layered: DayLabel;
  /** The layers that fired, when the layered detector flagged the day. */
  fired: string;
  /** What the scenario calendar says happened that day. */
  context: string;
}

/** The range's days except those both detectors rightly left alone (TN for both). */
export function detectionTable(volume: DetectorScore, layered: DetectorScore, events: readonly KnownEvent[]): DetectionTableRow[] {
  return layered.days.flatMap((d, j) => {
    const baseline = volume.days[j].label;
    if (baseline === "TN" && d.label === "TN") return [];
    const context = eventsOn(d.date, events, "; ");
    return [{date: d.date, flags: d.volume, attack: d.attacks.join(", "), baseline, layered: d.label, fired: d.reason, context}];
  });
}

/** One secondary signal's day over the range, and whether it spiked (signalChart's rows). */
export interface SignalDay {
  date: string;
  value: number;
  attack: boolean;
}

/** Each secondary signal's days over the range: the charts' layer that no detector input moves. */
export function rangeSignalDays(world: AttackWorld, {from, to}: {from: number; to: number}): Record<SecondarySignal, SignalDay[]> {
  const days = (s: SecondarySignal) => world.dates.slice(from, to + 1).map((date, j) => ({date, value: world.signals[s][from + j], attack: world.attacks[from + j].length > 0}));
  return Object.fromEntries(SECONDARY_SIGNALS.map((s) => [s, days(s)])) as Record<SecondarySignal, SignalDay[]>;
}

/** rangeSignalDays() with each day's spike from the layered detector (the layer its inputs redraw). */
export function withSpikes(days: Record<SecondarySignal, SignalDay[]>, layered: LayeredResult, from: number): Record<SecondarySignal, (SignalDay & {spike: boolean})[]> {
  return Object.fromEntries(SECONDARY_SIGNALS.map((s) => [s, days[s].map((d, j) => ({...d, spike: layered.signals[s][from + j]}))])) as Record<SecondarySignal, (SignalDay & {spike: boolean})[]>;
}

/** One detector over many worlds, as the page's summary table shows it. */
export interface SeedSummaryRow {
  detector: string;
  recall: string;
  precision: string;
  f1: string;
  iqr: string;
  range: string;
}

/** Recall and precision pool every world's days (counts summed, one Wilson interval); F1 is per world. */
export function seedSummaryRows(comparison: Comparison): SeedSummaryRow[] {
  return comparison.summary.map((s) => {
    const pooled = pooledRates(comparison.scores.filter((d) => d.detector === s.detector));
    return {detector: DETECTOR_LABELS[s.detector], recall: rateText(pooled.recall, 1), precision: rateText(pooled.precision, 1), f1: formatNumber(s.median.f1, 2), iqr: `${formatNumber(s.f1Quartiles[0], 2)}–${formatNumber(s.f1Quartiles[1], 2)}`, range: `${formatNumber(s.worst.f1, 2)}–${formatNumber(s.best.f1, 2)}`};
  });
}

/** "Median F1: 0.67 for the volume detector, 0.95 layered (+0.28)". */
export function medianF1Text(comparison: Comparison): string {
  const [volume, layered] = comparison.summary.map((s) => s.median.f1);
  const gain = layered - volume;
  return `Median F1: ${formatNumber(volume, 2)} for the volume detector, ${formatNumber(layered, 2)} layered (${gain >= 0 ? "+" : "−"}${formatNumber(Math.abs(gain), 2)})`;
}

/** Each detector's F1 over the worlds in a clause, joined by semicolons. */
export function seedF1Text(summary: readonly DetectorSummary[]): string {
  return summary.map((s) => `${DETECTOR_LABELS[s.detector]} median F1 ${formatNumber(s.median.f1, 2)} (middle half of worlds ${formatNumber(s.f1Quartiles[0], 2)}–${formatNumber(s.f1Quartiles[1], 2)}, range ${formatNumber(s.worst.f1, 2)}–${formatNumber(s.best.f1, 2)})`).join("; ");
}
