import {describe, expect, it} from "vitest";
import {searchRows} from "../../../src/metrics/searchRows.js";

const rows = [
  {date: new Date("2025-07-14T00:00:00Z"), country: "Vietnam", region: "APAC", reports: 120},
  {date: new Date("2025-07-15T00:00:00Z"), country: "Viet Nam-like", region: "APAC", reports: 14},
  {date: new Date("2025-07-14T00:00:00Z"), country: "Brazil", region: "AMER", reports: null}
];
const hits = (q: string) => rows.filter(searchRows(q)).map((r) => `${r.country}`);

describe("searchRows", () => {
  it("searchRows(query) finds a date typed as YYYY-MM-DD", () => {
    expect(hits("2025-07-14")).toEqual(["Vietnam", "Brazil"]);
    expect(hits("2025-07")).toEqual(["Vietnam", "Viet Nam-like", "Brazil"]);
  });
  it("searchRows(query) needs every term to start a word of some cell, ignoring case", () => {
    expect(hits("apac 2025-07-14")).toEqual(["Vietnam"]);
    expect(hits("nam")).toEqual(["Viet Nam-like"]);
    expect(hits("14")).toEqual(["Viet Nam-like"]);
    expect(hits("")).toEqual(["Vietnam", "Viet Nam-like", "Brazil"]);
    expect(hits("(")).toEqual([]);
  });
});
