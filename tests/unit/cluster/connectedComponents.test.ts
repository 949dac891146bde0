import {describe, expect, it} from "vitest";
import {connectedComponents} from "../../../src/cluster/connectedComponents.js";

describe("connectedComponents", () => {
  it("connectedComponents(n, edges) numbers components by their smallest node", () => {
    expect(Array.from(connectedComponents(6, [[4, 5], [1, 3], [3, 5]]))).toEqual([0, 1, 2, 1, 1, 1]);
  });
  it("connectedComponents(n, []) gives singletons and loops change nothing", () => {
    expect(Array.from(connectedComponents(3, [[1, 1]]))).toEqual([0, 1, 2]);
    expect(connectedComponents(0, []).length).toBe(0);
  });
  it("connectedComponents rejects edges outside the graph", () => {
    expect(() => connectedComponents(2, [[0, 2]])).toThrow("invalid edge: 0-2 (nodes are 0 to 1)");
  });
});
