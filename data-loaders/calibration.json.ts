import {parseConfig} from "../src/config.js";
import {calibrationFigures} from "../src/world/calibration.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import {publishOptions} from "./_publish.js";

/** The reference systems' headline figures, measured on this build's tables (the methodology page). */
try {
  const config = parseConfig(process.env);
  const figures = calibrationFigures(buildTables(simulate(config), publishOptions()));
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, figures}, null, 2));
} catch (error) {
  process.stderr.write(`loader calibration.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
