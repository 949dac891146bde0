import * as Plot from "@observablehq/plot";

export interface ContingencyCell {
  cluster: number;
  group: string;
  count: number;
}

/** Distinct texts per cluster (rows) and true template group (columns): a pure cluster is one dark cell in its row. */
export function contingencyChart(cells: readonly ContingencyCell[], {width, height, groups}: {width?: number; height?: number; groups?: readonly string[]} = {}) {
  const clusters = [...new Set(cells.map((c) => c.cluster))].sort((a, b) => a - b);
  const domain = groups ?? [...new Set(cells.map((c) => c.group))].sort();
  const totals = new Map<number, number>();
  for (const c of cells) totals.set(c.cluster, (totals.get(c.cluster) ?? 0) + c.count);
  return Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height: height ?? 60 + 22 * clusters.length,
    marginLeft: 70,
    marginBottom: 110,
    x: {domain, label: null, tickRotate: -35},
    y: {domain: clusters, label: "Cluster", tickFormat: (c: number) => `C${c}`},
    color: {type: "sqrt", scheme: "blues", label: "Distinct texts", legend: true},
    marks: [
      Plot.cell(cells, {x: "group", y: "cluster", fill: "count", inset: 0.5, tip: true, title: (d: ContingencyCell) => `Cluster C${d.cluster}, true group ${d.group}\n${d.count} distinct texts (${((100 * d.count) / (totals.get(d.cluster) ?? 1)).toFixed(0)}% of the cluster)`}),
      Plot.text(cells, {x: "group", y: "cluster", text: (d: ContingencyCell) => (d.count >= 10 ? d.count : ""), fill: (d: ContingencyCell) => (d.count / (totals.get(d.cluster) ?? 1) > 0.5 ? "white" : "currentColor"), fontSize: 9})
    ]
  });
}
