import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

export interface StaffingPoint {
  servers: number;
  stable: boolean;
  /** Service level against each target, in the order of `targets`. */
  levels: number[];
}

/**
 * Erlang C's predicted service level against the number of reviewers on shift, one line per target
 * ("waits at most t hours"), the level each target asks for (dashed), the chosen count, and what the
 * simulation produced at its actual mean staffing (hollow dots).
 */
export function staffingChart(rows: readonly StaffingPoint[], {width, height = 300, targets, selected, observed}: {width?: number; height?: number; targets: readonly {hours: number; level: number; label: string}[]; selected: number; observed?: {servers: number; levels: number[]}}) {
  const long = rows.flatMap((r) => targets.map((t, i) => ({servers: r.servers, target: t.label, level: r.levels[i], stable: r.stable})));
  const sim = observed ? targets.map((t, i) => ({servers: observed.servers, target: t.label, level: observed.levels[i]})) : [];
  const unstable = rows.filter((r) => !r.stable).map((r) => r.servers);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: {label: "Reviewers on shift at once →", grid: true, tickFormat: "d"},
    y: {domain: [0, 100], label: "Cases waiting at most the target (%)", percent: true, grid: true},
    color: {domain: targets.map((t) => t.label), legend: true, range: ["var(--theme-foreground-focus)", "#ef8a62", "#6a3d9a"]},
    marks: [
      unstable.length ? Plot.rectX([0], {x1: Math.min(...unstable) - 0.5, x2: Math.max(...unstable) + 0.5, fill: "var(--theme-foreground-faintest)"}) : null,
      unstable.length ? Plot.text([0], {x: (Math.min(...unstable) + Math.max(...unstable)) / 2, frameAnchor: "top", dy: 6, text: () => "unstable: load ≥ reviewers", fill: "var(--theme-foreground-muted)"}) : null,
      Plot.ruleY(targets, {y: "level", stroke: (t: {label: string}) => t.label, strokeDasharray: "4,3"}),
      Plot.line(long, {x: "servers", y: "level", stroke: "target", strokeWidth: 2}),
      // Tips are sentences: the y scale is in percent, so formatting its channel as a share would multiply by 100 twice.
      Plot.dot(long, {x: "servers", y: "level", fill: "target", r: 3, tip: true, title: (d: (typeof long)[number]) => `${d.target}\nErlang C at ${d.servers} on shift: ${formatPercent(d.level)} of cases`}),
      Plot.ruleX([selected], {stroke: "var(--theme-foreground)", strokeWidth: 1.5}),
      Plot.dot(sim, {x: "servers", y: "level", stroke: "target", r: 7, strokeWidth: 2, tip: true, title: (d: (typeof sim)[number]) => `${d.target}\nSimulation at ${formatNumber(d.servers, 2)} on shift: ${formatPercent(d.level)} of cases`})
    ],
    caption: `Lines: Erlang C. Dashed: the share each target asks for. Vertical line: the chosen count.${observed ? ` Hollow dots: the simulation at its mean staffing (${formatNumber(observed.servers, 1)} on shift).` : ""}`
  }), {name: "staffing", rows: long});
}
