import * as Plot from "@observablehq/plot";
import {linkColor} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface GraphNode {
  id: string;
  kind: "account" | "device" | "payment" | "ip_prefix";
  component: number;
  x: number;
  y: number;
  ring: string | null;
  actor: string | null;
}

/**
 * Plot moves each symbol other than a circle into place with its own transform attribute. The
 * browser keeps a paint property node per transform and revisits them all whenever content above
 * the graph changes height (an input elsewhere on the page), though the graph is unchanged. Writing
 * each path at its position instead draws the same squares without them.
 */
function placeSymbols(index: number[], scales: Plot.ScaleFunctions, values: Plot.ChannelValues, dimensions: Plot.Dimensions, context: Plot.Context, next?: Plot.RenderFunction): SVGElement | null {
  const g = next!(index, scales, values, dimensions, context);
  for (const path of g?.querySelectorAll("path[transform]") ?? []) {
    const at = /^translate\(([^,]+),([^)]+)\)$/.exec(path.getAttribute("transform")!);
    const start = /^M([^,]+),([^a-zA-Z]+)/.exec(path.getAttribute("d")!);
    if (!at || !start) continue;
    path.setAttribute("d", `M${+at[1] + +start[1]},${+at[2] + +start[2]}${path.getAttribute("d")!.slice(start[0].length)}`);
    path.removeAttribute("transform");
  }
  return g;
}

/**
 * The candidate rings of entity resolution as a graph: accounts (circles, coloured by their true ring,
 * grey outside rings) joined to the identifiers they share (small squares, coloured by kind).
 */
export function entityGraphChart(nodes: readonly GraphNode[], edges: readonly {source: string; target: string}[], {width, height = 520, rings = []}: {width?: number; height?: number; rings?: readonly string[]} = {}) {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const segments = edges.map((e) => ({a: at.get(e.source)!, b: at.get(e.target)!})).filter((s) => s.a && s.b);
  const accounts = nodes.filter((n) => n.kind === "account");
  const identifiers = nodes.filter((n) => n.kind !== "account");
  const kindColor = (kind: string) => linkColor.range[(linkColor.domain as string[]).indexOf(kind)] ?? "#9498a0";
  // Ring colours stay clear of the three identifier colours (blue, green, pink).
  const ringColors = ["#efb118", "#ff725c", "#6cc5b0", "#a463f2", "#9c6b4e", "#1b9e77", "#d95f02", "#e7298a", "#7570b3", "#66a61e"];
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    inset: 10,
    x: {axis: null},
    y: {axis: null},
    aspectRatio: 1,
    color: {domain: [...rings, "not in a ring"], range: [...ringColors.slice(0, rings.length), "#9498a0"], legend: true, label: "True ring of the account"},
    marks: [
      Plot.link(segments, {x1: (s) => s.a.x, y1: (s) => s.a.y, x2: (s) => s.b.x, y2: (s) => s.b.y, stroke: (s) => kindColor(s.a.kind === "account" ? s.b.kind : s.a.kind), strokeOpacity: 0.35}),
      Plot.dot(identifiers, {x: "x", y: "y", symbol: "square", r: 2.5, fill: (n: GraphNode) => kindColor(n.kind), render: placeSymbols}),
      Plot.dot(accounts, {x: "x", y: "y", r: 3.5, fill: (n: GraphNode) => n.ring ?? "not in a ring", stroke: "var(--theme-background)", strokeWidth: 0.5}),
      Plot.tip(nodes, Plot.pointer({x: "x", y: "y", title: (n: GraphNode) => (n.kind === "account" ? `Account ${n.id}\ncomponent ${n.component}\ntrue ring: ${n.ring ?? "none"} (${n.actor})` : `Shared ${n.kind.replace("_", " ")} ${n.id.slice(n.id.indexOf(":") + 1)}\ncomponent ${n.component}`)}))
    ]
  }), {name: "entity graph", rows: nodes});
}
