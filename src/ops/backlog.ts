import {quantileSorted} from "../core/quantile.js";
import {toDay} from "./range.js";
import {epochMs as ms} from "../core/calendar.js";
import {HOUR_MS as HOUR} from "../core/constants.js";

/**
 * The human-review backlog: cases that have arrived and are not decided yet. "Open at t" means
 * ts <= t < decided_ts.
 */
export interface BacklogCase {
  ts: Date | number;
  decided_ts: Date | number;
  severity: string;
}

const DAY = 86_400_000;

/**
 * Open cases at the end of each date (24:00 UTC), per key, on every date x key (zeros included).
 * With `keys`, only cases whose key is listed count, and the rows come in the order of `keys`.
 */
export function backlogByDay<T extends BacklogCase>(cases: readonly T[], dates: readonly string[], key: (c: T) => string = (c) => c.severity, keys: readonly string[] = []): {date: string; key: string; open: number}[] {
  if (dates.length === 0) return [];
  const first = Date.parse(`${dates[0]}T00:00:00Z`) + DAY;
  const n = dates.length;
  const diff = new Map<string, Int32Array>(keys.map((k) => [k, new Int32Array(n + 1)]));
  // The end of date d is first + d·DAY. A case is open at the ends from the first one at or after its
  // arrival up to, not including, the first one at or after its decision.
  const endIndex = (t: number) => Math.min(n, Math.max(0, Math.ceil((t - first) / DAY)));
  for (const c of cases) {
    const a = endIndex(ms(c.ts));
    const b = endIndex(ms(c.decided_ts));
    if (b <= a) continue;
    const k = key(c);
    let d = diff.get(k);
    if (!d) {
      if (keys.length) continue;
      diff.set(k, (d = new Int32Array(n + 1)));
    }
    d[a]++;
    d[b]--;
  }
  const out: {date: string; key: string; open: number}[] = [];
  for (const [k, d] of diff) {
    let open = 0;
    for (let i = 0; i < n; i++) out.push({date: dates[i], key: k, open: (open += d[i])});
  }
  return out;
}

export interface BacklogAge {
  key: string;
  open: number;
  /** Open cases older than the SLA. */
  overSla: number;
  /** Age in hours of the oldest open case (NaN when none). */
  oldestHours: number;
  medianAgeHours: number;
}

/**
 * Backlog at time t by key, with ages: the analyst role profile's backlog health (aging of open cases by severity).
 * With `keys`, only cases whose key is listed count (a medium case is not part of a high/critical
 * backlog), one row per listed key in order; without, one row per key found.
 */
export function backlogAt<T extends BacklogCase>(cases: readonly T[], t: Date | number, {slaHours = 24, key = (c: T) => c.severity, keys = [] as readonly string[]} = {}): BacklogAge[] {
  const at = ms(t);
  const ages = new Map<string, number[]>(keys.map((k) => [k, []]));
  for (const c of cases) {
    if (!(ms(c.ts) <= at && at < ms(c.decided_ts))) continue;
    const k = key(c);
    let list = ages.get(k);
    if (!list) {
      if (keys.length) continue;
      ages.set(k, (list = []));
    }
    list.push((at - ms(c.ts)) / HOUR);
  }
  return [...ages].map(([k, list]) => {
    list.sort((a, b) => a - b);
    return {
      key: k,
      open: list.length,
      overSla: list.filter((a) => a > slaHours).length,
      oldestHours: list.length ? list[list.length - 1] : NaN,
      medianAgeHours: quantileSorted(list, 0.5)
    };
  });
}

/** The end of a date (24:00 UTC) in ms: "the backlog on date d" is the backlog then. */
export function endOfDay(date: Date | string): number {
  return Date.parse(`${toDay(date)}T00:00:00Z`) + DAY;
}
