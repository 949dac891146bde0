import {compareDetectors, SEED_COUNT} from "../src/detect/compareSeeds.js";
import {layerBaselines} from "../src/detect/layered.js";
import {lookalikeFiring, summarizeFiring} from "../src/detect/lookalikeFiring.js";
import {parseConfig} from "../src/config.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import type {AttackSeries} from "./_attackSeries.js";
import {parallelMap} from "./_parallel.js";

/**
 * The attack detectors over many worlds: for seeds 1 to SEED_COUNT at scale 1 (the calibrated
 * scale), the daily signals and the ground truth (attack days, benign look-alike days) of each world
 * (_attackSeries.ts), computed on worker threads, one per core. The page recomputes the comparison live
 * with its inputs; `defaults` is the comparison at the default parameters, `firing` each signal's
 * firing on the look-alike days at those parameters, per world and summarised.
 */
try {
  const dates = rangeDates(WORLD_RANGE);
  const seeds = Array.from({length: SEED_COUNT}, (_, i) => i + 1);
  const series = await parallelMap<number, AttackSeries>(new URL("./_attackSeries.ts", import.meta.url), "attackSeries", seeds);
  // Scored over the reporting window (WORKBOOK_FROM/WORKBOOK_TO), as the page's date inputs start.
  const {from: windowFrom, to: windowTo} = parseConfig(process.env);
  const window = {from: dates.indexOf(windowFrom), to: dates.indexOf(windowTo)};
  const perWorld = series.map((s) => lookalikeFiring(layerBaselines(s.signals), s.lookalike));
  const firing = {perWorld: perWorld.map((w, i) => ({seed: series[i].seed, firing: w})), summary: summarizeFiring(perWorld)};
  process.stdout.write(JSON.stringify({scale: 1, dates, window: {from: windowFrom, to: windowTo}, series: series.map(({lookalike, ...s}) => s), lookalikeDays: series[0].lookalike, defaults: compareDetectors(series, window), firing}));
} catch (error) {
  process.stderr.write(`loader attack_seeds.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
