import {attackDays} from "../src/detect/attackDays.js";
import {compareDetectors, SEED_COUNT} from "../src/detect/compareSeeds.js";
import {dailySignals} from "../src/detect/dailySignals.js";
import {parseConfig} from "../src/config.js";
import {columnsToRows} from "../src/io/export.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import {simulateFlags} from "../src/world/simulate.js";
import {accountColumns, flagOriginColumns, publishedFlagRows, sampleRate} from "../src/world/tables.js";

/**
 * The attack detectors over many worlds: for seeds 1 to SEED_COUNT at scale 1 (the calibrated
 * scale), the daily signals and ground truth, computed from each world's published flags and users
 * tables exactly as attack_signals.json does for the configured world. The signals need only the
 * flags' and accounts' columns, so each world is simulated up to its flags (simulateFlags). The page
 * recomputes the comparison live with its inputs; `defaults` is the comparison at the default parameters.
 */
try {
  const dates = rangeDates(WORLD_RANGE);
  const seeds = Array.from({length: SEED_COUNT}, (_, i) => i + 1);
  const series = seeds.map((seed) => {
    const world = simulateFlags({seed, scale: 1});
    // At scale 1 the item-level tables publish every flag and every account.
    if (sampleRate(world.scale) !== 1) throw new Error(`scale ${world.scale} samples the published flags`);
    const flags = columnsToRows(flagOriginColumns(world, publishedFlagRows(world)), ["date", "actor_id", "target_id", "template_id", "attack_id"]);
    const users = columnsToRows(accountColumns(world, Array.from({length: world.users.length}, (_, i) => i)), ["user_id", "signup_date", "device_id", "payment_id"]);
    return {seed, signals: dailySignals(flags as never, users as never, dates), truth: attackDays(flags as never, dates).truth};
  });
  // Scored over the reporting window (WORKBOOK_FROM/WORKBOOK_TO), as the page's date inputs start.
  const {from: windowFrom, to: windowTo} = parseConfig(process.env);
  const window = {from: dates.indexOf(windowFrom), to: dates.indexOf(windowTo)};
  process.stdout.write(JSON.stringify({scale: 1, dates, window: {from: windowFrom, to: windowTo}, series, defaults: compareDetectors(series, window)}));
} catch (error) {
  process.stderr.write(`loader attack_seeds.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}

