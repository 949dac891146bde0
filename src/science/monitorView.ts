/**
 * The monitoring page's rows: each monitored series with the trailing baseline the alerts are judged
 * against, the alerts of the chosen severities joined to the world's dated scenarios (ground truth
 * the detector never sees), and the counts per severity.
 */
import {eventsOn, type KnownEvent} from "../core/scenarios.js";
import {formatCount, formatNumber} from "../core/format.js";
import {rollingZ, spikes} from "../detect/rollingZ.js";
import {ALERT_SEVERITIES, type Alert, type AlertSeverity} from "../detect/monitorAlerts.js";
import type {AnomalyPoint} from "../detect/anomalyView.js";

/** Axis label, with its unit, of each monitored series of core_day_metrics. */
export const METRIC_UNITS: Readonly<Record<string, string>> = {
  chats: "Chats per day",
  active_users: "Active users per day",
  policy_blocks: "Policy blocks per day",
  block_rate: "Block rate (blocks / content attempts)",
  warnings: "Warnings per day",
  warn_rate: "Warnings per active user"
};

/** One day of a monitored series, in the shape docs/components/anomalyChart.ts draws (no warm-up mark). */
export type MonitorPoint = Omit<AnomalyPoint, "warmup">;

export type MonitorDay<R> = Omit<R, "date"> & {day: Date; date: string};

/** core_day_metrics rows keyed by their UTC day string (`date`), the Date kept as `day`. */
export function monitorDays<R extends {date: Date}>(rows: readonly R[]): MonitorDay<R>[] {
  return rows.map((d) => ({...d, day: d.date, date: d.date.toISOString().slice(0, 10)}));
}

/** The known events on a day (the published known_events), comma-separated, or "". */
export function scenariosOn(date: string, events: readonly KnownEvent[]): string {
  return eventsOn(date, events);
}

/** `metric`'s daily values against the trailing mean and sd of `window` days, days beyond mean + k·sd flagged; a null value is NaN. */
export function monitorPoints(days: readonly {date: string; day: Date}[], metric: string, window: number, k: number, events: readonly KnownEvent[]): MonitorPoint[] {
  const values = days.map((d) => {
    const v = (d as Record<string, unknown>)[metric];
    return v === null || v === undefined ? NaN : (v as number);
  });
  const {mean, sd, z} = rollingZ(values, window);
  const flagged = spikes(values, window, k);
  return days.map((d, i) => ({date: d.date, day: d.day, value: values[i], baseline: mean[i], spread: sd[i], z: z[i], flagged: flagged[i], scenario: scenariosOn(d.date, events)}));
}

/** How many alerts each severity has, every severity present. */
export function countBySeverity(alerts: readonly Alert[]): Record<AlertSeverity, number> {
  return Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, alerts.filter((a) => a.severity === s).length])) as Record<AlertSeverity, number>;
}

export type AlertRow = Alert & {known: string};

/** The alerts of the chosen severities, each with the scenarios known on its day ("none known" if none). */
export function alertRows(alerts: readonly Alert[], severities: readonly string[], events: readonly KnownEvent[]): AlertRow[] {
  return alerts.filter((a) => severities.includes(a.severity)).map((a) => ({...a, known: scenariosOn(a.date, events) || "none known"}));
}

/** Alert rows for a download: an infinite z (a flat baseline) has no number in CSV or JSON, so it becomes null. */
export function alertDownloadRows(rows: readonly AlertRow[]): (Omit<AlertRow, "z"> & {z: number | null})[] {
  return rows.map((a) => ({...a, z: Number.isFinite(a.z) ? a.z : null}));
}

/** A metric's value as the alerts table shows it: rates to 4 decimals, counts whole, other values to 1 decimal. */
export function formatMetricValue(metric: string, value: number): string {
  return metric.endsWith("_rate") ? formatNumber(value, 4) : Number.isInteger(value) ? formatCount(value) : formatNumber(value, 1);
}
