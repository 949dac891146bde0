import {max, min} from "d3";
import {median} from "../core/quantile.js";
import {dayKey, SECONDARY_SIGNALS, type SecondarySignal} from "./dailySignals.js";
import {LAYERED_DEFAULTS, layeredFlags, type LayerBaselines, type LayeredOptions} from "./layered.js";

/**
 * Evaluation: how often each signal of the attack detector fires on the days of the benign look-alikes
 * (the ground-truth benign_events table), where no attack is under way. A signal fires on a day when it
 * alone clears its threshold: volume over its trailing mean plus k standard deviations, a secondary
 * signal over its trailing median plus signalK robust scales. The layered detector's own verdict on
 * those days (a false positive each time it flags one) is counted beside them.
 */

export const FIRING_SIGNALS = ["volume", ...SECONDARY_SIGNALS, "layered"] as const;
export type FiringSignal = (typeof FIRING_SIGNALS)[number];

export interface BenignEventDays {
  event_id: string;
  start_date: string | Date;
  end_date: string | Date;
}

/** The benign events on each date of `dates` (ids, in table order). */
export function lookalikeDays(events: Iterable<BenignEventDays>, dates: readonly string[]): string[][] {
  const out: string[][] = dates.map(() => []);
  for (const e of events) {
    const from = dayKey(e.start_date);
    const to = dayKey(e.end_date);
    dates.forEach((d, i) => {
      if (d >= from && d <= to) out[i].push(e.event_id);
    });
  }
  return out;
}

export interface SignalFiring {
  signal: FiringSignal;
  /** Look-alike days scored (days with a baseline, in the range). */
  days: number;
  /** Of those, days the signal fired on. */
  fired: number;
  /** fired / days (NaN without days). */
  share: number;
}

/**
 * Each signal's firing on the look-alike days in day indexes [from, to] whose baselines exist (the
 * first `window` days have none). `lookalike[i]` says whether a benign event falls on day i.
 */
export function lookalikeFiring(baselines: LayerBaselines, lookalike: readonly boolean[], {from = 0, to, ...options}: Omit<LayeredOptions, "window"> & {from?: number; to?: number} = {}): SignalFiring[] {
  const o = {...LAYERED_DEFAULTS, ...options};
  const result = layeredFlags(baselines, o);
  const last = Math.min(to ?? lookalike.length - 1, lookalike.length - 1);
  const fired: Record<FiringSignal, boolean[]> = {volume: result.volume, layered: result.flagged, ...(result.signals as Record<SecondarySignal, boolean[]>)};
  const counts = FIRING_SIGNALS.map((signal) => ({signal, days: 0, fired: 0, share: NaN}));
  for (let i = Math.max(0, from); i <= last; i++) {
    if (!lookalike[i] || !Number.isFinite(baselines.rolling.z[i])) continue;
    counts.forEach((c) => {
      c.days++;
      if (fired[c.signal][i]) c.fired++;
    });
  }
  for (const c of counts) c.share = c.days ? c.fired / c.days : NaN;
  return counts;
}

export interface FiringSummary {
  signal: FiringSignal;
  /** Worlds in which the signal fired on at least one look-alike day. */
  worldsFired: number;
  worlds: number;
  /** Median, least and most look-alike days fired on, over the worlds. */
  median: number;
  min: number;
  max: number;
  /** Look-alike days scored per world (the same calendar in every world). */
  days: number;
}

/** Each signal's firing summarised over many worlds (one lookalikeFiring result per world). */
export function summarizeFiring(worlds: readonly SignalFiring[][]): FiringSummary[] {
  return FIRING_SIGNALS.map((signal) => {
    const rows = worlds.map((w) => w.find((r) => r.signal === signal)!);
    const fired = rows.map((r) => r.fired);
    return {signal, worldsFired: fired.filter((n) => n > 0).length, worlds: rows.length, median: median(fired), min: min(fired) ?? NaN, max: max(fired) ?? NaN, days: median(rows.map((r) => r.days))};
  });
}
