import {describe, expect, it} from "vitest";
import {countCube, ttaBin, ttaEdges} from "../../../src/world/cubes.js";

describe("countCube", () => {
  const color = ["red", "blue", "red", "red", "blue"];
  const size = [1, 0, 1, 0, 0];
  const fields = [
    {name: "color", values: ["blue", "red"], index: (i: number) => (color[i] === "blue" ? 0 : 1)},
    {name: "big", values: [false, true], index: (i: number) => size[i]}
  ];
  it("countCube(length, fields) has one row per combination that occurs, ordered by the fields, with its count n", () => {
    expect(countCube(5, fields)).toEqual({color: ["blue", "red", "red"], big: [false, false, true], n: [2, 1, 2]});
  });
  it("countCube(length, fields, keep) counts only the items keep accepts", () => {
    expect(countCube(5, fields, (i) => i !== 0)).toEqual({color: ["blue", "red", "red"], big: [false, false, true], n: [2, 1, 1]});
  });
  it("countCube(0, fields) is empty", () => {
    expect(countCube(0, fields)).toEqual({color: [], big: [], n: []});
  });
});

describe("time-to-action bins", () => {
  it("ttaEdges(max) steps 0.05 h under an hour, then 0.25 h through the bin that holds max", () => {
    const edges = ttaEdges(1.6);
    expect(edges.slice(0, 3)).toEqual([0, 0.05, 0.1]);
    expect(edges.slice(19)).toEqual([0.95, 1, 1.25, 1.5]);
  });
  it("ttaBin(hours, edges) is the bin whose lower edge is the last at or under hours", () => {
    const edges = ttaEdges(1.6);
    expect(edges[ttaBin(0, edges)]).toBe(0);
    expect(edges[ttaBin(0.049, edges)]).toBe(0);
    expect(edges[ttaBin(0.05, edges)]).toBe(0.05);
    expect(edges[ttaBin(0.999, edges)]).toBe(0.95);
    expect(edges[ttaBin(1, edges)]).toBe(1);
    expect(edges[ttaBin(1.6, edges)]).toBe(1.5);
  });
});

describe("countCube with sums", () => {
  it("countCube(length, fields, keep, sums) sums each named value over a row's items", () => {
    const score = [0.5, 0.25, 1];
    const fields = [{name: "odd", values: [false, true], index: (i: number) => i % 2}];
    expect(countCube(3, fields, undefined, {score_sum: (i) => score[i]})).toEqual({odd: [false, true], n: [2, 1], score_sum: [1.5, 0.25]});
  });
});
