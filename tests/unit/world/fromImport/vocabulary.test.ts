import {describe, expect, it} from "vitest";
import {cell, labelIndex, Labeller, vocabularyIndex} from "../../../../src/world/fromImport/vocabulary.js";

describe("reading imported columns into indexes", () => {
  it("labelIndex maps only the wanted labels (nulls and absent ones left out) to their positions", () => {
    const index = labelIndex(Float64Array.of(40, 10, 30, 20), [30, null, 10, 99, 30]);
    expect([...index].sort((a, b) => a[0] - b[0])).toEqual([[10, 1], [30, 2]]);
    expect(labelIndex([5, 6], []).size).toBe(0);
  });

  it("Labeller gives dense indexes, first seen first, and keeps the labels", () => {
    const users = new Labeller(["u9"]);
    expect([users.of("u2"), users.of("u9"), users.of("u2"), users.labels, users.has("u3")]).toEqual([1, 0, 1, ["u9", "u2"], false]);
  });

  it("vocabularyIndex names the table, row and column of a value outside the vocabulary", () => {
    const severity = vocabularyIndex(["low", "high"], "flags", "severity");
    expect(severity("high", 0)).toBe(1);
    expect(() => severity("urgent", 4)).toThrow('import flags row 5, column severity: "urgent" is not one of low, high (value not allowed)');
  });

  it("cell reads null for an absent column and for NaN in a numeric one", () => {
    const table = {ml_score: Float64Array.of(0.5, NaN)};
    expect([cell(table, "ml_score", 0), cell(table, "ml_score", 1), cell(table, "surface", 0)]).toEqual([0.5, null, null]);
  });
});
