import {tableFromIPC} from "apache-arrow";
import {parseConfig} from "../src/config.js";
import {toRows} from "../src/io/readArrow.js";
import {computeKpi, meetsTarget} from "../src/metrics/computeKpi.js";
import {KPI_DEFINITIONS} from "../src/metrics/definitions.js";
import {measureKpi} from "../src/metrics/kpiFigure.js";
import {quarters} from "../src/metrics/periods.js";
import {END_DATE, REGIONS, START_DATE} from "../src/world/constants.js";
import {sampleRate} from "../src/world/tables.js";
import {tableBytes} from "./_publish.js";

/** Every KPI of src/metrics/definitions.ts over the whole half-year, by quarter and by region: the KPI dictionary's values. */
try {
  const config = parseConfig(process.env);
  const rows = async (name: "daily_country" | "flags" | "flag_outcomes" | "flag_mix" | "tta_bins") => toRows(tableFromIPC(await tableBytes(config, name, "arrow")));
  // Flag KPIs read the cubes of every flag, as the ops pages do; the item rows only what no cube answers.
  const cubes = {flag_cubes: [await rows("flag_outcomes"), await rows("flag_mix")], flag_bins: await rows("tta_bins")};
  const tables = {daily_country: await rows("daily_country"), flags: await rows("flags"), flagSampleRate: sampleRate(config.scale), ...cubes};
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
