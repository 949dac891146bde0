import {parseConfig} from "../src/config.js";
import {readExperiment, WORLD_EXPERIMENT} from "../src/experiment/readExperiment.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {openDuckDB} from "./_duckdb.js";
import {publishOptions} from "./_publish.js";

/** The readout of the new-account message rate limit: SQL in DuckDB at build time, statistics from src/stats. */
try {
  const config = parseConfig(process.env);
  const tables = buildTables(simulate(config), publishOptions());
  const db = await openDuckDB({users: tables.users, cohort: tables.cohort, events: tables.events});
  let readout;
  try {
    readout = await readExperiment(db.query, WORLD_EXPERIMENT);
  } finally {
    db.close();
  }
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, ...readout}, null, 1));
} catch (error) {
  process.stderr.write(`loader experiment.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
