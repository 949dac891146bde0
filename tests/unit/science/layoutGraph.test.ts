import {describe, expect, it} from "vitest";
import {layoutGraph} from "../../../src/science/layoutGraph.js";

const nodes = [
  {id: "a", kind: "account" as const, component: 0},
  {id: "b", kind: "account" as const, component: 0},
  {id: "device:1", kind: "device" as const, component: 0}
];
const edges = [{source: "device:1", target: "a"}, {source: "device:1", target: "b"}];

describe("layoutGraph", () => {
  it("layoutGraph(nodes, edges) places every node, the same way every time", () => {
    const a = layoutGraph(nodes, edges);
    const b = layoutGraph(nodes, edges);
    expect(a).toEqual(b);
    expect(a.map((n) => n.id)).toEqual(["a", "b", "device:1"]);
    for (const n of a) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    // Linked nodes end up close: the link distance is 8.
    const [pa, , pd] = a;
    expect(Math.hypot(pa.x - pd.x, pa.y - pd.y)).toBeLessThan(30);
  });
  it("layoutGraph rejects an edge to an unknown node", () => {
    expect(() => layoutGraph(nodes, [{source: "a", target: "z"}])).toThrow("invalid edge: a-z (unknown node)");
  });
});
