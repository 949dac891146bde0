import {existsSync, mkdirSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {exportFiles} from "../src/io/import/exportTables.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {EXPORT_USAGE, parseExportArgs} from "./exportArgs.js";

/**
 * npm run export -- --seed 7 [--scale 1] --out <folder>: simulates a world and writes it in the import
 * format (src/io/import/exportTables.ts): one <table>.csv per import table and manifest.json. Building
 * with WORKBOOK_DATA=<folder> reads it back. The folder must be new or empty, so that nothing is
 * overwritten or mixed with another export.
 */
try {
  const {seed, scale, out} = parseExportArgs(process.argv.slice(2));
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`--out ${JSON.stringify(out)} is not empty (give a new or empty folder)`);
  const files = exportFiles(buildTables(simulate({seed, scale})), {seed, scale});
  mkdirSync(out, {recursive: true});
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  const manifest = JSON.parse(files["manifest.json"]) as {tables: {table: string; rows: number}[]};
  console.log(`export: seed ${seed}, scale ${scale} into ${out}: ${manifest.tables.map((t) => `${t.table} ${t.rows}`).join(", ")}`);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  console.error(EXPORT_USAGE);
  process.exit(1);
}
