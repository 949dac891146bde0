import * as Plot from "@observablehq/plot";
import {utcDate as asDate} from "../lib/core/calendar.js";
import {formatCount, formatDay, formatNumber} from "../lib/core/format.js";
import {dayAxis} from "./dayAxis.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

export interface ScoreDay {
  date: string | Date;
  /** Daily mean score (NaN on a day without items). */
  mean: number;
  n: number;
  /** Trailing rolling mean of the daily means. */
  rolling: number;
  /** The rolling mean is under the alert threshold. */
  alert: boolean;
}

/**
 * Classifier score over time: daily means (dots), their rolling mean (line), the drift alert threshold
 * (dashed rule) and the days the rolling mean is under it (red ticks along the bottom).
 */
export function scoreDriftChart(rows: readonly ScoreDay[], {width, height = 280, threshold, window = 7, label = "Mean classifier score"}: {width?: number; height?: number; threshold: number; window?: number; label?: string}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const alerts = data.filter((d) => d.alert);
  const values = data.flatMap((d) => [d.mean, d.rolling]).filter(Number.isFinite);
  const lo = Math.min(threshold, ...values);
  const hi = Math.max(threshold, ...values);
  const pad = (hi - lo) * 0.08 || 0.01;
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: dayAxis(data.map((d) => d.date), width === undefined ? undefined : Math.max(width, MIN_WIDTH)),
    y: {grid: true, label, domain: [lo - pad, hi + pad]},
    marks: [
      Plot.dot(data, {x: "date", y: "mean", r: 2, fill: "var(--theme-foreground-faint)"}),
      Plot.lineY(data, {x: "date", y: "rolling", stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.ruleY([threshold], {stroke: "#b2182b", strokeDasharray: "4,3"}),
      Plot.text([threshold], {y: (t: number) => t, frameAnchor: "right", text: (t: number) => `alert threshold ${formatNumber(t, 3)}`, dy: -7, fill: "currentColor", textAnchor: "end"}),
      Plot.ruleX(alerts, {x: "date", y1: lo - pad, y2: lo - pad + (hi - lo) * 0.06, stroke: "#b2182b", strokeWidth: 2}),
      Plot.tip(data, Plot.pointerX({x: "date", y: "rolling", title: (d: (typeof data)[number]) => `${formatDay(d.date)}\n${window}-day mean: ${formatNumber(d.rolling, 3)}${d.alert ? " (under the threshold)" : ""}\nDay mean: ${formatNumber(d.mean, 3)} over ${formatCount(d.n)} flags`}))
    ],
    caption: `Dots: daily mean. Line: ${window}-day rolling mean. Red ticks: days the rolling mean is under the threshold.`
  }), {name: "score drift", rows: data});
}
