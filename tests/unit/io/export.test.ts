import {describe, expect, it} from "vitest";
import {chartFileName, columnsToRows, recordsToCsv, rowsToColumns, rowsToCsv} from "../../../src/io/export.js";
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

describe("recordsToCsv", () => {
  it("recordsToCsv(rows) writes every key in first-seen order, dates as dates, nested values as JSON", () => {
    const rows = [{day: new Date(Date.UTC(2025, 2, 1)), n: 1}, {day: new Date(Date.UTC(2025, 2, 2, 6)), n: 2, values: [0.1, 0.9]}];
    expect(recordsToCsv(rows)).toBe('day,n,values\r\n2025-03-01,1,\r\n2025-03-02T06:00:00Z,2,"[0.1,0.9]"\r\n');
    expect(recordsToCsv([])).toBe("\r\n");
  });

  it("recordsToCsv neutralises formulas in cells and headers, and keeps negative numbers as numbers", () => {
    const csv = recordsToCsv([{"=key": "=HYPERLINK(\"http://evil.example\")", delta: -3, label: "-3", tag: "@x"}]);
    expect(csv.split("\r\n")[0]).toBe("'=key,delta,label,tag");
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://evil.example"")",-3,'-3,'@x`);
  });
});

describe("chartFileName", () => {
  it("chartFileName(name, title) joins the slugs of the chart's name and title", () => {
    expect(chartFileName("flagVolume", "Daily flag volume, by policy category")).toBe("flagvolume--daily-flag-volume-by-policy-category");
    expect(chartFileName("trend", null)).toBe("trend");
    expect(chartFileName("", "")).toBe("chart");
    expect(chartFileName("Trend", "trend")).toBe("trend");
    const long = chartFileName("x", "Share of human-reviewed flags decided within the SLA target, by severity and by week of the year");
    expect(long).toBe("x--share-of-human-reviewed-flags-decided-within-the-sla-target");
    expect(long.length).toBeLessThanOrEqual(3 + 60);
  });
});
