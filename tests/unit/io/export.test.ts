import {describe, expect, it} from "vitest";
import {columnsToRows, rowsToColumns, rowsToCsv} from "../../../src/io/export.js";
import type {TableSchema} from "../../../src/io/schema.js";

const SCHEMA: TableSchema = {
  name: "t",
  description: "fixture",
  grain: "row",
  columns: [
    {name: "day", type: "date", description: ""},
    {name: "ts", type: "timestamp", description: "", nullable: true},
    {name: "n", type: "int", description: ""}
  ]
};

describe("rows and columns", () => {
  it("rowsToColumns puts Date objects back in the contract's forms and missing values as null", () => {
    const rows = [{day: new Date(Date.UTC(2025, 2, 1)), ts: new Date(Date.UTC(2025, 2, 1, 6)), n: 1}, {day: "2025-03-02", n: 2}];
    expect(rowsToColumns(rows, SCHEMA)).toEqual({day: ["2025-03-01", "2025-03-02"], ts: [Date.UTC(2025, 2, 1, 6), null], n: [1, 2]});
    expect(rowsToCsv(rows, SCHEMA)).toBe("day,ts,n\r\n2025-03-01,2025-03-01T06:00:00.000Z,1\r\n2025-03-02,,2\r\n");
  });

  it("columnsToRows gives one object per row, of all or of the named columns in their order", () => {
    const columns = {a: Int32Array.of(1, 2), b: ["x", "y"], c: [true, false]};
    expect(columnsToRows(columns)).toEqual([{a: 1, b: "x", c: true}, {a: 2, b: "y", c: false}]);
    expect(columnsToRows(columns, ["c", "a"]).map((r) => Object.keys(r))).toEqual([["c", "a"], ["c", "a"]]);
    expect(columnsToRows({}, [])).toEqual([]);
  });

  it("columnsToRows undoes rowsToColumns", () => {
    const rows = [{day: "2025-03-01", ts: 5, n: 1}, {day: "2025-03-02", ts: null, n: 2}];
    expect(columnsToRows(rowsToColumns(rows, SCHEMA))).toEqual(rows);
  });
});
