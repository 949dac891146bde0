import {describe, expect, it} from "vitest";
import {binTop, hourBin, hourEdges} from "../../../src/core/hourBins.js";

describe("hour bins", () => {
  it("hourEdges(max) steps 0.05 h under an hour, then 0.25 h through the bin that holds max", () => {
    const edges = hourEdges(1.6);
    expect(edges.slice(0, 3)).toEqual([0, 0.05, 0.1]);
    expect(edges.slice(19)).toEqual([0.95, 1, 1.25, 1.5]);
  });
  it("hourBin(hours, edges) is the bin whose lower edge is the last at or under hours", () => {
    const edges = hourEdges(1.6);
    expect(edges[hourBin(0, edges)]).toBe(0);
    expect(edges[hourBin(0.049, edges)]).toBe(0);
    expect(edges[hourBin(0.05, edges)]).toBe(0.05);
    expect(edges[hourBin(0.999, edges)]).toBe(0.95);
    expect(edges[hourBin(1, edges)]).toBe(1);
    expect(edges[hourBin(1.6, edges)]).toBe(1.5);
  });
  it("binTop(lo) is the next edge: 0.05 h up under an hour, 0.25 h from an hour on", () => {
    const edges = hourEdges(3);
    expect(edges.slice(0, -1).map(binTop)).toEqual(edges.slice(1));
    expect(binTop(0.95)).toBe(1);
    expect(binTop(2.75)).toBe(3);
  });
});
