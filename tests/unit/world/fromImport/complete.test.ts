import {describe, expect, it} from "vitest";
import {importTable} from "../../../../src/io/import/contract.js";
import {completeImport} from "../../../../src/world/fromImport/complete.js";

describe("completeImport(imported, tables)", () => {
  const tables = [importTable("reviewers"), importTable("rings")];
  const done = completeImport({reviewers: {reviewer_id: ["R1", "R2"], hub: ["Dublin", "Manila"]}}, tables);
  it("gives a supplied table's missing optional columns as nulls, one per row", () => {
    expect(done.reviewers.reviewer_id).toEqual(["R1", "R2"]);
    expect(done.reviewers.accuracy).toEqual([null, null]);
    expect(Object.keys(done.reviewers)).toEqual(expect.arrayContaining(importTable("reviewers").columns.map((c) => c.name)));
  });
  it("gives a table the platform did not supply with every column and no rows", () => {
    expect(done.rings).toEqual(Object.fromEntries(importTable("rings").columns.map((c) => [c.name, []])));
  });
});
