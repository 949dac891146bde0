import * as Plot from "@observablehq/plot";
import type {BinRow} from "../lib/incident/reviewIncident.js";
import {saveable} from "./chartSave.js";

/** Rows as src/incident/reviewIncident.ts computes them. */
export type IncidentBin = BinRow;

export const truthColor = {domain: ["wrongful", "correct"], range: ["#b2182b", "#9498a0"], tickFormat: (k: string) => (k === "wrongful" ? "Benign item blocked (wrongful)" : "Violation blocked (correct)")};

/**
 * The incident up close: the category's automatic blocks per bin, split by ground truth, appeals against
 * the wrongful ones as a line, and the push and rollback from the deploy log.
 */
export function incidentBinsChart(bins: readonly IncidentBin[], {width, height = 280, binHours, push, rollback}: {width?: number; height?: number; binHours: number; push: number; rollback: number}) {
  const binMs = binHours * 3_600_000;
  const long = bins.flatMap((b) => [
    {start: b.start, kind: "correct", n: b.correct},
    {start: b.start, kind: "wrongful", n: b.wrongful}
  ]);
  const when = (t: number) => new Date(t).toISOString().slice(0, 16).replace("T", " ");
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: `Auto-blocks per ${binHours} hours`, grid: true},
    color: {...truthColor, legend: true},
    marks: [
      Plot.rectX([{x1: new Date(push), x2: new Date(rollback)}], {x1: "x1", x2: "x2", fill: "var(--theme-foreground-faintest)"}),
      Plot.rectY(long, Plot.stackY({x1: (d: (typeof long)[number]) => new Date(d.start), x2: (d: (typeof long)[number]) => new Date(d.start + binMs), y: "n", fill: "kind", order: ["wrongful", "correct"], insetLeft: 0.5, insetRight: 0.5, tip: true, title: (d: (typeof long)[number]) => `${when(d.start)} to ${when(d.start + binMs).slice(11)} UTC\n${truthColor.tickFormat(d.kind)}: ${d.n}`})),
      Plot.lineY(bins, {x: (b: IncidentBin) => new Date(b.start + binMs / 2), y: "appeals", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.5, curve: "step"}),
      Plot.text([push], {x: (t: number) => new Date(t), frameAnchor: "top", text: () => "Push", dx: 3, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.text([rollback], {x: (t: number) => new Date(t), frameAnchor: "top", text: () => "Rollback", dx: 3, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.ruleY([0])
    ]
  }), {name: "incident bins", rows: bins});
}
