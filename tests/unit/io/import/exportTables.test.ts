import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {readImportFolder} from "../../../../data-loaders/_importFiles.js";
import {asStored, type Columns} from "../../../../src/io/schema.js";
import {SCHEMAS, type TableName} from "../../../../src/io/contracts.js";
import {IMPORT_TABLES, type ImportColumn, type ImportTable} from "../../../../src/io/import/contract.js";
import {exportFiles, exportTables, importCsv} from "../../../../src/io/import/exportTables.js";
import {isError} from "../../../../src/io/import/findings.js";
import {validateImport} from "../../../../src/io/import/validate.js";
import {sharedTables} from "../../../support/sharedWorlds.js";

const col = (name: string, type: ImportColumn["type"], extra: Partial<ImportColumn> = {}): ImportColumn => ({name, type, description: "", required: false, truth: false, maxLength: 200, nullable: true, ...extra});

/** A table with a column of every type, in contract order. */
const TABLE: ImportTable = {
  name: "things", description: "", required: false, truth: false, published: "things", key: [], references: [], derived: [], example: [],
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

describe("the export of seed 7 read back by the import", () => {
  const dir = mkdtempSync(join(tmpdir(), "workbook-export-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  // The event log is two thirds of the export's bytes: its first rows keep the test fast and still
  // cover every column (no other table refers to it).
  const EVENT_ROWS = 20_000;
  const head = (columns: Columns, n: number): Columns => Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Array.prototype.slice.call(v, 0, n)]));

  it("is accepted row for row, with no error, and types back to the published values", async () => {
    const world = sharedTables({seed: 7, scale: 1});
    const tables = {...world, events: head(world.events, EVENT_ROWS)};
    const files = exportFiles(tables, {seed: 7, scale: 1});
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest.tables.map((t: {table: string}) => t.table)).toEqual(IMPORT_TABLES.map((t) => t.name));

    const {raws, mapping, problems} = await readImportFolder(dir);
    const result = validateImport(raws, {mode: "stop", mapping, problems});
    expect(result.findings.filter(isError)).toEqual([]);
    expect(result.ok).toBe(true);
    const exported = exportTables(tables);
    for (const {table, file, rows} of manifest.tables) {
      const t = result.tables.find((x) => x.table === table)!;
      expect([file, t.read, t.acceptedRows.length, t.rejected.length], table).toEqual([`${table}.csv`, rows, rows, 0]);
      // Every value comes back as published (float32 columns at their stored precision).
      const published = IMPORT_TABLES.find((x) => x.name === table)!.published as TableName;
      const stored = asStored(SCHEMAS[published], exported[table]);
      for (const [name, values] of Object.entries(stored)) {
        const back = t.accepted[name];
        const same = Array.from(values as ArrayLike<unknown>).every((v, i) => (v === null || (typeof v === "number" && Number.isNaN(v)) ? back[i] === null : v === back[i]));
        expect(same, `${table}.${name}`).toBe(true);
      }
    }
    console.log(`export of seed 7: ${manifest.tables.map((t: {table: string; rows: number}) => `${t.table} ${t.rows}`).join(", ")}; warnings: ${result.findings.map((f) => `${f.table} ${f.rule} ${f.value}`).join("; ")}`);
  }, 30_000);
});
