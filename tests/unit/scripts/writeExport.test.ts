/**
 * `npm run export` in both formats: seed 7's world written as CSV and as Parquet (scripts/writeExport.ts)
 * reads back through the import (importFolder) as the same tables, row for row; the Parquet files have
 * typed columns, and the folder holds nothing but the tables and the manifest.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {isDeepStrictEqual} from "node:util";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {importFolder} from "../../../data-loaders/_importFiles.js";
import {IMPORT_TABLES, importTable} from "../../../src/io/import/contract.js";
import type {ImportResult} from "../../../src/io/import/validate.js";
import {exportPieces} from "../../../src/world/exportPieces.js";
import {PARQUET_TYPES} from "../../../scripts/exportParquet.js";
import {writeExport} from "../../../scripts/writeExport.js";
import {sharedWorld} from "../../support/sharedWorlds.js";

/** The accepted columns of each table whose values differ between two imports (compared whole, not element by element: a million values). */
function differing(a: ImportResult, b: ImportResult): string[] {
  return a.tables.flatMap((t, i) => {
    const other = b.tables[i]?.accepted ?? {};
    const columns = new Set([...Object.keys(t.accepted), ...Object.keys(other)]);
    return [...columns].filter((c) => !isDeepStrictEqual(t.accepted[c], other[c])).map((c) => `${t.table}.${c}`);
  });
}

/** PARQUET_TYPES as DuckDB's DESCRIBE names them. */
const DESCRIBED = {...PARQUET_TYPES, timestamp: "TIMESTAMP WITH TIME ZONE"};

describe("writeExport(dir, exportPieces(world), {format}): seed 7 as CSV and as Parquet", () => {
  const dirs = {csv: mkdtempSync(join(tmpdir(), "workbook-export-csv-")), parquet: mkdtempSync(join(tmpdir(), "workbook-export-parquet-"))};
  const results: Partial<Record<keyof typeof dirs, ImportResult>> = {};

  beforeAll(async () => {
    const pieces = exportPieces(sharedWorld({seed: 7, scale: 1}));
    for (const format of ["csv", "parquet"] as const) {
      await writeExport(dirs[format], pieces, {seed: 7, scale: 1, format});
      results[format] = await importFolder(dirs[format]);
    }
  }, 240_000);
  afterAll(() => Object.values(dirs).forEach((dir) => rmSync(dir, {recursive: true, force: true})));

  it("reads back the same rows and the same accepted values from either format, with no finding", () => {
    expect(results.parquet!.findings).toEqual([]);
    expect(results.csv!.findings).toEqual([]);
    const read = (result: ImportResult) => result.tables.map((t) => [t.table, t.read, Object.keys(t.accepted)]);
    expect(read(results.parquet!)).toEqual(read(results.csv!));
    expect(differing(results.parquet!, results.csv!)).toEqual([]);
  });

  it("writes each table's file, the manifest, and load.sql only with CSV (psql's \\copy reads CSV); no temporary file stays", () => {
    const names = IMPORT_TABLES.map((t) => t.name);
    expect(readdirSync(dirs.csv).sort()).toEqual([...names.map((n) => `${n}.csv`), "load.sql", "manifest.json"].sort());
    expect(readdirSync(dirs.parquet).sort()).toEqual([...names.map((n) => `${n}.parquet`), "manifest.json"].sort());
    const manifest = (format: keyof typeof dirs) => JSON.parse(readFileSync(join(dirs[format], "manifest.json"), "utf8"));
    expect(manifest("parquet")).toEqual({...manifest("csv"), format: "parquet", tables: manifest("csv").tables.map((t: {table: string}) => ({...t, file: `${t.table}.parquet`}))});
    expect(manifest("csv").tables.map((t: {table: string; rows: number}) => [t.table, t.rows])).toEqual(results.csv!.tables.map((t) => [t.table, t.read]));
  });

  it("types every Parquet column by the contract: timestamps as TIMESTAMPTZ, integers BIGINT, floats DOUBLE, booleans, dates, text", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      for (const name of IMPORT_TABLES.map((t) => t.name)) {
        const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(dirs.parquet, `${name}.parquet`)}')`);
        const types = described.getRows().map(([column, type]) => [column, type]);
        const expected = types.map(([column]) => [column, DESCRIBED[importTable(name).columns.find((c) => c.name === column)!.type]]);
        expect({name, types}).toEqual({name, types: expected});
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
