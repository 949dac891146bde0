import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {encodeArrow} from "../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {openDuckDB} from "../data-loaders/_duckdb.js";
import {runPipeline} from "../data-loaders/_science.js";

/**
 * Times each stage of the world cache at one scale (WORKBOOK_SCALE, default 20): simulate, each table's
 * projection and Arrow encoding, DuckDB, and the science pipeline. A profile aid, not a benchmark.
 */
const scale = Number(process.env.WORKBOOK_SCALE ?? 20);
const seed = Number(process.env.WORKBOOK_SEED ?? 42);
const config = {seed, scale, from: "2025-06-03", to: "2025-08-31"};
const t = () => performance.now();
const rss = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`;
let at = t();
const lap = (label: string) => {
  const now = t();
  console.log(`${label.padEnd(28)} ${((now - at) / 1000).toFixed(1).padStart(7)} s  rss ${rss()}`);
  at = now;
};
const world = simulate(config);
lap("simulate");
const tables = buildTables(world);
for (const name of Object.keys(SCHEMAS) as TableName[]) {
  const columns = tables[name];
  lap(`project ${name}`);
  encodeArrow(SCHEMAS[name], columns, tables);
  lap(`encode ${name}`);
}
const db = await openDuckDB({daily_country: tables.daily_country, flags: tables.flags, users: tables.users, rings: tables.rings, cohort: tables.cohort, events: tables.events});
lap("duckdb load");
const dir = mkdtempSync(join(tmpdir(), "stages-"));
try {
  await runPipeline(config, tables, db.query);
  lap("science pipeline");
} finally {
  db.close();
  rmSync(dir, {recursive: true, force: true});
}
