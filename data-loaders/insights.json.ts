import {parseConfig} from "../src/config.js";
import {generateInsights} from "../src/metrics/insights.js";
import {sampleRate} from "../src/world/tables.js";
import {kpiTables} from "./_rows.js";

/** The APAC KPI dashboard's key insights and recommendations, generated from this build's world for APAC (the APAC KPI dashboard's scope) and for all regions. */
try {
  const config = parseConfig(process.env);
  const tables = await kpiTables(config, sampleRate(config.scale));
  const reports = [generateInsights(tables, {region: "APAC"}, "APAC"), generateInsights(tables, {}, "All regions")];
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, reports}, null, 2));
} catch (error) {
  process.stderr.write(`loader insights.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
