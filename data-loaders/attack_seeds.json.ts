import {attackDays} from "../src/detect/attackDays.js";
import {compareDetectors, SEED_COUNT} from "../src/detect/compareSeeds.js";
import {dailySignals} from "../src/detect/dailySignals.js";
import {layerBaselines} from "../src/detect/layered.js";
import {lookalikeDays, lookalikeFiring, summarizeFiring} from "../src/detect/lookalikeFiring.js";
import {parseConfig} from "../src/config.js";
import {columnsToRows} from "../src/io/export.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import {signalTexts} from "../src/world/signalTexts.js";
import {simulateFlags} from "../src/world/simulate.js";
import {accountColumns, benignEventsTable, flagOriginColumns, publishedFlagRows, sampleRate} from "../src/world/tables.js";

/**
 * The attack detectors over many worlds: for seeds 1 to SEED_COUNT at scale 1 (the calibrated
 * scale), the daily signals, the ground truth (attack days, benign look-alike days), computed from each
 * world's published flags and users tables and the flags' texts exactly as attack_signals.json does
 * for the configured world. The signals need only the flags' and accounts' columns, so each world is
 * simulated up to its flags (simulateFlags). The page recomputes the comparison live with its inputs;
 * `defaults` is the comparison at the default parameters, `firing` each signal's firing on the
 * look-alike days at those parameters, per world and summarised.
 */
try {
  const dates = rangeDates(WORLD_RANGE);
  const seeds = Array.from({length: SEED_COUNT}, (_, i) => i + 1);
  const series = seeds.map((seed) => {
    const world = simulateFlags({seed, scale: 1});
    // At scale 1 the item-level tables publish every flag and every account.
    if (sampleRate(world.scale) !== 1) throw new Error(`scale ${world.scale} samples the published flags`);
    const rows = publishedFlagRows(world);
    const origin = flagOriginColumns(world, rows);
    const flags = columnsToRows({flag_id: rows, ...origin}, ["flag_id", "date", "actor_id", "target_id", "template_id", "attack_id"]) as {flag_id: number; date: string; actor_id: string; target_id: string | null; template_id: number; attack_id: string | null}[];
    const texts = signalTexts(seed, flags);
    const seen = flags.map((f, i) => ({date: f.date, actor_id: f.actor_id, target_id: f.target_id, text: texts[i]}));
    const users = columnsToRows(accountColumns(world, Array.from({length: world.users.length}, (_, i) => i)), ["user_id", "signup_date", "device_id", "payment_id"]);
    const benign = columnsToRows(benignEventsTable(world), ["event_id", "start_date", "end_date"]) as {event_id: string; start_date: string; end_date: string}[];
    const lookalike = lookalikeDays(benign, dates).map((ids) => ids.length > 0);
    return {seed, signals: dailySignals(seen, users as never, dates), truth: attackDays(flags, dates).truth, lookalike};
  });
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
