/**
 * What a daily message cap would stop, replayed on uncapped account-days (the control arm): for each
 * cap, the weighted share of attempted messages above it, separately for ordinary and abusive accounts.
 * It ignores adaptation (attackers spreading over more accounts), so it bounds the cap's effect from above.
 */

export interface AccountDay {
  ordinary: boolean;
  weight: number;
  /** Messages attempted that day. */
  attempted: number;
}

export interface CapOutcome {
  cap: number;
  /** Share of ordinary accounts' attempted messages the cap stops. */
  ordinaryStopped: number;
  /** Share of abusive accounts' attempted messages the cap stops. */
  abusiveStopped: number;
  /** Weighted share of ordinary account-days that hit the cap. */
  ordinaryDaysCapped: number;
}

export function capWhatIf(days: readonly AccountDay[], caps: readonly number[]): CapOutcome[] {
  for (const c of caps) if (!(Number.isInteger(c) && c >= 0)) throw new Error(`invalid cap: ${c}`);
  let ordinaryTotal = 0;
  let abusiveTotal = 0;
  let ordinaryDays = 0;
  for (const d of days) {
    if (!(d.weight >= 0) || !(d.attempted >= 0)) throw new Error(`invalid account-day: weight ${d.weight}, attempted ${d.attempted}`);
    if (d.ordinary) {
      ordinaryTotal += d.weight * d.attempted;
      ordinaryDays += d.weight;
    } else abusiveTotal += d.weight * d.attempted;
  }
  return caps.map((cap) => {
    let ordinary = 0;
    let abusive = 0;
    let capped = 0;
    for (const d of days) {
      const over = Math.max(0, d.attempted - cap);
      if (d.ordinary) {
        ordinary += d.weight * over;
        if (over > 0) capped += d.weight;
      } else abusive += d.weight * over;
    }
    return {
      cap,
      ordinaryStopped: ordinaryTotal > 0 ? ordinary / ordinaryTotal : NaN,
      abusiveStopped: abusiveTotal > 0 ? abusive / abusiveTotal : NaN,
      ordinaryDaysCapped: ordinaryDays > 0 ? capped / ordinaryDays : NaN
    };
  });
}

/** The smallest cap whose ordinary share stopped is at most maxStopped (null when none of the caps is). */
export function tightestSafeCap(outcomes: readonly CapOutcome[], maxStopped: number): CapOutcome | null {
  const ok = outcomes.filter((o) => Number.isFinite(o.ordinaryStopped) && o.ordinaryStopped <= maxStopped).sort((a, b) => a.cap - b.cap);
  return ok[0] ?? null;
}
