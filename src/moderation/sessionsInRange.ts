import {formatDay} from "../core/format.js";
import {SMALL_SAMPLE} from "../metrics/kpiFigure.js";
import {wilsonInterval} from "../stats/wilsonInterval.js";
import type {SessionRow} from "./summarizeSessions.js";

/** The sessions that started on a UTC day from `from` to `to` (YYYY-MM-DD, inclusive). */
export function sessionsInRange<S extends Pick<SessionRow, "start_ts">>(sessions: readonly S[], {from, to}: {from: string; to: string}): S[] {
  if (!(from <= to)) throw new Error(`invalid range: ${from} to ${to}`);
  return sessions.filter((s) => {
    const day = formatDay(typeof s.start_ts === "number" ? s.start_ts : s.start_ts.getTime());
    return day >= from && day <= to;
  });
}

/** A QA pass rate with what it rests on: decisions agreeing / decisions checked, its 95% Wilson interval. */
export interface QaFigure {
  correct: number;
  checked: number;
  value: number;
  lower: number;
  upper: number;
  /** Fewer than SMALL_SAMPLE decisions checked. */
  small: boolean;
}

export function qaFigure(correct: number, checked: number): QaFigure {
  const ci = wilsonInterval(correct, checked);
  return {correct, checked, value: ci.estimate, lower: ci.lower, upper: ci.upper, small: checked < SMALL_SAMPLE};
}

/** Whether two QA figures' intervals overlap, so that their difference is not a clear change. */
export function qaOverlap(a: QaFigure, b: QaFigure): boolean {
  if (![a.lower, a.upper, b.lower, b.upper].every(Number.isFinite)) return true;
  return a.lower <= b.upper && b.lower <= a.upper;
}
