import * as Plot from "@observablehq/plot";
import {formatChange} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface EffectRow {
  metric: string;
  /** Relative change treatment vs control and its confidence interval (fractions). */
  relative: number | null;
  lower: number | null;
  upper: number | null;
  /** Role: the primary metric, a guardrail or a secondary read. */
  role: "primary" | "guardrail" | "secondary";
  /** A guardrail's margin (fraction; negative: the largest acceptable fall). */
  margin?: number | null;
}

export const roleColor = {domain: ["primary", "secondary", "guardrail"], range: ["#b2182b", "#efb118", "#4269d0"], tickFormat: (r: string) => ({primary: "Primary (harm)", secondary: "Secondary", guardrail: "Guardrail"})[r] ?? r};

/** A forest plot of relative changes, treatment vs control, with 95% intervals, the zero line and guardrail margins. */
export function effectForestChart(rows: readonly EffectRow[], {width, height}: {width?: number; height?: number} = {}) {
  const ok = rows.filter((r) => r.relative !== null && Number.isFinite(r.relative));
  const margins = ok.filter((r) => r.margin !== undefined && r.margin !== null);
  const w = width === undefined ? 640 : Math.max(width, 280);
  // Metric names wrap inside the left margin (lineWidth is in ems of the 10 px axis font), so none is cut.
  const marginLeft = Math.round(Math.min(240, Math.max(110, w * 0.36)));
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : w,
    height: height ?? 60 + 44 * rows.length,
    marginLeft,
    x: {label: "Change, treatment vs control (%)", grid: true, ticks: 6, tickFormat: (x: number) => `${x > 0 ? "+" : ""}${x}%`},
    y: {label: null, domain: rows.map((r) => r.metric)},
    color: {...roleColor, legend: true},
    marks: [
      // Plot estimates text widths; a 20% allowance keeps wrapped lines inside the margin.
      Plot.axisY({label: null, tickSize: 0, lineWidth: (0.8 * (marginLeft - 10)) / 10}),
      // About one tick per 70 px, so the percentages do not run into each other on a phone.
      Plot.axisX({label: "Change, treatment vs control (%)", ticks: Math.max(4, Math.min(6, Math.floor((w - marginLeft - 20) / 70))), tickFormat: (x: number) => `${x > 0 ? "+" : ""}${x}%`}),
      Plot.ruleX([0], {stroke: "var(--theme-foreground)"}),
      Plot.tickX(margins, {x: (d: EffectRow) => 100 * d.margin!, y: "metric", stroke: "var(--theme-red)", strokeDasharray: "2,2", strokeWidth: 2}),
      Plot.link(ok, {x1: (d: EffectRow) => 100 * (d.lower ?? NaN), x2: (d: EffectRow) => 100 * (d.upper ?? NaN), y1: "metric", y2: "metric", stroke: "role", strokeWidth: 3}),
      Plot.dot(ok, {x: (d: EffectRow) => 100 * d.relative!, y: "metric", fill: "role", r: 5, tip: true, title: (d: EffectRow) => `${d.metric}\n${formatChange(d.relative)} relative to control (95% CI ${formatChange(d.lower)} to ${formatChange(d.upper)})${d.margin !== undefined && d.margin !== null ? `\nGuardrail margin: ${formatChange(d.margin)}` : ""}`})
    ]
  }), {name: "effect forest", rows});
}
