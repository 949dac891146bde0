import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/core/format.js";
import {psiBandColor} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface PsiRow {
  label: string;
  psi: number;
  band: string;
}

/** PSI per feature with the 0.1 and 0.25 band limits. */
export function psiChart(rows: readonly PsiRow[], {width, height}: {width?: number; height?: number} = {}) {
  const sorted = [...rows].sort((a, b) => b.psi - a.psi);
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height: height ?? 50 + 24 * sorted.length,
    marginLeft: 150,
    x: {type: "symlog", constant: 0.05, ticks: [0, 0.1, 0.25, 0.5, 1, 2, 4].filter((t) => t <= Math.max(0.5, ...sorted.map((d) => d.psi)) * 1.2), tickFormat: (v: number) => String(v), label: "PSI (symmetric log scale) →", grid: true},
    y: {domain: sorted.map((d) => d.label), label: null},
    color: {...psiBandColor, legend: true},
    marks: [
      Plot.barX(sorted, {y: "label", x: "psi", fill: "band", tip: true, title: (d: PsiRow) => `${d.label}: PSI ${formatNumber(d.psi, 3)} (${d.band})`}),
      Plot.ruleX([0.1, 0.25], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.ruleX([0])
    ]
  }), {name: "psi", rows});
}
