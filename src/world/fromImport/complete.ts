import {SCHEMAS, type TableName} from "../../io/contracts.js";
import {rowCount, type Columns} from "../../io/schema.js";
import {IMPORT_TABLES, type ImportTable} from "../../io/import/contract.js";
import type {ImportColumns} from "../../io/import/exportTables.js";

/**
 * A platform's imported tables completed where the contract lets the data be silent: a table the
 * platform did not supply whose published table may be empty (the ground-truth tables, known_events)
 * becomes a table with no rows, and a ground-truth column a supplied table lacks becomes a column of
 * nulls. The published tables are then built by one code path, empty or null exactly there; what was
 * supplied is recorded apart (absentColumns, src/io/import/quality.ts), so a page says "not in the
 * imported data" rather than showing an empty table as a zero. Any other absent table or column is
 * left absent, and the builder that needs it stops with the columns it needs.
 */
export function completeImport(imported: ImportColumns, tables: readonly ImportTable[] = IMPORT_TABLES): ImportColumns {
  const out: ImportColumns = {...imported};
  for (const table of tables) {
    const given = imported[table.name];
    if (!given && !SCHEMAS[table.published as TableName]?.mayBeEmpty) continue;
    const n = given ? rowCount(given) : 0;
    const columns: Columns = {...given};
    for (const column of table.columns) if (!given || column.truth) columns[column.name] ??= new Array(n).fill(null);
    out[table.name] = columns;
  }
  return out;
}
