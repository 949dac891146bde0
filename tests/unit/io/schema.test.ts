import {describe, expect, it} from "vitest";
import {asStored, assertTable, checkTable, type TableSchema} from "../../../src/io/schema.js";

const SCHEMA: TableSchema = {
  name: "t",
  description: "fixture",
  grain: "row",
  key: ["id"],
  references: [{column: "owner", table: "owners", references: "owner_id"}],
  columns: [
    {name: "id", type: "int", unique: true, description: ""},
    {name: "kind", type: "string", values: ["a", "b"], description: ""},
    {name: "score", type: "float", min: 0, max: 1, description: ""},
    {name: "day", type: "date", description: ""},
    {name: "owner", type: "string", nullable: true, description: ""}
  ]
};
const OWNERS = {owners: {owner_id: ["o1", "o2"]}};

describe("checkTable", () => {
  it("checkTable(schema, valid) finds nothing", () => {
    expect(checkTable(SCHEMA, {id: [1, 2], kind: ["a", "b"], score: [0, 1], day: ["2025-03-01", "2025-08-31"], owner: ["o1", null]}, OWNERS)).toEqual([]);
  });
  it("checkTable(schema, broken) reports every violation in one run", () => {
    const v = checkTable(SCHEMA, {id: [1, 1, 2.5], kind: ["a", "c", null], score: [0.5, 2, NaN], day: ["2025-03-01", "March", "2025-02-30"], owner: ["o9", null, "o1"]}, OWNERS);
    const rules = v.map((x) => `${x.column}:${x.rule}`).sort();
    expect(rules).toEqual(["day:date YYYY-MM-DD", "id:integer", "id:unique", "kind:not null", "kind:one of a|b", "owner:references owners.owner_id", "score:<= 1", "score:not null"].sort());
    expect(v.find((x) => x.rule === "date YYYY-MM-DD")!.rows).toEqual([1, 2]);
  });
  it("checkTable(schema, empty) treats an empty table as an error", () => {
    expect(checkTable(SCHEMA, {id: [], kind: [], score: [], day: [], owner: []}, OWNERS).map((v) => v.rule)).toContain("non-empty");
  });
  it("checkTable(schema, columns) reports missing and unknown columns", () => {
    const rules = checkTable(SCHEMA, {id: [1], kind: ["a"], score: [0], day: ["2025-03-01"], extra: [1]}, OWNERS).map((v) => `${v.column}:${v.rule}`);
    expect(rules).toContain("owner:missing column");
    expect(rules).toContain("extra:unknown column");
  });
  it("checks each table's references against the same referenced tables, one after another", () => {
    const others = {owners: {owner_id: ["o1", "o2"]}};
    const row = {id: [1], kind: ["a"], score: [0], day: ["2025-03-01"]};
    expect(checkTable(SCHEMA, {...row, owner: ["o2"]}, others)).toEqual([]);
    expect(checkTable(SCHEMA, {...row, owner: ["o3"]}, others).map((v) => v.rule)).toEqual(["references owners.owner_id"]);
    // Another referenced column (another build's tables) is read afresh.
    expect(checkTable(SCHEMA, {...row, owner: ["o3"]}, {owners: {owner_id: ["o3"]}})).toEqual([]);
  });
  it("assertTable(schema, broken) throws one message naming the table and each rule", () => {
    expect(() => assertTable(SCHEMA, {id: [1, 1], kind: ["a", "z"], score: [0, 0], day: ["2025-03-01", "2025-03-01"], owner: [null, null]}, OWNERS)).toThrow(/table t has 2 violation\(s\)[\s\S]*t\.id: unique[\s\S]*t\.kind: one of a\|b/);
  });
});

describe("asStored", () => {
  it("asStored(schema, columns) rounds float32 columns as the Arrow file stores them and leaves the rest", () => {
    const schema: TableSchema = {name: "t", description: "", grain: "", key: [], columns: [
      {name: "a", type: "float", float32: true, description: ""},
      {name: "b", type: "float", description: ""}
    ]};
    const stored = asStored(schema, {a: [10.793, null], b: [10.793, 1]});
    expect(stored.a).toEqual([Math.fround(10.793), null]);
    expect(stored.a[0]).toBe(10.793000221252441);
    expect(stored.b).toEqual([10.793, 1]);
  });
});
