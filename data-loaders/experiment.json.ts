import {parseConfig} from "../src/config.js";
import {derivedJson} from "./_publish.js";

/**
 * The readout of the new-account message rate limit: its SQL runs in DuckDB at build time over the
 * published tables (with them, in data-loaders/_writeWorld.ts), its statistics come from src/stats.
 */
try {
  const config = parseConfig(process.env);
  const readout = await derivedJson(config, "experiment.json");
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, ...readout}, null, 1));
} catch (error) {
  process.stderr.write(`loader experiment.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
