import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface ClusterQuality {
  k: number;
  silhouette: number;
  purity: number;
}

const MEASURES = ["Purity (against the true template groups)", "Silhouette (separation, no ground truth)"];

/**
 * Size, margins and scales of the quality chart, from its rows alone, so that its two layers (the
 * chosen k beneath, the measures on top) line up: the domains are those Plot infers from the measures.
 */
function qualityFrame(rows: readonly ClusterQuality[], width: number | undefined, height: number) {
  const ks = rows.map((r) => r.k);
  return {
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginTop: 20,
    marginRight: 20,
    marginBottom: 30,
    marginLeft: 40,
    x: {domain: ks.length ? [Math.min(...ks), Math.max(...ks)] : undefined},
    y: {domain: [0, 1]}
  };
}

function everyNth(ks: readonly number[], n: number): number[] {
  const step = [1, 2, 5, 10, 20, 50].find((s) => s >= n) ?? n;
  return ks.filter((k) => k % step === 0 || step === 1);
}

/**
 * Silhouette and purity against k. The chosen k and the grid are a layer of their own beneath this one
 * (clusterQualityRuleChart), so that moving k redraws only that layer.
 */
export function clusterQualityChart(rows: readonly ClusterQuality[], {width, height = 240}: {width?: number; height?: number} = {}) {
  const long = rows.flatMap((r) => [
    {k: r.k, measure: MEASURES[0], value: r.purity},
    {k: r.k, measure: MEASURES[1], value: r.silhouette}
  ]);
  const frame = qualityFrame(rows, width, height);
  return saveable(Plot.plot({
    ...frame,
    // One tick per k while they fit (about 28 px each), else every second, fifth, ... k.
    x: {...frame.x, label: "k (clusters) →", ticks: everyNth(rows.map((r) => r.k), Math.ceil((rows.length * 28) / (frame.width - 60))), tickFormat: "d"},
    y: {...frame.y, label: "↑ Score"},
    color: {domain: MEASURES, range: ["#4269d0", "#efb118"], legend: true},
    marks: [
      Plot.line(long, {x: "k", y: "value", stroke: "measure", marker: "circle"}),
      Plot.tip(long, Plot.pointer({x: "k", y: "value", stroke: "measure", title: (d) => `k = ${d.k}\n${d.measure}: ${formatNumber(d.value, 3)}`}))
    ]
  }), {name: "cluster quality", rows});
}

/**
 * The layer beneath clusterQualityChart, on its frame without axes: the horizontal grid, then the chosen
 * k as a dashed rule, in the order one chart drew them.
 */
export function clusterQualityRuleChart(rows: readonly ClusterQuality[], {width, height = 240, k}: {width?: number; height?: number; k: number}) {
  const frame = qualityFrame(rows, width, height);
  return Plot.plot({
    ...frame,
    x: {...frame.x, axis: null},
    y: {...frame.y, axis: null},
    marks: [Plot.gridY(), Plot.ruleX([k], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"})]
  });
}
