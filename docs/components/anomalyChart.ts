import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";
import type {AnomalyPoint as DetectedDay} from "../lib/detect/anomalyView.js";

/** A day the chart draws: a detector's day (src/detect/anomalyView.ts), with or without its warm-up mark. */
export type AnomalyPoint = Omit<DetectedDay, "warmup"> & {warmup?: boolean};

export interface AnomalyChartOptions {
  width?: number;
  height?: number;
  /** Axis label of the series, with its unit. */
  label?: string;
  /** The band drawn around the baseline: baseline ± threshold × spread. */
  threshold?: number;
}


/** A daily series with its trailing baseline, the band a day must leave to be flagged, and the flagged days marked. */
export function anomalyChart(points: readonly AnomalyPoint[], {width, height = 300, label = "Reports per day", threshold = 2}: AnomalyChartOptions = {}) {
  const band = points.filter((d) => Number.isFinite(d.baseline) && Number.isFinite(d.spread));
  const flagged = points.filter((d) => d.flagged);
  const warm = points.filter((d) => d.warmup);
  const warmSpan = warm.length ? [{x1: warm[0].day, x2: new Date(warm[warm.length - 1].day.getTime() + 86_400_000)}] : [];
  return saveable(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {grid: true, label: `↑ ${label}`, zero: true},
    color: {legend: true, domain: ["Series", "Baseline (trailing)", "Flagged day"], range: ["var(--theme-foreground-muted)", "#4269d0", "#e7040f"]},
    marks: [
      // The detector's warm-up: its window is not full yet, so these days are drawn but not scored.
      Plot.rectX(warmSpan, {x1: "x1", x2: "x2", fill: "var(--theme-foreground-faintest)"}),
      Plot.areaY(band, {x: "day", y1: (d: AnomalyPoint) => Math.max(0, d.baseline - threshold * d.spread), y2: (d: AnomalyPoint) => d.baseline + threshold * d.spread, fill: "#4269d0", fillOpacity: 0.12}),
      Plot.lineY(band, {x: "day", y: "baseline", stroke: () => "Baseline (trailing)", strokeDasharray: "4,3"}),
      Plot.lineY(points, {x: "day", y: "value", stroke: () => "Series", strokeWidth: 1.2}),
      Plot.dot(flagged, {x: "day", y: "value", r: 4, fill: () => "Flagged day", stroke: "var(--theme-background)"}),
      Plot.tip(points, Plot.pointerX({
        x: "day",
        y: "value",
        title: (d: AnomalyPoint) => `${d.date}\n${label}: ${formatNumber(d.value, 1)}\nBaseline: ${formatNumber(d.baseline, 1)}\nz: ${formatNumber(d.z, 2)}${d.warmup ? "\nWarm-up: the window has no full history yet, not scored" : d.flagged ? "\nFlagged" : ""}${d.scenario ? `\nKnown: ${d.scenario}` : ""}`
      })),
      Plot.ruleY([0])
    ]
  }), {name: "anomaly", rows: points});
}
