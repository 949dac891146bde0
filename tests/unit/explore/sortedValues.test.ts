import {describe, expect, it} from "vitest";
import {sortedValues} from "../../../src/explore/sortedValues.js";

describe("sortedValues(rows, key)", () => {
  it("sortedValues(rows, key) lists each value once, in code-unit order", () => {
    expect(sortedValues([{r: "EMEA"}, {r: "APAC"}, {r: "EMEA"}, {r: "AMER"}], "r")).toEqual(["AMER", "APAC", "EMEA"]);
  });
  it("sortedValues([], key) is empty", () => {
    expect(sortedValues([] as {r: string}[], "r")).toEqual([]);
  });
});
