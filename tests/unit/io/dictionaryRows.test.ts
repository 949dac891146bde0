import {describe, expect, it} from "vitest";
import {columnRows, columnRule, tableIntro, tableRows} from "../../../src/io/dictionaryRows.js";
import type {TableSchema} from "../../../src/io/schema.js";

const schema: TableSchema = {
  name: "flags",
  description: "One flag each.",
  grain: "flag",
  key: ["flag_id"],
  references: [{column: "user_id", table: "users"}, {column: "rid", table: "reviewers", references: "reviewer_id"}],
  columns: [
    {name: "flag_id", type: "int", unique: true, min: 1, description: "Id."},
    {name: "category", type: "string", values: ["spam", "nudity"], description: "Policy."},
    {name: "user_id", type: "string", identifier: true, nullable: true, description: "Poster."}
  ]
};

describe("dictionaryRows", () => {
  it("columnRule(c) lists accepted values, an open range with ∞ and uniqueness", () => {
    expect(columnRule({values: ["a", "b"]})).toBe("one of a, b");
    expect(columnRule({min: 1, unique: true})).toBe("range 1 to ∞; unique");
    expect(columnRule({max: 0})).toBe("range −∞ to 0");
    expect(columnRule({})).toBe("");
  });
  it("tableIntro(schema, rows) states rows, description, key and references (a renamed one as table.column)", () => {
    expect(tableIntro(schema, 1234)).toBe("1,234 rows. One flag each. Key: flag_id. References: user_id → users.user_id, rid → reviewers.reviewer_id.");
    expect(tableIntro({...schema, key: undefined, references: []}, 0)).toBe("0 rows. One flag each. Key: none.");
  });
  it("tableRows(schemas, rows) gives each table's row count, column count and grain", () => {
    expect(tableRows([schema], new Map([["flags", 9]]))).toEqual([{table: "flags", rows: 9, columns: 3, grain: "flag", description: "One flag each."}]);
    expect(tableRows([schema], new Map())[0].rows).toBeUndefined();
  });
  it("columnRows(schema) marks nullable and identifier columns", () => {
    expect(columnRows(schema).map((r) => [r.column, r.nullable, r.identifier, r.rule])).toEqual([
      ["flag_id", "no", "", "range 1 to ∞; unique"],
      ["category", "no", "", "one of spam, nudity"],
      ["user_id", "yes", "yes", ""]
    ]);
  });
});
