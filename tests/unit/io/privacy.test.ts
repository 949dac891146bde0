import {describe, expect, it} from "vitest";
import {pseudonymise, suppressSmallCells} from "../../../src/io/privacy.js";
import type {TableSchema} from "../../../src/io/schema.js";

const schema: TableSchema = {
  name: "t",
  description: "",
  grain: "",
  columns: [
    {name: "user_id", type: "string", identifier: true, description: ""},
    {name: "payment_id", type: "string", nullable: true, identifier: true, description: ""},
    {name: "country", type: "string", description: ""}
  ]
};

describe("pseudonymise", () => {
  it("pseudonymise(schema, columns, hash) maps identifier columns only, consistently, keeping nulls", () => {
    const out = pseudonymise(schema, {user_id: ["U1", "U2", "U1"], payment_id: ["P1", null, "P1"], country: ["U1", "x", "y"]}, (v) => `h(${v})`);
    expect(out.user_id).toEqual(["h(U1)", "h(U2)", "h(U1)"]);
    expect(out.payment_id).toEqual(["h(P1)", null, "h(P1)"]);
    expect(out.country).toEqual(["U1", "x", "y"]);
  });
});

describe("suppressSmallCells", () => {
  const groups = [{total: "total", parts: ["a", "b", "c"]}];
  it("suppressSmallCells suppresses 1 to 10 and adds the smallest non-zero part as a secondary", () => {
    const {columns, primary, secondary} = suppressSmallCells({total: [120], a: [5, ], b: [40], c: [75]}, ["total", "a", "b", "c"], groups);
    expect(columns).toMatchObject({total: [120], a: [null], b: [null], c: [75]});
    expect([primary, secondary]).toEqual([1, 1]);
  });
  it("suppressSmallCells leaves zeros alone, prefers a non-zero secondary, and needs none for two primaries", () => {
    const {columns, secondary} = suppressSmallCells({total: [30], a: [0], b: [3], c: [27]}, ["total", "a", "b", "c"], groups);
    // Hiding the zero would leave b within 0..3; hiding c leaves b + c = 30.
    expect(columns).toMatchObject({total: [30], a: [0], b: [null], c: [null]});
    expect(secondary).toBe(1);
    const two = suppressSmallCells({total: [40], a: [2], b: [3], c: [35]}, ["total", "a", "b", "c"], groups);
    expect(two.columns).toMatchObject({a: [null], b: [null], c: [35]});
    expect(two.secondary).toBe(0);
  });
  it("suppressSmallCells hides a small total and protects parts across groups sharing a total", () => {
    const groups2 = [...groups, {total: "total", parts: ["x", "y"]}];
    const {columns} = suppressSmallCells({total: [9, 50], a: [4, 20], b: [5, 20], c: [0, 10], x: [9, 45], y: [0, 5]}, ["total", "a", "b", "c", "x", "y"], groups2, {rate: ["a"]});
    expect(columns.total).toEqual([null, 50]);
    // Row 1: c (10) is primary, so a or b is hidden too; y (5) is primary, so x is hidden too.
    expect((columns.c as unknown[])[1]).toBeNull();
    expect([(columns.a as unknown[])[1], (columns.b as unknown[])[1]].filter((v) => v === null).length).toBe(1);
    expect((columns.x as unknown[])[1]).toBeNull();
  });
  it("suppressSmallCells nulls derived columns of suppressed inputs", () => {
    const {columns} = suppressSmallCells({total: [100, 100], a: [3, 50], b: [97, 50], rate: [0.03, 0.5]}, ["total", "a", "b"], [{total: "total", parts: ["a", "b"]}], {rate: ["a"]});
    expect(columns.rate).toEqual([null, 0.5]);
  });
});
