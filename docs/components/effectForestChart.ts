import * as Plot from "@observablehq/plot";

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
  const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? "–" : `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(1)}%`);
  const margins = ok.filter((r) => r.margin !== undefined && r.margin !== null);
  return Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height: height ?? 60 + 44 * rows.length,
    marginLeft: Math.min(280, (width ?? 640) * 0.35),
    x: {label: "Change, treatment vs control (%)", grid: true, ticks: 6, tickFormat: (x: number) => `${x > 0 ? "+" : ""}${x}%`},
    y: {label: null, domain: rows.map((r) => r.metric), tickSize: 0},
    color: {...roleColor, legend: true},
    marks: [
      Plot.ruleX([0], {stroke: "var(--theme-foreground)"}),
      Plot.tickX(margins, {x: (d: EffectRow) => 100 * d.margin!, y: "metric", stroke: "var(--theme-red)", strokeDasharray: "2,2", strokeWidth: 2}),
      Plot.link(ok, {x1: (d: EffectRow) => 100 * (d.lower ?? NaN), x2: (d: EffectRow) => 100 * (d.upper ?? NaN), y1: "metric", y2: "metric", stroke: "role", strokeWidth: 3}),
      Plot.dot(ok, {x: (d: EffectRow) => 100 * d.relative!, y: "metric", fill: "role", r: 5, tip: true, title: (d: EffectRow) => `${d.metric}\n${pct(d.relative)} (95% CI ${pct(d.lower)} to ${pct(d.upper)})${d.margin !== undefined && d.margin !== null ? `\nGuardrail margin: ${pct(d.margin)}` : ""}`})
    ]
  });
}
