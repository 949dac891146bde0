import {attackDays} from "../src/detect/attackDays.js";
import {dailySignals, type DailySignals} from "../src/detect/dailySignals.js";
import {lookalikeDays} from "../src/detect/lookalikeFiring.js";
import {columnsToRows} from "../src/io/export.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import {signalTexts} from "../src/world/signalTexts.js";
import {simulateFlags} from "../src/world/simulate.js";
import {accountColumns, benignEventsTable, flagOriginColumns, publishedFlagRows, sampleRate} from "../src/world/tables.js";

export interface AttackSeries {
  seed: number;
  signals: DailySignals;
  /** Whether an attack ran on each day (ground truth, for scoring only). */
  truth: boolean[];
  /** Whether a benign look-alike event ran on each day (ground truth, for scoring only). */
  lookalike: boolean[];
}

/**
 * One world's daily attack signals and its ground truth, at scale 1 (the calibrated scale), computed
 * from its published flags and users tables and the flags' texts exactly as attack_signals.json does
 * for the configured world. The signals need only the flags' and accounts' columns, so the world is
 * simulated up to its flags (simulateFlags). attack_seeds.json runs this for many seeds in parallel.
 */
export function attackSeries(seed: number): AttackSeries {
  const dates = rangeDates(WORLD_RANGE);
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
}
