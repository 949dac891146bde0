import {parseConfig} from "../src/config.js";
import {attackDays} from "../src/detect/attackDays.js";
import {dailySignals, type SignalFlag, type SignalUser} from "../src/detect/dailySignals.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import {publishedRows} from "./_rows.js";

/**
 * The attack page's daily series for the configured world: flag volume and the secondary signals of
 * coordination, with the ground-truth attack ids of each day. The page runs both detectors on these
 * series live, with the same functions as attack_seeds.json.
 */
try {
  const config = parseConfig(process.env);
  const flags = await publishedRows<SignalFlag & {attack_id: string | null}>(config, "flags");
  const users = await publishedRows<SignalUser>(config, "users");
  const dates = rangeDates(WORLD_RANGE);
  const truth = attackDays(flags, dates);
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, dates, signals: dailySignals(flags, users, dates), attacks: truth.attacks}));
} catch (error) {
  process.stderr.write(`loader attack_signals.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
