import {addDays} from "../core/calendar.js";

export interface WeekTotal {
  /** Monday of the ISO week, "YYYY-MM-DD". */
  week: string;
  /** Days of the week inside the data (7 for a full week). */
  days: number;
  reports: number;
}

export interface WeekChange extends WeekTotal {
  /** Reports of the week before, NaN when that week is missing or partial. */
  previous: number;
  /** reports / previous − 1; NaN for a partial week or without a full previous week. */
  change: number;
}

/** Week-over-week change in reports; only full weeks compare, so a partial first or last week never looks like a spike. */
export function weekOverWeek(weeks: readonly WeekTotal[]): WeekChange[] {
  const sorted = [...weeks].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  return sorted.map((w, i) => {
    const prev = sorted[i - 1];
    const comparable = w.days === 7 && prev !== undefined && prev.days === 7 && prev.week === addDays(w.week, -7);
    const previous = comparable ? prev.reports : NaN;
    return {...w, previous, change: comparable && previous > 0 ? w.reports / previous - 1 : NaN};
  });
}

/**
 * The case week of a "reports rose after a launch" investigation: the largest week-over-week rise among
 * full weeks that start in the launch's week or within `searchDays` after the launch. Null when no such
 * week has a comparable previous week.
 */
export function findSpikeWeek(weeks: readonly WeekChange[], launch: string, {searchDays = 28}: {searchDays?: number} = {}): WeekChange | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(launch)) throw new Error(`invalid launch date: ${launch}`);
  if (!(Number.isInteger(searchDays) && searchDays >= 0)) throw new Error(`invalid search window: ${searchDays}`);
  const last = addDays(launch, searchDays);
  let best: WeekChange | null = null;
  for (const w of weeks) {
    // The launch week itself counts: it starts up to six days before the launch.
    if (w.week < addDays(launch, -6) || w.week > last || !Number.isFinite(w.change)) continue;
    if (best === null || w.change > best.change) best = w;
  }
  return best;
}
