/**
 * Session-duration bins as the moderator-session dashboard shows them (0–30 s, 31–60 s, 61–120 s), then longer bins on a
 * minutes-and-hours ladder until the longest value fits. A bin holds values in (lo, hi]; the first
 * one also holds 0.
 */

export interface DurationBin {
  label: string;
  /** Exclusive lower and inclusive upper bound, in seconds. */
  lo: number;
  hi: number;
  count: number;
}

const SEED_EDGES = [30, 60, 120];
const LADDER = [300, 600, 900, 1800, 3600, 7200, 14_400, 28_800, 57_600, 86_400];

const format = (seconds: number): [number, string] => (seconds < 3600 ? [seconds / 60, "min"] : [seconds / 3600, "h"]);

/** "0–30 s" and "31–60 s" in whole seconds like the moderator-session dashboard; then "2–5 min", "30 min–1 h", "1–2 h". */
function binLabel(lo: number, hi: number): string {
  if (hi <= 120) return `${lo === 0 ? 0 : lo + 1}–${hi} s`;
  const [a, unitA] = format(lo);
  const [b, unitB] = format(hi);
  return unitA === unitB ? `${a}–${b} ${unitB}` : `${a} ${unitA}–${b} ${unitB}`;
}

/** The upper bin edges for data whose longest value is `max` seconds. */
export function durationEdges(max: number): number[] {
  const edges = [...SEED_EDGES];
  for (const e of LADDER) {
    if (edges[edges.length - 1] >= max) break;
    edges.push(e);
  }
  // Beyond the ladder: double until it fits.
  while (edges[edges.length - 1] < max) edges.push(edges[edges.length - 1] * 2);
  return edges;
}

export function binDurations(seconds: ArrayLike<number>, edges: readonly number[] = durationEdges(maxOf(seconds))): DurationBin[] {
  for (let i = 0; i < edges.length; i++) if (!(edges[i] > (edges[i - 1] ?? 0))) throw new Error(`invalid bin edges: ${edges.join(", ")}`);
  const bins = edges.map((hi, i) => ({label: binLabel(edges[i - 1] ?? 0, hi), lo: edges[i - 1] ?? 0, hi, count: 0}));
  for (let i = 0; i < seconds.length; i++) {
    const s = seconds[i];
    if (!Number.isFinite(s) || s < 0) continue;
    let lo = 0;
    let hi = edges.length - 1;
    if (s > edges[hi]) continue;
    // The first edge at or above s.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] >= s) hi = mid;
      else lo = mid + 1;
    }
    bins[lo].count++;
  }
  return bins;
}

function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}
