/**
 * A fixed layout for the entity-resolution graph (accounts and the identifiers they share), computed
 * once at build time with d3-force so that the page only draws it. d3-force starts from a phyllotaxis
 * arrangement and draws its jitter from its own fixed-seed generator, so the layout is the same on every
 * build.
 */
import {forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum} from "d3";

export interface GraphNode {
  id: string;
  kind: "account" | "device" | "payment" | "ip_prefix";
  component: number;
}

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly {source: string; target: string}[], {ticks = 300} = {}): PlacedNode[] {
  type N = GraphNode & SimulationNodeDatum;
  const sim: N[] = nodes.map((n) => ({...n}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of edges) if (!ids.has(e.source) || !ids.has(e.target)) throw new Error(`invalid edge: ${e.source}-${e.target} (unknown node)`);
  const links = edges.map((e) => ({...e}));
  const simulation = forceSimulation<N>(sim)
    .force("link", forceLink<N, {source: string; target: string}>(links).id((d) => d.id).distance(8).strength(0.7))
    .force("charge", forceManyBody<N>().strength(-12).distanceMax(120))
    .force("collide", forceCollide<N>(3))
    .force("x", forceX<N>(0).strength(0.04))
    .force("y", forceY<N>(0).strength(0.04))
    .stop();
  simulation.tick(ticks);
  return sim.map((n) => ({id: n.id, kind: n.kind, component: n.component, x: Math.round((n.x ?? 0) * 10) / 10, y: Math.round((n.y ?? 0) * 10) / 10}));
}
