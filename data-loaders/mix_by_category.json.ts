import {tableFromIPC} from "apache-arrow";
import {parseConfig} from "../src/config.js";
import {toRows} from "../src/io/readArrow.js";
import {crossCount} from "../src/metrics/mixes.js";
import {tableBytes} from "./_publish.js";

/**
 * Flags counted by region, category, source and action: the mixes page's source and action mix per
 * category, without shipping every flag. Not by country: the page filters by region only, and a
 * country-level cross-tab this fine would publish counts from 1 to 10 that privacy mode suppresses
 * everywhere else.
 */
try {
  const config = parseConfig(process.env);
  const flags = toRows(tableFromIPC(await tableBytes(config, "flags", "arrow")));
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, rows: crossCount(flags, ["region", "category", "source", "action"])}));
} catch (error) {
  process.stderr.write(`loader mix_by_category.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
