import {describe, expect, it} from "vitest";
import {labelLeakRows, weakestSlice} from "../../../src/science/modelCard.js";

describe("modelCard", () => {
  it("labelLeakRows(leak) names each label and pairs its positive shares with the detectors' AP against it", () => {
    const rows = labelLeakRows({
      rates: [
        {label: "truth_abusive", withBlock: {positives: 9, rows: 10}, withoutBlock: {positives: 1, rows: 100}},
        {label: "truth_abusive_posted", withBlock: {positives: 3, rows: 4}, withoutBlock: {positives: 2, rows: 100}}
      ],
      averagePrecision: {label: {model: 0.8, heuristic: 0.6}, posted: {model: 0.5, heuristic: 0.3}}
    });
    expect(rows).toEqual([
      {label: "Any abusive event", withBlock: 0.9, withoutBlock: 0.01, apModel: 0.8, apHeuristic: 0.6},
      {label: "Abusive content posted", withBlock: 0.75, withoutBlock: 0.02, apModel: 0.5, apHeuristic: 0.3}
    ]);
  });

  it("weakestSlice(slices) is the slice of the lowest model AP, the first of ties, and [] throws", () => {
    const slices = [{slice: "New", apModel: 0.4}, {slice: "Old", apModel: 0.3}, {slice: "Ring", apModel: 0.3}];
    expect(weakestSlice(slices).slice).toBe("Old");
    expect(slices[0].slice).toBe("New");
    expect(() => weakestSlice([])).toThrow("invalid slices: none");
  });
});
