import {describe, expect, it} from "vitest";
import type {ImportColumn, ImportTable} from "../../../../src/io/import/contract.js";
import {importCsv} from "../../../../src/io/import/exportTables.js";

const col = (name: string, type: ImportColumn["type"], extra: Partial<ImportColumn> = {}): ImportColumn => ({name, type, description: "", required: false, truth: false, maxLength: 200, nullable: true, ...extra});

/** A table with a column of every type, in contract order. */
const TABLE: ImportTable = {
  name: "things", description: "", required: false, truth: false, published: "things", key: [], references: [], derived: [], order: [], example: [],
  columns: [col("id", "int"), col("ts", "timestamp"), col("day", "date"), col("ok", "bool"), col("score", "float", {float32: true}), col("x", "float"), col("text", "string")]
};

describe("importCsv(table, columns)", () => {
  it("writes the header in contract order and every type in the import format", () => {
    const csv = importCsv(TABLE, {
      // Given out of order, with a column the contract does not have: the header is the contract's.
      text: ["=1+1", 'say "hi", then\nleave'],
      extra: [1, 2],
      x: [0.1, NaN],
      score: [0.97, null],
      ok: [true, false],
      day: ["2025-03-01", null],
      ts: [Date.UTC(2025, 2, 1, 8, 15, 0, 250), null],
      id: [1, 2]
    });
    expect(csv).toBe(
      "id,ts,day,ok,score,x,text\r\n" +
        `1,2025-03-01T08:15:00.250Z,2025-03-01,true,${Math.fround(0.97)},0.1,=1+1\r\n` +
        '2,,,false,,,"say ""hi"", then\nleave"\r\n'
    );
    expect(String(Math.fround(0.97))).toBe("0.9700000286102295");
  });

  it("writes only the columns it is given, and refuses a timestamp finer than a millisecond", () => {
    expect(importCsv(TABLE, {id: [], text: []})).toBe("id,text\r\n");
    expect(() => importCsv(TABLE, {ts: [1.5]})).toThrow("export: ts holds 1.5, not a whole number of milliseconds");
  });
});

// The export of a whole world read back row for row: tests/unit/world/fromImport/roundTrip.test.ts.
