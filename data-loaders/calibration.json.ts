import {parseConfig} from "../src/config.js";
import {derivedJson} from "./_publish.js";

/** The reference systems' headline figures, measured on this build's tables (the methodology page). */
try {
  const config = parseConfig(process.env);
  const figures = await derivedJson(config, "calibration.json");
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, figures}, null, 2));
} catch (error) {
  process.stderr.write(`loader calibration.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
