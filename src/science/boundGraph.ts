import {boundComponents} from "./boundRows.js";
import type {GraphNode} from "./layoutGraph.js";

/** What boundGraph kept of a graph, and of how much. */
export interface BoundedGraph {
  nodes: GraphNode[];
  edges: {source: string; target: string}[];
  shownComponents: number;
  totalComponents: number;
  totalNodes: number;
  maxNodes: number;
}

/** The page draws a few hundred nodes; a force layout of more costs time and shows nothing more. */
export const MAX_GRAPH_NODES = 800;

/**
 * Whole components of a graph, largest first (ties by component number), as long as they fit in
 * `maxNodes` nodes: a deterministic choice that keeps the layout's cost bounded however large the world
 * grows. A component larger than the budget is skipped, and smaller ones still fill the budget.
 */
export function boundGraph(nodes: readonly GraphNode[], edges: readonly {source: string; target: string}[], maxNodes = MAX_GRAPH_NODES): BoundedGraph {
  const bound = boundComponents(nodes.map((n) => n.component), maxNodes, "node");
  const keptNodes = bound.rows.map((i) => nodes[i]);
  const ids = new Set(keptNodes.map((n) => n.id));
  return {
    nodes: keptNodes,
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    shownComponents: bound.shownComponents,
    totalComponents: bound.totalComponents,
    totalNodes: nodes.length,
    maxNodes
  };
}
