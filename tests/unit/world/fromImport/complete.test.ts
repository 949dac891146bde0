import {describe, expect, it} from "vitest";
import {importTable} from "../../../../src/io/import/contract.js";
import {completeImport} from "../../../../src/world/fromImport/complete.js";

describe("completeImport(imported, tables)", () => {
  const tables = [importTable("reviewers"), importTable("rings"), importTable("daily_activity")];
  const done = completeImport({reviewers: {reviewer_id: ["R1", "R2"], hub: ["Dublin", "Manila"]}}, tables);
  it("gives a supplied table's missing ground-truth columns as nulls, one per row, and leaves its other columns absent", () => {
    expect(done.reviewers.reviewer_id).toEqual(["R1", "R2"]);
    expect(done.reviewers.accuracy).toEqual([null, null]);
    // Shifts are not ground truth: without them the queue tables stop with the columns they need.
    expect(Object.keys(done.reviewers)).toEqual(["reviewer_id", "hub", "accuracy"]);
  });
  it("gives a table the platform did not supply with every column and no rows, when its published table may be empty", () => {
    expect(done.rings).toEqual(Object.fromEntries(importTable("rings").columns.map((c) => [c.name, []])));
  });
  it("gives every optional table the platform did not supply with no rows (daily activity too: what it feeds is then null, nullFedColumns), and leaves a required one absent", () => {
    expect(done.daily_activity).toEqual(Object.fromEntries(importTable("daily_activity").columns.map((c) => [c.name, []])));
    expect(completeImport({}, [importTable("flags")]).flags).toBeUndefined();
  });
});
