import {describe, expect, it} from "vitest";
import {boundComponents, largestGroups} from "../../../src/science/boundRows.js";

describe("boundComponents(componentOf, maxRows)", () => {
  // Rows 0..9 in components 7 (3 rows), 2 (4 rows), 5 (2 rows) and 9 (1 row), interleaved.
  const componentOf = [7, 2, 7, 5, 2, 2, 9, 7, 5, 2];
  it("keeps every row, in order, when they all fit", () => {
    const b = boundComponents(componentOf, 10);
    expect(b.rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect({shown: b.shownComponents, total: b.totalComponents, rows: b.totalRows}).toEqual({shown: 4, total: 4, rows: 10});
  });
  it("keeps whole components, largest first, and skips one larger than the room left", () => {
    // 2 (4 rows) then 7 (3) make 7 of 8; 5 (2) does not fit, 9 (1) does.
    const b = boundComponents(componentOf, 8);
    expect([...b.kept].sort((x, y) => x - y)).toEqual([2, 7, 9]);
    expect(b.rows).toEqual([0, 1, 2, 4, 5, 6, 7, 9]);
    expect(b.shownComponents).toBe(3);
  });
  it("breaks ties in size by the lower component number", () => {
    // Components 4 and 3 both have 2 rows; room for one: 3 is kept.
    expect(boundComponents([4, 4, 3, 3], 3).rows).toEqual([2, 3]);
  });
  it("keeps nothing when every component is larger than the budget", () => {
    const b = boundComponents([1, 1, 1], 2);
    expect(b.rows).toEqual([]);
    expect({shown: b.shownComponents, total: b.totalComponents}).toEqual({shown: 0, total: 1});
  });
  it("rejects a budget that is not a positive integer, naming what it counts", () => {
    expect(() => boundComponents(componentOf, 0, "account")).toThrow("invalid account budget: 0");
    expect(() => boundComponents(componentOf, 2.5)).toThrow("invalid row budget: 2.5");
  });
});

describe("largestGroups(sizes, maxGroups, also)", () => {
  const sizes = [1, 5, 2, 5, 9, 1];
  it("returns the largest groups, ties by index, in index order", () => {
    // By size: 4 (9), then 1 and 3 (5 each, 1 first), then 2 (2).
    expect(largestGroups(sizes, 1)).toEqual([4]);
    expect(largestGroups(sizes, 2)).toEqual([1, 4]);
    expect(largestGroups(sizes, 3)).toEqual([1, 3, 4]);
  });
  it("adds every group in `also`, once", () => {
    expect(largestGroups(sizes, 2, [0, 4, 5])).toEqual([0, 1, 4, 5]);
  });
  it("keeps every group when the budget covers them", () => {
    expect(largestGroups(sizes, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(largestGroups(sizes, 100)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it("rejects a bad budget and a group that does not exist", () => {
    expect(() => largestGroups(sizes, 0)).toThrow("invalid group budget: 0");
    expect(() => largestGroups(sizes, 2, [6])).toThrow("no group 6 of 6");
  });
});
