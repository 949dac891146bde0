import {parseConfig} from "../src/config.js";
import {reviewIncident, WORLD_INCIDENT} from "../src/incident/reviewIncident.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {publishOptions} from "./_publish.js";

/** The postmortem of the world's incident, measured on the published flags. */
try {
  const config = parseConfig(process.env);
  const tables = buildTables(simulate(config), publishOptions());
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, ...reviewIncident(tables, WORLD_INCIDENT)}, null, 1));
} catch (error) {
  process.stderr.write(`loader incident.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
