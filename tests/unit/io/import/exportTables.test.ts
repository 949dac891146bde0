import {describe, expect, it} from "vitest";
import {importTable, type ImportColumn, type ImportTable} from "../../../../src/io/import/contract.js";
import {drainCsv, exportCsv, importCsv, importCsvChunks, wholeTables, type ExportFormat, type PublishedPieces} from "../../../../src/io/import/exportTables.js";

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


describe("importCsvChunks(table, columns, rowsPerChunk, {header})", () => {
  const columns = {id: [1, 2, 3, 4, 5], text: ["a", "b,c", null, "d", "e"]};

  it("is importCsv in chunks of at most rowsPerChunk lines: the header, then the rows", () => {
    const chunks = Array.from(importCsvChunks(TABLE, columns, 2));
    expect(chunks).toEqual(["id,text\r\n", '1,a\r\n2,"b,c"\r\n', "3,\r\n4,d\r\n", "5,e\r\n"]);
    expect(chunks.join("")).toBe(importCsv(TABLE, columns));
  });

  it("leaves the header out for rows that continue a file, and refuses a chunk of no rows", () => {
    expect(Array.from(importCsvChunks(TABLE, {id: [6]}, 2, {header: false}))).toEqual(["6\r\n"]);
    expect(() => Array.from(importCsvChunks(TABLE, columns, 0))).toThrow("rowsPerChunk must be a positive integer, not 0");
  });
});

describe("exportCsv(pieces) drained by drainCsv(steps, sink): an export's files, piece by piece", () => {
  /** A published flags table of five flags, two of them appealed. */
  const flags = {
    flag_id: [10, 11, 12, 13, 14],
    ts: [0, 1000, 2000, 3000, 4000],
    appealed: [false, true, false, false, true],
    appeal_ts: [null, 5000, null, null, 6000],
    overturned: [false, true, false, false, false]
  };
  const rows = (from: number, to: number) => Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, v.slice(from, to)])) as typeof flags;

  function files(pieces: PublishedPieces, format: ExportFormat = "csv") {
    const texts: Record<string, string> = {};
    const ended: string[] = [];
    const tables = drainCsv(exportCsv(pieces, 2), {write: (t, text) => (texts[t] = (texts[t] ?? "") + text), end: (t) => ended.push(`${t.table} ${t.rows}`)}, format);
    return {texts, ended, tables};
  }

  it("writes a table given in pieces as the same file as the table whole, each import table taking its rows of every piece", () => {
    const whole = files(wholeTables({flags}));
    const pieced = files({flags: () => [rows(0, 2), rows(2, 3), rows(3, 5)]});
    expect(pieced.texts).toEqual(whole.texts);
    expect(whole.texts.flags).toBe(importCsv(importTable("flags"), flags));
    expect(whole.texts.appeals).toBe("flag_id,appeal_ts,overturned\r\n11,1970-01-01T00:00:05.000Z,true\r\n14,1970-01-01T00:00:06.000Z,false\r\n");
  });

  it("ends each file after its last piece, and lists the tables in contract order with their file, columns and rows", () => {
    const {ended, tables} = files({flags: () => [rows(0, 2), rows(2, 5)], reviewers: () => [{reviewer_id: ["R01"]}]}, "parquet");
    expect(ended).toEqual(["flags 5", "appeals 2", "reviewers 1"]);
    expect(tables).toEqual([
      {table: "flags", file: "flags.parquet", columns: ["flag_id", "ts"], rows: 5},
      {table: "appeals", file: "appeals.parquet", columns: ["flag_id", "appeal_ts", "overturned"], rows: 2},
      {table: "reviewers", file: "reviewers.parquet", columns: ["reviewer_id"], rows: 1}
    ]);
  });

  it("writes a table with no rows as its header, and no file for a table with no pieces", () => {
    const {texts} = files({flags: () => [rows(0, 0)], reviewers: () => []});
    expect(texts).toEqual({flags: "flag_id,ts\r\n", appeals: "flag_id,appeal_ts,overturned\r\n"});
  });
});

// The export of a whole world read back row for row: tests/unit/world/fromImport/roundTrip.test.ts.
