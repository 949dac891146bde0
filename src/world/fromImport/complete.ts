import {rowCount, type Columns} from "../../io/schema.js";
import {IMPORT_TABLES, type ImportTable} from "../../io/import/contract.js";
import type {ImportColumns} from "../../io/import/exportTables.js";

/**
 * A platform's imported tables completed to the whole contract: an optional table the platform did not
 * supply becomes a table with no rows, and an optional column it did not supply becomes a column of
 * nulls. The published tables are then built by one code path, and come out empty or null exactly where
 * the platform's data is silent; what was supplied is recorded apart (src/io/import/availability.ts),
 * so a page says "not in the imported data" rather than showing an empty table as a zero.
 */
export function completeImport(imported: ImportColumns, tables: readonly ImportTable[] = IMPORT_TABLES): ImportColumns {
  const out: ImportColumns = {...imported};
  for (const table of tables) {
    const given = imported[table.name];
    const n = given ? rowCount(given) : 0;
    const columns: Columns = {...given};
    for (const column of table.columns) columns[column.name] ??= new Array(n).fill(null);
    out[table.name] = columns;
  }
  return out;
}
