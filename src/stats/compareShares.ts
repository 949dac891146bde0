import {formatCount, formatInterval, formatPercent, formatPp} from "../core/format.js";
import {wilsonInterval, type Interval} from "./wilsonInterval.js";

/** A share as counted: successes of n, with its 95% Wilson interval. */
export interface CountedShare extends Interval {
  successes: number;
  n: number;
  /** n < 30: too few cases to read on its own. */
  small: boolean;
}

/** A share of whole counts with its Wilson interval; rounds weighted counts to whole cases. */
export function countedShare(successes: number, n: number): CountedShare {
  const k = Math.round(Number.isFinite(successes) ? successes : 0);
  const m = Math.round(Number.isFinite(n) ? n : 0);
  const interval = wilsonInterval(Math.min(Math.max(k, 0), Math.max(m, 0)), Math.max(m, 0));
  return {...interval, successes: k, n: m, small: m < 30};
}

export interface ShareComparison {
  a: CountedShare;
  b: CountedShare;
  /** a − b, a fraction (shown in percentage points). */
  difference: number;
  /** The two 95% intervals overlap (or one is undefined): the data do not separate the shares. */
  overlap: boolean;
}

/** Two shares side by side: their difference and whether their 95% Wilson intervals overlap. */
export function compareShares(a: CountedShare, b: CountedShare): ShareComparison {
  const defined = Number.isFinite(a.lower) && Number.isFinite(b.lower);
  const overlap = !defined || (a.lower <= b.upper && b.lower <= a.upper);
  return {a, b, difference: a.estimate - b.estimate, overlap};
}

/** "72.9% (1,234 of 1,690; 95% CI 70.7–75.0%)", with "fewer than 30 cases" when n < 30. */
export function shareText(s: CountedShare, digits = 1): string {
  const ci = formatInterval(s.lower, s.upper, "percent");
  return `${formatPercent(s.estimate, digits)} (${formatCount(s.successes)} of ${formatCount(s.n)}; 95% CI ${ci}${s.small ? "; fewer than 30 cases" : ""})`;
}

/** "+4.1 pp; the 95% intervals overlap" or "+4.1 pp; the 95% intervals do not overlap". */
export function differenceText(c: ShareComparison): string {
  return `${formatPp(c.difference)}; the 95% intervals ${c.overlap ? "overlap, so the data do not separate them" : "do not overlap"}`;
}
