import {signalTextRate} from "../core/sampling.js";
import {renderSnippet} from "./text.js";

/**
 * What the attack detector's content-similarity signal reads: the text of the content each flag is on,
 * as a platform stores it, for a deterministic sample of each day's flags (every flag up to
 * SIGNAL_TEXT_DAY_FLAGS a day). The template a text was generated from stays here, in the world; the
 * detector gets the text alone (null for a flag outside the day's sample).
 */
export interface TextedFlag {
  flag_id: number;
  date: string | Date;
  template_id: number;
}

/**
 * Keeps flag i when a hash of its id falls under the rate. Not tables.ts's `sampled` hash: the flags
 * given are often that hash's sample already (above scale 4), and the same hash would keep them all.
 */
export function textSampled(i: number, rate: number): boolean {
  if (rate >= 1) return true;
  let x = Math.imul((i + 1) ^ 0x5bd1e995, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0 < rate * 2 ** 32;
}

const dayOf = (date: string | Date) => (typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10));

/** Each flag's text (null when outside its day's sample), in the order of `flags`. */
export function signalTexts(seed: number, flags: readonly TextedFlag[]): (string | null)[] {
  const perDay = new Map<string, number>();
  for (const f of flags) perDay.set(dayOf(f.date), (perDay.get(dayOf(f.date)) ?? 0) + 1);
  return flags.map((f) => (textSampled(f.flag_id, signalTextRate(perDay.get(dayOf(f.date))!)) ? renderSnippet(seed, f.flag_id, f.template_id) : null));
}
