import * as Plot from "@observablehq/plot";
import {formatDay, formatNumber} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface PsiWeek {
  week_start: Date;
  label: string;
  psi: number;
}

/** Weekly PSI of each feature against the reference period, with the band limits and the reference period shaded. */
export function psiTrendChart(rows: readonly PsiWeek[], {width, height = 280, referenceEnd, highlight = []}: {width?: number; height?: number; referenceEnd?: Date; highlight?: readonly string[]} = {}) {
  // Eleven features are too many colours: the highlighted ones get a colour, the rest one grey.
  const other = "other features";
  const key = (d: PsiWeek) => (highlight.length === 0 || highlight.includes(d.label) ? d.label : other);
  const labels = [...new Set(rows.map(key))].sort((a, b) => (a === other ? 1 : b === other ? -1 : 0));
  const palette = ["#b2182b", "#4269d0", "#efb118", "#3ca951", "#a463f2", "#ff8ab7", "#6cc5b0", "#9c6b4e", "#97bbf5", "#ff725c", "#1b9e77"];
  const first = rows.reduce((m, r) => (r.week_start < m ? r.week_start : m), rows[0]?.week_start ?? new Date(0));
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginLeft: 50,
    x: {type: "utc", label: "Week starting →"},
    y: {type: "symlog", constant: 0.05, grid: true, ticks: [0, 0.1, 0.25, 0.5, 1, 2, 4], tickFormat: (v: number) => String(v), label: "↑ PSI against the reference (symmetric log)"},
    color: {domain: labels, range: labels.map((l, i) => (l === other ? "#9498a0" : palette[i % palette.length])), legend: true},
    marks: [
      referenceEnd ? Plot.rectX([{x1: first, x2: referenceEnd}], {x1: "x1", x2: "x2", fill: "var(--theme-foreground-faintest)", fillOpacity: 0.5}) : null,
      referenceEnd ? Plot.text([{x: first}], {x: "x", frameAnchor: "bottom-left", text: () => "reference (training) period", dx: 4, dy: -4, fill: "var(--theme-foreground-muted)"}) : null,
      Plot.ruleY([0.1, 0.25], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.line(rows, {x: "week_start", y: "psi", z: "label", stroke: key, strokeWidth: (d: PsiWeek) => (key(d) === other ? 1 : 2.5), strokeOpacity: (d: PsiWeek) => (key(d) === other ? 0.5 : 1)}),
      Plot.tip(rows, Plot.pointer({x: "week_start", y: "psi", stroke: key, title: (d: PsiWeek) => `${d.label}\nweek of ${formatDay(d.week_start)}\nPSI ${formatNumber(d.psi, 3)}`}))
    ]
  }), {name: "psi trend", rows});
}
