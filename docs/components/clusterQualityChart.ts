import * as Plot from "@observablehq/plot";

export interface ClusterQuality {
  k: number;
  silhouette: number;
  purity: number;
}

/** Silhouette and purity against k, with the chosen k marked. */
export function clusterQualityChart(rows: readonly ClusterQuality[], {width, height = 240, k}: {width?: number; height?: number; k?: number} = {}) {
  const long = rows.flatMap((r) => [
    {k: r.k, measure: "Purity (against the true template groups)", value: r.purity},
    {k: r.k, measure: "Silhouette (separation, no ground truth)", value: r.silhouette}
  ]);
  return Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    x: {label: "k (clusters) →", ticks: rows.map((r) => r.k), tickFormat: "d"},
    y: {domain: [0, 1], grid: true, label: "↑ Score"},
    color: {domain: ["Purity (against the true template groups)", "Silhouette (separation, no ground truth)"], range: ["#4269d0", "#efb118"], legend: true},
    marks: [
      k !== undefined ? Plot.ruleX([k], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}) : null,
      Plot.line(long, {x: "k", y: "value", stroke: "measure", marker: "circle"}),
      Plot.tip(long, Plot.pointer({x: "k", y: "value", stroke: "measure", title: (d) => `k = ${d.k}\n${d.measure}: ${d.value.toFixed(3)}`}))
    ]
  });
}
