import {attackDays} from "../src/detect/attackDays.js";
import {compareDetectors, SEED_COUNT} from "../src/detect/compareSeeds.js";
import {dailySignals, SIMILARITY_OPTIONS, type SignalUser} from "../src/detect/dailySignals.js";
import {layerBaselines} from "../src/detect/layered.js";
import {lookalikeDays, lookalikeFiring, summarizeFiring} from "../src/detect/lookalikeFiring.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import {SIGNAL_TEXT_DAY_FLAGS} from "../src/core/sampling.js";
import {signalTexts} from "../src/world/signalTexts.js";
import type {AttackSeries} from "./_attackSeries.js";
import {parallelMap} from "./_parallel.js";
import {publishedRows} from "./_rows.js";
import type {World} from "./_worldFiles.js";

/* The attack page's files: the configured world's daily signals, and the detectors over many worlds. Producers of _registry.ts. */

interface FlagRow {
  flag_id: number;
  date: string;
  actor_id: string;
  target_id: string | null;
  template_id: number;
  attack_id: string | null;
}

/**
 * attack_signals.json: the attack page's daily series for the configured world: flag volume and the
 * secondary signals of coordination, with the ground-truth attack ids and benign look-alike ids of each
 * day, and how often each signal fires on the look-alike days at the default inputs. The detector gets
 * what a platform sees: the flags' accounts and targets, the accounts' identifiers, and each flag's
 * text (rendered here from the world, for a sample of each day's flags), never the template it came
 * from. The page runs both detectors on these series live, with the same functions as attack_seeds.json.
 */
export async function attackSignalsJson(world: World): Promise<string> {
  const {config} = world;
  const flags = await publishedRows<FlagRow>(world, "flags");
  const users = await publishedRows<SignalUser>(world, "users");
  const benign = await publishedRows<{event_id: string; start_date: string; end_date: string}>(world, "benign_events");
  const dates = rangeDates(WORLD_RANGE);
  const texts = signalTexts(config.seed, flags);
  const seen = flags.map((f, i) => ({date: f.date, actor_id: f.actor_id, target_id: f.target_id, text: texts[i]}));
  const signals = dailySignals(seen, users, dates);
  const lookalikes = lookalikeDays(benign, dates);
  const firing = lookalikeFiring(layerBaselines(signals), lookalikes.map((ids) => ids.length > 0));
  const similarity = {...SIMILARITY_OPTIONS, dayFlags: SIGNAL_TEXT_DAY_FLAGS, textsRead: texts.filter((t) => t !== null).length, flags: flags.length};
  return JSON.stringify({seed: config.seed, scale: config.scale, dates, signals, attacks: attackDays(flags, dates).attacks, lookalikes, firing, similarity});
}

/**
 * attack_seeds.json: the attack detectors over many worlds: for seeds 1 to SEED_COUNT at scale 1 (the
 * calibrated scale), the daily signals and the ground truth (attack days, benign look-alike days) of
 * each world (_attackSeries.ts), computed on worker threads, one per core. The page recomputes the
 * comparison live with its inputs; `defaults` is the comparison at the default parameters, `firing`
 * each signal's firing on the look-alike days at those parameters, per world and summarised.
 */
export async function attackSeedsJson(world: World): Promise<string> {
  const dates = rangeDates(WORLD_RANGE);
  const seeds = Array.from({length: SEED_COUNT}, (_, i) => i + 1);
  const series = await parallelMap<number, AttackSeries>(new URL("./_attackSeries.ts", import.meta.url), "attackSeries", seeds);
  // Scored over the reporting window (WORKBOOK_FROM/WORKBOOK_TO), as the page's date inputs start.
  const {from: windowFrom, to: windowTo} = world.config;
  const window = {from: dates.indexOf(windowFrom), to: dates.indexOf(windowTo)};
  const perWorld = series.map((s) => lookalikeFiring(layerBaselines(s.signals), s.lookalike));
  const firing = {perWorld: perWorld.map((w, i) => ({seed: series[i].seed, firing: w})), summary: summarizeFiring(perWorld)};
  return JSON.stringify({scale: 1, dates, window: {from: windowFrom, to: windowTo}, series: series.map(({lookalike, ...s}) => s), lookalikeDays: series[0].lookalike, defaults: compareDetectors(series, window), firing});
}
