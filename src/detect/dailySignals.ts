/**
 * The daily series an attack detector looks at: flag volume, and the secondary signals of
 * coordination that the T&S ops dashboard names (account age, content similarity, shared identifiers, target
 * overlap). Each is computed from what a platform sees (the published flags, the users' identifiers
 * and the content's text), as an analyst would; content similarity comes from the text alone, by
 * MinHash (src/cluster/minhash.ts), never from how the text was generated.
 */
import {MINHASH_DEFAULTS, nearDuplicateGroups, type MinHashOptions} from "../cluster/minhash.js";

export interface SignalFlag {
  date: string | Date;
  actor_id: string;
  target_id?: string | null;
  /**
   * The flagged content's text, when the day's text sample holds it; null or absent otherwise. The
   * content-similarity signal reads only these, and scales its group size by flags / texts of the day.
   */
  text?: string | null;
}

export interface SignalUser {
  user_id: string;
  signup_date: string | Date;
  device_id: string;
  payment_id?: string | null;
}

export const SECONDARY_SIGNALS = ["young", "duplicate", "shared", "target"] as const;
export type SecondarySignal = (typeof SECONDARY_SIGNALS)[number];

export const SIGNAL_LABELS: Record<"volume" | SecondarySignal, string> = {
  volume: "Flags",
  young: "Flags on young accounts",
  duplicate: "Largest near-duplicate cluster",
  shared: "Flags from linked accounts",
  target: "Most flags on one target"
};

export const SIGNAL_DESCRIPTIONS: Record<"volume" | SecondarySignal, string> = {
  volume: "Flags raised that day.",
  young: "Flags on content posted by accounts younger than the age limit on that day (account age).",
  duplicate: "Flags in the day's largest group of near-duplicate texts: MinHash over character shingles, scaled from the day's text sample to all its flags (content similarity).",
  shared: "Flags on content from accounts that share a device or payment instrument with another account flagged the same day (shared identifiers).",
  target: "Flags on the single most-targeted account that day (target overlap)."
};

export interface DailySignals {
  dates: string[];
  volume: number[];
  young: number[];
  duplicate: number[];
  shared: number[];
  target: number[];
}

export interface DailySignalsOptions {
  /** Accounts younger than this many days count as young. */
  youngDays?: number;
  /** The near-duplicate test of the content-similarity signal. */
  minhash?: MinHashOptions;
}

/** The content-similarity signal's defaults: src/cluster/minhash.ts's, stated on the attack page. */
export const SIMILARITY_OPTIONS: Required<MinHashOptions> = MINHASH_DEFAULTS;

/**
 * The flags in a day's largest near-duplicate group, estimated from the texts of a sample of the day's
 * `flags`: the largest group among the texts, times flags / texts (0 without texts).
 */
export function largestNearDuplicateGroup(texts: readonly string[], flags: number, options: MinHashOptions = SIMILARITY_OPTIONS): number {
  if (texts.length === 0) return 0;
  const {sizes} = nearDuplicateGroups(texts, options);
  return Math.round((Math.max(...sizes) * flags) / texts.length);
}

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a date string or a Date (UTC). */
export function dayKey(date: string | Date): string {
  return typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

const dayMs = (date: string | Date) => (typeof date === "string" ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** One value of each signal per date of `dates` (days without flags are zero). */
export function dailySignals(flags: Iterable<SignalFlag>, users: Iterable<SignalUser>, dates: readonly string[], {youngDays = 30, minhash = SIMILARITY_OPTIONS}: DailySignalsOptions = {}): DailySignals {
  if (!(youngDays > 0)) throw new Error(`invalid youngDays: ${youngDays}`);
  const index = new Map(dates.map((d, i) => [d, i]));
  const account = new Map<string, {signup: number; device: string; payment: string | null}>();
  for (const u of users) account.set(u.user_id, {signup: dayMs(u.signup_date), device: u.device_id, payment: u.payment_id ?? null});
  const byDay: SignalFlag[][] = dates.map(() => []);
  for (const f of flags) {
    const i = index.get(dayKey(f.date));
    if (i !== undefined) byDay[i].push(f);
  }
  const out: DailySignals = {dates: [...dates], volume: [], young: [], duplicate: [], shared: [], target: []};
  byDay.forEach((rows, i) => {
    const day = dayMs(dates[i]);
    let young = 0;
    const texts: string[] = [];
    const targets = new Map<string, number>();
    // Distinct flagged accounts per device and per payment instrument.
    const byDevice = new Map<string, Set<string>>();
    const byPayment = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, key: string, actor: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(actor);
    };
    for (const f of rows) {
      const a = account.get(f.actor_id);
      if (a && (day - a.signup) / DAY_MS < youngDays) young++;
      if (f.text != null) texts.push(f.text);
      if (f.target_id != null) targets.set(f.target_id, (targets.get(f.target_id) ?? 0) + 1);
      if (a) {
        add(byDevice, a.device, f.actor_id);
        if (a.payment !== null) add(byPayment, a.payment, f.actor_id);
      }
    }
    let shared = 0;
    for (const f of rows) {
      const a = account.get(f.actor_id);
      if (a && (byDevice.get(a.device)!.size > 1 || (a.payment !== null && byPayment.get(a.payment)!.size > 1))) shared++;
    }
    out.volume.push(rows.length);
    out.young.push(young);
    out.duplicate.push(largestNearDuplicateGroup(texts, rows.length, minhash));
    out.shared.push(shared);
    out.target.push(Math.max(0, ...targets.values()));
  });
  return out;
}
