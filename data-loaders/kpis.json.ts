import {parseConfig} from "../src/config.js";
import {computeKpi, meetsTarget} from "../src/metrics/computeKpi.js";
import {KPI_DEFINITIONS} from "../src/metrics/definitions.js";
import {measureKpi} from "../src/metrics/kpiFigure.js";
import {quarters} from "../src/metrics/periods.js";
import {END_DATE, REGIONS, START_DATE} from "../src/core/constants.js";
import {sampleRate} from "../src/world/tables.js";
import {kpiTables} from "./_rows.js";

/** Every KPI of src/metrics/definitions.ts over the whole half-year, by quarter and by region: the KPI dictionary's values. */
try {
  const config = parseConfig(process.env);
  const tables = await kpiTables(config, sampleRate(config.scale));
  const [q1, q2] = quarters();
  const clean = (x: number) => (Number.isFinite(x) ? x : null);
  const kpis = KPI_DEFINITIONS.map((def) => {
    const figure = measureKpi(def, tables, {from: START_DATE, to: END_DATE});
    const value = figure.value ?? NaN;
    const first = computeKpi(def, tables, q1);
    const last = computeKpi(def, tables, q2);
    return {
      id: def.id,
      value: clean(value),
      figure,
      quarters: [{label: q1.label, value: clean(first)}, {label: q2.label, value: clean(last)}],
      regions: REGIONS.map((region) => ({region, value: clean(computeKpi(def, tables, {region}))})),
      meets: def.target.check && (def.target.check.op === "falling" || def.target.check.op === "rising") ? meetsTarget(def, last, first) : meetsTarget(def, value)
    };
  });
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, kpis}, null, 2));
} catch (error) {
  process.stderr.write(`loader kpis.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
