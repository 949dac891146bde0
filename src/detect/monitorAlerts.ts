/**
 * Alerts on daily monitoring series: a day alerts when its value exceeds the trailing mean by more
 * than k trailing standard deviations (the shared rollingZ detector: current day excluded, sample sd).
 * Severity grows with the z-score, and only harm metrics (blocks, warnings and their rates) can reach
 * "high": a jump in chat volume is news, a jump in blocks may be an attack.
 */
import {rollingZ, spikes} from "./rollingZ.js";

export type AlertSeverity = "low" | "medium" | "high";
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ["high", "medium", "low"];

export interface MonitoredMetric {
  name: string;
  label: string;
  /** A harm metric can raise a high-severity alert; a volume metric at most a low one. */
  harm: boolean;
}

export interface AlertOptions {
  /** Trailing days of the baseline; default 14. */
  window?: number;
  /** Alert above mean + k·sd; default 3. */
  k?: number;
  /** A harm metric's alert is high from this z on (medium below); default 5. */
  highZ?: number;
}

export interface Alert {
  date: string;
  metric: string;
  label: string;
  value: number;
  baseline: number;
  z: number;
  severity: AlertSeverity;
}

export const ALERT_DEFAULTS: Required<AlertOptions> = {window: 14, k: 3, highZ: 5};

/** Every alert of every metric (the days `spikes` flags), by date, then in the order of `metrics`. */
export function monitorAlerts<R extends {date: string}>(days: readonly R[], metrics: readonly MonitoredMetric[], options: AlertOptions = {}): Alert[] {
  const {window, k, highZ} = {...ALERT_DEFAULTS, ...options};
  if (!(k > 0)) throw new Error(`invalid k: ${k}`);
  if (!(highZ >= k)) throw new Error(`invalid highZ: ${highZ} (expected >= k = ${k})`);
  const found: {alert: Alert; order: number}[] = [];
  metrics.forEach((m, order) => {
    const values = days.map((d) => {
      const v = (d as unknown as Record<string, unknown>)[m.name];
      return typeof v === "number" ? v : NaN;
    });
    const flagged = spikes(values, window, k);
    const {mean, z} = rollingZ(values, window);
    days.forEach((d, i) => {
      if (!flagged[i]) return;
      const severity: AlertSeverity = m.harm && z[i] >= highZ ? "high" : m.harm ? "medium" : "low";
      found.push({alert: {date: d.date, metric: m.name, label: m.label, value: values[i], baseline: mean[i], z: z[i], severity}, order});
    });
  });
  found.sort((a, b) => (a.alert.date < b.alert.date ? -1 : a.alert.date > b.alert.date ? 1 : a.order - b.order));
  return found.map((f) => f.alert);
}
