import {dayKey} from "./dailySignals.js";

/** Ground truth by day: the attacks with flags on each date of `dates`, and whether there were any. */
export interface AttackDays {
  truth: boolean[];
  /** Attack ids per day, sorted. */
  attacks: string[][];
}

export function attackDays(flags: Iterable<{date: string | Date; attack_id?: string | null}>, dates: readonly string[]): AttackDays {
  const index = new Map(dates.map((d, i) => [d, i]));
  const sets = dates.map(() => new Set<string>());
  for (const f of flags) {
    if (f.attack_id == null) continue;
    const i = index.get(dayKey(f.date));
    if (i !== undefined) sets[i].add(f.attack_id);
  }
  const attacks = sets.map((s) => [...s].sort());
  return {truth: attacks.map((a) => a.length > 0), attacks};
}
