import {CATEGORIES, ENFORCEMENTS, SOURCES} from "../core/constants.js";
import {dayKey, inScope, type Row, type Scope} from "./computeKpi.js";

/** Count columns of daily_country that add up across countries. */
export const DAILY_COUNTS = [
  "active_users", "content_created", "reports", "enforcements", "appeals", "successful_appeals",
  ...CATEGORIES.map((k) => `reports_${k}`), ...SOURCES.map((s) => `source_${s}`), ...ENFORCEMENTS.map((a) => `enforce_${a}`)
] as const;

export interface DailyTotal {
  date: string;
  /** The date as a Date at UTC midnight, for charts. */
  day: Date;
  [column: string]: number | string | Date;
}

/**
 * One row per date in scope, with the daily_country counts summed over its countries and the shares
 * recomputed from the sums (share_misinformation, share_source_ai, ...). Dates come out sorted.
 */
export function dailyTotals(rows: readonly Row[], scope: Scope = {}): DailyTotal[] {
  const byDate = new Map<string, Record<string, number>>();
  for (const r of rows) {
    if (!inScope(r, scope)) continue;
    const d = dayKey(r.date);
    let acc = byDate.get(d);
    if (!acc) byDate.set(d, (acc = Object.fromEntries(DAILY_COUNTS.map((c) => [c, 0]))));
    for (const c of DAILY_COUNTS) {
      const v = r[c];
      if (typeof v === "number" && Number.isFinite(v)) acc[c] += v;
    }
  }
  return [...byDate.keys()].sort().map((date) => {
    const acc = byDate.get(date)!;
    const share = (part: string, total: string) => (acc[total] > 0 ? acc[part] / acc[total] : NaN);
    return {
      date,
      day: new Date(`${date}T00:00:00Z`),
      ...acc,
      report_rate: share("reports", "content_created"),
      ...Object.fromEntries(CATEGORIES.map((k) => [`share_${k}`, share(`reports_${k}`, "reports")])),
      ...Object.fromEntries(SOURCES.map((s) => [`share_source_${s}`, share(`source_${s}`, "reports")]))
    };
  });
}

/** The Monday (UTC) of a date's week, as YYYY-MM-DD. */
export function weekStart(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const dow = new Date(t).getUTCDay();
  return new Date(t - ((dow + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}
