import {dateRange} from "../src/core/calendar.js";
import {formatImportReport, settleImport} from "../src/io/import/report.js";
import {validateImport, type ImportResult, type Mode} from "../src/io/import/validate.js";
import type {TableName} from "../src/io/contracts.js";
import type {Columns} from "../src/io/schema.js";
import {assembleTables} from "../src/world/fromImport/assemble.js";
import {importScale} from "../src/world/fromImport/scale.js";
import type {PublishOptions} from "../src/world/tables.js";
import type {WorldInput} from "./_worldFiles.js";

/**
 * A platform's world: its tables read from a folder (_importFiles.ts) or a PostgreSQL database
 * (_importDatabase.ts, loaded only then), validated against the import contract, and assembled into the
 * published tables. In mode "stop" any violation stops the build with the whole report; in mode
 * "quarantine" the rejected rows are left out and accounted for in the result (the data-quality page
 * and rejects.csv), and only what no row can hold (a missing table or column) stops it.
 */
export async function importWorld(input: WorldInput, options: PublishOptions): Promise<{tables: Record<TableName, Columns>; result: ImportResult; scale: number}> {
  const {source} = input;
  if (source.kind === "simulation") throw new Error("importWorld: the simulation is not an import");
  const result = source.kind === "files" ? await (await import("./_importFiles.js")).importFolder(source.dir, {mode: input.rejects}) : await databaseImport(source.url, source.schema, input.rejects);
  settleImport(result);
  // Quarantine goes on without the rejected rows: the build log says so, as the data-quality page does.
  if (result.findings.length) process.stderr.write(`${formatImportReport(result)}\n`);
  const imported = Object.fromEntries(result.tables.map((t) => [t.table, t.accepted]));
  const flags = result.tables.find((t) => t.table === "flags");
  const tables = assembleTables(imported, dateRange(), options);
  // The published tables are built from `imported` and hold it until they are: the result keeps only
  // what the data-quality files need (counts, rejected rows, the columns supplied).
  for (const t of result.tables) t.accepted = {};
  return {tables, result, scale: importScale(flags ? flags.acceptedRows.length : 0)};
}

/** A PostgreSQL database's tables read (_importDatabase.ts, loaded only then) and validated. */
async function databaseImport(url: string, schema: string, mode: Mode): Promise<ImportResult> {
  const read = await (await import("./_importDatabase.js")).readImportDatabase(url, {schema});
  return validateImport(read.raws, {mode, mapping: read.mapping, problems: read.problems});
}
