import {SECONDARY_SIGNALS, type DailySignals, type SecondarySignal} from "./dailySignals.js";
import {robustZ} from "./robustZ.js";
import {rollingZ, spikesAbove, type RollingZ} from "./rollingZ.js";

/**
 * A layered attack detector. Layer 1 is the T&S ops dashboard's volume rule: daily flags above the trailing mean
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
  /** Layer 1: the volume rule alone (the T&S ops dashboard's detector). */
  volume: boolean[];
  /** Layer 2: each secondary signal's spikes. */
  signals: Record<SecondarySignal, boolean[]>;
  /** Secondary signals spiking on each day. */
  support: number[];
  flagged: boolean[];
}

/**
 * What the layered detector thresholds, for one window: volume's trailing mean and standard deviation
 * and each secondary signal's trailing robust z. Only the window moves them, so a page computes them
 * once per window and re-thresholds them when k, signalK or minSignals change.
 */
export interface LayerBaselines {
  window: number;
  volume: ArrayLike<number>;
  rolling: RollingZ;
  robust: Record<SecondarySignal, Float64Array>;
}

export function layerBaselines(series: DailySignals, window: number = LAYERED_DEFAULTS.window): LayerBaselines {
  const robust = Object.fromEntries(SECONDARY_SIGNALS.map((s) => [s, robustZ(series[s], window, {poissonFloor: true}).z])) as Record<SecondarySignal, Float64Array>;
  return {window, volume: series.volume, rolling: rollingZ(series.volume, window), robust};
}

/**
 * layerBaselines(series, window) computed once per window: a page's window input returns to values it
 * has shown, for this world and every simulated one.
 */
export function baselinesByWindow(series: DailySignals): (window: number) => LayerBaselines {
  const byWindow = new Map<number, LayerBaselines>();
  return (window) => {
    let baselines = byWindow.get(window);
    if (!baselines) byWindow.set(window, (baselines = layerBaselines(series, window)));
    return baselines;
  };
}

function checkMinSignals(minSignals: number): void {
  if (!Number.isInteger(minSignals) || minSignals < 1 || minSignals > SECONDARY_SIGNALS.length) throw new Error(`invalid minSignals: ${minSignals} (expected 1 to ${SECONDARY_SIGNALS.length})`);
}

export function layeredDetect(series: DailySignals, options: LayeredOptions = {}): LayeredResult {
  const o = {...LAYERED_DEFAULTS, ...options};
  checkMinSignals(o.minSignals);
  return layeredFlags(layerBaselines(series, o.window), o);
}

/** layeredDetect() on baselines already computed for the window (options.window is theirs). */
export function layeredFlags(baselines: LayerBaselines, options: Omit<LayeredOptions, "window"> = {}): LayeredResult {
  const {k, signalK, minSignals} = {...LAYERED_DEFAULTS, ...options};
  checkMinSignals(minSignals);
  if (!Number.isFinite(signalK)) throw new Error(`invalid threshold: ${signalK}`);
  const volume = spikesAbove(baselines.volume, baselines.rolling, k);
  // One pass over the days: a page re-thresholds every world's baselines on each input change.
  const zs = SECONDARY_SIGNALS.map((s) => baselines.robust[s]);
  const spiked: boolean[][] = zs.map(() => []);
  const support: number[] = [];
  const flagged: boolean[] = [];
  for (let i = 0; i < volume.length; i++) {
    let n = 0;
    for (let j = 0; j < zs.length; j++) {
      const spike = zs[j][i] > signalK;
      spiked[j].push(spike);
      if (spike) n++;
    }
    support.push(n);
    flagged.push((volume[i] && n >= 1) || n >= minSignals);
  }
  const signals = Object.fromEntries(SECONDARY_SIGNALS.map((s, j) => [s, spiked[j]])) as Record<SecondarySignal, boolean[]>;
  return {volume, signals, support, flagged};
}
