import {parseConfig} from "../src/config.js";
import {attackDays} from "../src/detect/attackDays.js";
import {dailySignals, SIMILARITY_OPTIONS, type SignalUser} from "../src/detect/dailySignals.js";
import {layerBaselines} from "../src/detect/layered.js";
import {lookalikeDays, lookalikeFiring} from "../src/detect/lookalikeFiring.js";
import {WORLD_RANGE, rangeDates} from "../src/ops/range.js";
import {SIGNAL_TEXT_DAY_FLAGS} from "../src/core/sampling.js";
import {signalTexts} from "../src/world/signalTexts.js";
import {publishedRows} from "./_rows.js";

interface FlagRow {
  flag_id: number;
  date: string;
  actor_id: string;
  target_id: string | null;
  template_id: number;
  attack_id: string | null;
}

/**
 * The attack page's daily series for the configured world: flag volume and the secondary signals of
 * coordination, with the ground-truth attack ids and benign look-alike ids of each day, and how often
 * each signal fires on the look-alike days at the default inputs. The detector gets what a platform
 * sees: the flags' accounts and targets, the accounts' identifiers, and each flag's text (rendered here
 * from the world, for a sample of each day's flags), never the template it came from. The page runs
 * both detectors on these series live, with the same functions as attack_seeds.json.
 */
try {
  const config = parseConfig(process.env);
  const flags = await publishedRows<FlagRow>(config, "flags");
  const users = await publishedRows<SignalUser>(config, "users");
  const benign = await publishedRows<{event_id: string; start_date: string; end_date: string}>(config, "benign_events");
  const dates = rangeDates(WORLD_RANGE);
  const texts = signalTexts(config.seed, flags);
  const seen = flags.map((f, i) => ({date: f.date, actor_id: f.actor_id, target_id: f.target_id, text: texts[i]}));
  const signals = dailySignals(seen, users, dates);
  const lookalikes = lookalikeDays(benign, dates);
  const firing = lookalikeFiring(layerBaselines(signals), lookalikes.map((ids) => ids.length > 0));
  const similarity = {...SIMILARITY_OPTIONS, dayFlags: SIGNAL_TEXT_DAY_FLAGS, textsRead: texts.filter((t) => t !== null).length, flags: flags.length};
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, dates, signals, attacks: attackDays(flags, dates).attacks, lookalikes, firing, similarity}));
} catch (error) {
  process.stderr.write(`loader attack_signals.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
