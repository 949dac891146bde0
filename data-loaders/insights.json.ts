import {tableFromIPC} from "apache-arrow";
import {parseConfig} from "../src/config.js";
import {toRows} from "../src/io/readArrow.js";
import {generateInsights} from "../src/metrics/insights.js";
import {sampleRate} from "../src/world/tables.js";
import {tableBytes} from "./_publish.js";

/** Seed 000's key insights and recommendations, generated from this build's world for APAC (seed 000's scope) and for all regions. */
try {
  const config = parseConfig(process.env);
  const rows = async (name: "daily_country" | "flags") => toRows(tableFromIPC(await tableBytes(config, name, "arrow")));
  const tables = {daily_country: await rows("daily_country"), flags: await rows("flags"), flagSampleRate: sampleRate(config.scale)};
  const reports = [generateInsights(tables, {region: "APAC"}, "APAC"), generateInsights(tables, {}, "All regions")];
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, reports}, null, 2));
} catch (error) {
  process.stderr.write(`loader insights.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
