import {existsSync, mkdirSync, readdirSync} from "node:fs";
import {simulate} from "../src/world/simulate.js";
import {exportPieces} from "../src/world/exportPieces.js";
import {EXPORT_USAGE, parseExportArgs} from "./exportArgs.js";
import {writeExport} from "./writeExport.js";

/**
 * npm run export -- --seed 7 [--scale 1] [--format csv|parquet] --out <folder>: simulates a world and
 * writes every row of it in the import format (src/io/import/exportTables.ts, src/world/exportPieces.ts):
 * one <table>.csv or <table>.parquet per import table and manifest.json, and with CSV load.sql
 * (scripts/writeExport.ts). Building with WORKBOOK_DATA=<folder> reads it back. The folder must be new
 * or empty, so that nothing is overwritten or mixed with another export.
 */
try {
  const {seed, scale, format, out} = parseExportArgs(process.argv.slice(2));
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`--out ${JSON.stringify(out)} is not empty (give a new or empty folder)`);
  mkdirSync(out, {recursive: true});
  const tables = await writeExport(out, exportPieces(simulate({seed, scale})), {seed, scale, format});
  console.log(`export: seed ${seed}, scale ${scale}, ${format} into ${out}: ${tables.map((t) => `${t.table} ${t.rows}`).join(", ")}`);
  if (format === "parquet") console.log("export: no load.sql with Parquet (psql's \\copy reads CSV): export with --format csv to load PostgreSQL");
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  console.error(EXPORT_USAGE);
  process.exit(1);
}
