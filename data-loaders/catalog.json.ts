import {parseConfig} from "../src/config.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {rowCount} from "../src/io/schema.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables, sampleRate} from "../src/world/tables.js";

/** Row counts of every published table and the world's configuration, for the data dictionary. */
try {
  const config = parseConfig(process.env);
  const world = simulate(config);
  const tables = buildTables(world);
  const catalog = {
    seed: config.seed,
    scale: config.scale,
    flagsSimulated: world.flags.length,
    sampleRate: sampleRate(config.scale),
    tables: (Object.keys(SCHEMAS) as TableName[]).map((name) => ({name, rows: rowCount(tables[name])}))
  };
  process.stdout.write(JSON.stringify(catalog, null, 2));
} catch (error) {
  process.stderr.write(`loader catalog.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
