import {tableFromIPC} from "apache-arrow";
import {parseConfig} from "../src/config.js";
import {toRows} from "../src/io/readArrow.js";
import {generateInsights} from "../src/metrics/insights.js";
import {sampleRate} from "../src/world/tables.js";
import {tableBytes} from "./_publish.js";

/** Seed 000's key insights and recommendations, generated from this build's world for APAC (seed 000's scope) and for all regions. */
try {
  const config = parseConfig(process.env);
  const rows = async (name: "daily_country" | "flags" | "flag_outcomes" | "flag_mix" | "tta_bins") => toRows(tableFromIPC(await tableBytes(config, name, "arrow")));
  // Flag KPIs read the cubes of every flag, as the ops pages do; the item rows only what no cube answers.
  const cubes = {flag_cubes: [await rows("flag_outcomes"), await rows("flag_mix")], flag_bins: await rows("tta_bins")};
  const tables = {daily_country: await rows("daily_country"), flags: await rows("flags"), flagSampleRate: sampleRate(config.scale), ...cubes};
  const reports = [generateInsights(tables, {region: "APAC"}, "APAC"), generateInsights(tables, {}, "All regions")];
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, reports}, null, 2));
} catch (error) {
  process.stderr.write(`loader insights.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
