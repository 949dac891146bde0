import * as Plot from "@observablehq/plot";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import type {PsiBin} from "../lib/detect/psi.js";
import {saveable} from "./chartSave.js";

export type {PsiBin} from "../lib/detect/psi.js";

const edge = (v: number | null, fallback: string) => (v === null || !Number.isFinite(v) ? fallback : Number.isInteger(v) ? formatCount(v) : formatNumber(v, 2));

/** Reference and recent shares of each fixed bin of one feature. */
export function psiBinsChart(bins: readonly PsiBin[], {width, height = 240, label = "Feature"}: {width?: number; height?: number; label?: string} = {}) {
  const names = bins.map((b, i) => (i === 0 ? `≤ ${edge(b.hi, "∞")}` : i === bins.length - 1 ? `> ${edge(b.lo, "−∞")}` : `${edge(b.lo, "−∞")} – ${edge(b.hi, "∞")}`));
  const long = bins.flatMap((b, i) => [
    {bin: names[i], period: "Reference (training period)", share: b.reference, contribution: b.contribution},
    {bin: names[i], period: "Recent (last 28 days)", share: b.recent, contribution: b.contribution}
  ]);
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginBottom: 50,
    fx: {domain: names, label: `${label}: bins fixed on the reference period`, tickRotate: names.length > 6 ? -25 : 0, padding: 0.15},
    x: {axis: null, domain: ["Reference (training period)", "Recent (last 28 days)"]},
    y: {grid: true, label: "↑ Share of user-days", tickFormat: "%"},
    color: {domain: ["Reference (training period)", "Recent (last 28 days)"], range: ["#9498a0", "#4269d0"], legend: true},
    marks: [
      Plot.barY(long, {fx: "bin", x: "period", y: "share", fill: "period", tip: true, title: (d) => `${d.bin}\n${d.period}: ${formatPercent(d.share)}\nthe bin's PSI term: ${formatNumber(d.contribution, 3)}`}),
      Plot.ruleY([0])
    ]
  }), {name: "psi bins", rows: bins});
}
