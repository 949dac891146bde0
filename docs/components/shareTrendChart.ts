import * as Plot from "@observablehq/plot";
import {formatDay, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface ShareTrendChartOptions {
  width?: number;
  height?: number;
  /** Field of the share (0–1) and its label, with what it is a share of. */
  y: string;
  label: string;
  /** Trailing days of the rolling mean; 0 for none. */
  window?: number;
  /** Colour of the line (a palette colour). */
  stroke?: string;
  /** Dated spans to shade, e.g. a scenario: [{from, to, label}] with YYYY-MM-DD dates. */
  spans?: readonly {from: string; to: string; label: string}[];
}

/** A daily share as a faint line, with its trailing rolling mean and a tooltip per day. */
export function shareTrendChart(rows: readonly Record<string, unknown>[], {width, height = 240, y, label, window = 7, stroke = "var(--theme-foreground-focus)", spans = []}: ShareTrendChartOptions) {
  const day = (d: Record<string, unknown>) => d.day as Date;
  const span = spans.map((s) => ({...s, x1: new Date(`${s.from}T00:00:00Z`), x2: new Date(new Date(`${s.to}T00:00:00Z`).getTime() + 86_400_000)}));
  return saveable(Plot.plot({
    width,
    height,
    marginLeft: 48,
    x: {type: "utc", label: null},
    y: {grid: true, percent: true, label: `↑ ${label} (%)`, zero: true},
    marks: [
      Plot.rectX(span, {x1: "x1", x2: "x2", fill: "var(--theme-foreground-faintest)"}),
      Plot.text(span, {x: "x1", frameAnchor: "top", text: "label", dx: 3, dy: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.lineY(rows, {x: day, y, stroke, strokeOpacity: 0.35, strokeWidth: 1}),
      window > 0 ? Plot.lineY(rows, Plot.windowY({k: window, anchor: "end"}, {x: day, y, stroke, strokeWidth: 2})) : null,
      Plot.tip(rows, Plot.pointerX({x: day, y, title: (d: Record<string, unknown>) => `${(d.date as string) ?? formatDay(day(d))}\n${label}: ${formatPercent(Number(d[y]))}`})),
      Plot.ruleY([0])
    ]
  }), {name: "share trend", rows});
}
