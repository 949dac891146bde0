import {describe, expect, it} from "vitest";
import {boundGraph} from "../../../src/science/boundGraph.js";
import type {GraphNode} from "../../../src/science/layoutGraph.js";

const component = (c: number, n: number): GraphNode[] => Array.from({length: n}, (_, i) => ({id: `a${c}-${i}`, kind: "account", component: c}));
const chain = (nodes: GraphNode[]) => nodes.slice(1).map((n, i) => ({source: nodes[i].id, target: n.id}));

describe("boundGraph(nodes, edges, maxNodes)", () => {
  const parts = [component(1, 3), component(2, 5), component(3, 4), component(4, 4)];
  const nodes = parts.flat();
  const edges = parts.flatMap(chain);
  it("keeps everything when the graph fits", () => {
    const g = boundGraph(nodes, edges, 100);
    expect(g.nodes).toHaveLength(16);
    expect(g.edges).toHaveLength(12);
    expect({shown: g.shownComponents, total: g.totalComponents}).toEqual({shown: 4, total: 4});
  });
  it("keeps whole components, largest first, ties by component number, and skips one that does not fit", () => {
    // Largest first: component 2 (5) and 3 (4) make 9; component 4 (4) and then 1 (3) would pass 10. With 12, component 1 fits after 4 is skipped.
    const g = boundGraph(nodes, edges, 10);
    expect([...new Set(g.nodes.map((n) => n.component))]).toEqual([2, 3]);
    expect(g.edges.every((e) => g.nodes.some((n) => n.id === e.source) && g.nodes.some((n) => n.id === e.target))).toBe(true);
    expect(boundGraph(nodes, edges, 12).nodes.map((n) => n.component).filter((c, i, a) => a.indexOf(c) === i)).toEqual([1, 2, 3]);
  });
  it("rejects a budget that is not a positive integer", () => {
    expect(() => boundGraph(nodes, edges, 0)).toThrow("invalid node budget: 0");
  });
});
