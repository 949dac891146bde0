import {parseConfig} from "../src/config.js";
import {encodeArrow} from "../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {columnsToCsv} from "../src/io/csv.js";
import {assertTable, type Columns} from "../src/io/schema.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";

/**
 * The one thing every table loader does: simulate the configured world, project it into the published
 * tables, check the requested table against its contract (references included), and write it to
 * stdout. Any failure exits non-zero with a message that names the table, which fails the build.
 */
export async function publish(name: TableName, format: "arrow" | "csv"): Promise<void> {
  try {
    const config = parseConfig(process.env);
    const tables = buildTables(simulate(config));
    const schema = SCHEMAS[name];
    if (format === "arrow") {
      await write(encodeArrow(schema, tables[name], tables));
    } else {
      assertTable(schema, tables[name], tables);
      await write(new TextEncoder().encode(columnsToCsv(csvColumns(name, tables[name]), schema.columns.map((c) => c.name))));
    }
  } catch (error) {
    process.stderr.write(`loader ${name}.${format} failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** CSV shows timestamps as ISO 8601 UTC. */
function csvColumns(name: TableName, columns: Columns): Columns {
  const out: Columns = {...columns};
  for (const spec of SCHEMAS[name].columns) {
    if (spec.type !== "timestamp") continue;
    out[spec.name] = Array.from(columns[spec.name] as ArrayLike<number | null>, (v) => (v === null || Number.isNaN(v) ? null : new Date(v).toISOString()));
  }
  return out;
}

function write(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
}
