import {SECONDARY_SIGNALS, type DailySignals, type SecondarySignal} from "./dailySignals.js";
import {robustSpikes} from "./robustZ.js";
import {spikes} from "./rollingZ.js";

/**
 * A layered attack detector. Layer 1 is seed 001's volume rule: daily flags above the trailing mean
 * plus k standard deviations. Layer 2 asks each secondary signal of coordination (young accounts,
 * near-duplicate content, linked accounts, one target) whether it jumped above its own trailing
 * median by more than `signalK` robust scales. A day is an attack day when volume spikes and at
 * least one secondary signal confirms it, or when `minSignals` secondary signals spike together even
 * though volume did not (the low-intensity campaigns that hide inside normal volume).
 * Organic surges (a news event, the weekend) lift volume without coordination, so they stay quiet.
 */
export interface LayeredOptions {
  /** Trailing days of every baseline. */
  window?: number;
  /** Volume threshold, in trailing standard deviations. */
  k?: number;
  /** Secondary-signal threshold, in trailing robust scales. */
  signalK?: number;
  /** Secondary signals that raise an alarm without a volume spike. */
  minSignals?: number;
}

export const LAYERED_DEFAULTS: Required<LayeredOptions> = {window: 7, k: 1.5, signalK: 3, minSignals: 2};

export interface LayeredResult {
  /** Layer 1: the volume rule alone (seed 001's detector). */
  volume: boolean[];
  /** Layer 2: each secondary signal's spikes. */
  signals: Record<SecondarySignal, boolean[]>;
  /** Secondary signals spiking on each day. */
  support: number[];
  flagged: boolean[];
}

export function layeredDetect(series: DailySignals, options: LayeredOptions = {}): LayeredResult {
  const {window, k, signalK, minSignals} = {...LAYERED_DEFAULTS, ...options};
  if (!Number.isInteger(minSignals) || minSignals < 1 || minSignals > SECONDARY_SIGNALS.length) throw new Error(`invalid minSignals: ${minSignals} (expected 1 to ${SECONDARY_SIGNALS.length})`);
  const volume = spikes(series.volume, window, k);
  const signals = Object.fromEntries(SECONDARY_SIGNALS.map((s) => [s, robustSpikes(series[s], window, signalK, {poissonFloor: true})])) as Record<SecondarySignal, boolean[]>;
  const support = volume.map((_, i) => SECONDARY_SIGNALS.reduce((n, s) => n + (signals[s][i] ? 1 : 0), 0));
  const flagged = volume.map((v, i) => (v && support[i] >= 1) || support[i] >= minSignals);
  return {volume, signals, support, flagged};
}
