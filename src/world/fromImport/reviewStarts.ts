import {nextOnShift, type Shift} from "../../core/shifts.js";

/**
 * When each case was opened, for an import that does not say (flags.opened_ts): estimated from when it
 * was raised, when it was decided and by whom, under the review queue's discipline (src/world/queue.ts):
 * a reviewer works one case at a time, and opens their next case as soon as it has been raised, their
 * previous case is decided and they are in a productive stretch of their shift (nextOnShift). Cases are
 * taken in the order of their decisions. A case opens no later than its decision (a platform whose
 * reviewers work cases in parallel gets service times of zero, not negative ones), and a case without a
 * reviewer (an automated route) opens when it is raised.
 *
 * That is the earliest a case can have been opened: the true time where no reviewer idles while a case
 * they read waits (a work-conserving queue, as the simulation's is today), later where one does.
 */
export function reviewStarts(ts: ArrayLike<number>, decided: ArrayLike<number>, reviewer: ArrayLike<number>, shifts: readonly Shift[]): Float64Array {
  const n = ts.length;
  const start = Float64Array.from(ts);
  const cases: number[][] = shifts.map(() => []);
  for (let i = 0; i < n; i++) if (reviewer[i] >= 0) cases[reviewer[i]].push(i);
  cases.forEach((list, r) => {
    list.sort((a, b) => decided[a] - decided[b] || a - b);
    let free = -Infinity;
    for (const i of list) {
      start[i] = Math.min(decided[i], nextOnShift(shifts[r], Math.max(free, ts[i])).from);
      free = decided[i];
    }
  });
  return start;
}
