import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatNumber} from "../lib/core/format.js";
import type {MonitoredMetric} from "../lib/detect/monitorAlerts.js";
import {METRIC_UNITS, formatMetricValue, monitorPoints, type AlertRow} from "../lib/science/monitorView.js";
import type {KnownEvent} from "../lib/core/scenarios.js";
import {anomalyChart} from "./anomalyChart.js";
import {severityColor} from "./palette.js";

export interface MetricGridOptions {
  /** The page's width; each of the two columns gets half of it, at least 320 px. */
  width: number;
  /** Trailing days of the baseline. */
  window: number;
  /** The band a day must leave to be flagged: mean ± k·sd. */
  k: number;
  /** The known events (the published known_events) that explain a flagged day. */
  events: readonly KnownEvent[];
}

/** One card per monitored series, two a row: its values, the trailing band and the flagged days. */
export function metricGrid(days: readonly {date: string; day: Date}[], metrics: readonly MonitoredMetric[], {width, window, k, events}: MetricGridOptions): HTMLElement {
  const cards = metrics.map((m) => {
    const points = monitorPoints(days, m.name, window, k, events);
    const chart = anomalyChart(points, {width: Math.max(320, (width - 40) / 2), height: 220, label: METRIC_UNITS[m.name], threshold: k});
    return html`<div class="card"><h2>${m.label}${m.harm ? " (harm metric)" : ""}</h2><h3>${points.filter((d) => d.flagged).length} flagged days · shaded: trailing mean ± ${formatNumber(k, 1)} sd</h3>${chart}</div>`;
  });
  return html`<div class="grid grid-cols-2">${cards}</div>`;
}

/** A severity in its colour, high in bold. */
function severityCell(s: string): HTMLElement {
  const color = severityColor.range[["high", "medium", "low"].indexOf(s)] ?? "inherit";
  return html`<span style=${{color, fontWeight: s === "high" ? "bold" : "normal"}}>${s}</span>`;
}

/** The alerts, 16 rows at a time: value and baseline in the metric's unit, an infinite z (a flat baseline) as ∞. */
export function alertTable(rows: readonly AlertRow[]) {
  const value = (v: number, i: number, data: readonly AlertRow[]) => formatMetricValue(data[i].metric, v);
  return Inputs.table(rows, {
    columns: ["date", "label", "value", "baseline", "z", "severity", "known"],
    header: {date: "Date", label: "Metric", value: "Value", baseline: "Baseline", z: "z", severity: "Severity", known: "Known scenario (truth)"},
    format: {value, baseline: value, z: (z: number) => (Number.isFinite(z) ? formatNumber(z, 1) : "∞"), severity: severityCell},
    width: {known: 300},
    rows: 16,
    select: false
  });
}
