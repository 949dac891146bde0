import {describe, expect, it} from "vitest";
import {countCube} from "../../../src/world/cubes.js";

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

describe("countCube with sums", () => {
  it("countCube(length, fields, keep, sums) sums each named value over a row's items", () => {
    const score = [0.5, 0.25, 1];
    const fields = [{name: "odd", values: [false, true], index: (i: number) => i % 2}];
    expect(countCube(3, fields, undefined, {score_sum: (i) => score[i]})).toEqual({odd: [false, true], n: [2, 1], score_sum: [1.5, 0.25]});
  });
});
