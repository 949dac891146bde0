import {addDays, daysBetween, parseDate} from "./core/calendar.js";
import {END_DATE, START_DATE} from "./core/constants.js";

/**
 * The build configuration: which world to simulate, and which days the pages report on. It is read from
 * environment variables by the build script (which rejects bad values before anything runs) and again
 * by every loader, so both agree.
 */

export interface WorkbookConfig {
  /** Seed of the world's random generator: the same seed gives byte-identical data. */
  seed: number;
  /** Volume multiplier: 1 is the calibrated default; every count scales with it. */
  scale: number;
  /**
   * The reporting window, first and last UTC day (YYYY-MM-DD, inclusive): the date range the pages'
   * views start on. The world is still simulated over the whole calendar, because baselines, trends
   * and models need the history before the window.
   */
  from: string;
  to: string;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_SCALE = 1;
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** Larger worlds take too long to simulate and ship for a static site. */
export const MAX_SCALE = 250;

/** Default reporting window: the last 90 days of the calendar. */
export const DEFAULT_WINDOW_DAYS = 90;
/** The shortest window: four whole weeks, so that weekly and 7-day views have something to show. */
export const MIN_WINDOW_DAYS = 28;
export const DEFAULT_TO = END_DATE;
export const DEFAULT_FROM = addDays(END_DATE, 1 - DEFAULT_WINDOW_DAYS);

export type Env = Readonly<Record<string, string | undefined>>;

const INTEGER = /^\d+$/;
// Plain decimals only: Number() would also accept "0x10", "1_000"-like surprises and " ".
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses WORKBOOK_SEED (an integer in [0, 2^53 - 1], default 42), WORKBOOK_SCALE (a number in
 * (0, 250], default 1) and the reporting window WORKBOOK_FROM..WORKBOOK_TO (UTC dates YYYY-MM-DD
 * inside the calendar, FROM <= TO, at least 28 days; default the calendar's last 90 days). An unset or
 * empty variable takes its default; an unset FROM is 90 days before TO, clamped to the calendar. A bad
 * value throws an error whose one-line message names the variable, the value and the accepted range.
 */
export function parseConfig(env: Env): WorkbookConfig {
  const seed = parseSeed(env.WORKBOOK_SEED);
  const scale = parseScale(env.WORKBOOK_SCALE);
  return {seed, scale, ...parseWindow(env)};
}

function parseWindow(env: Env): {from: string; to: string} {
  const to = parseDay("WORKBOOK_TO", env.WORKBOOK_TO, DEFAULT_TO);
  const fallback = addDays(to, 1 - DEFAULT_WINDOW_DAYS);
  const from = parseDay("WORKBOOK_FROM", env.WORKBOOK_FROM, fallback < START_DATE ? START_DATE : fallback);
  const range = `expected WORKBOOK_FROM <= WORKBOOK_TO, at least ${MIN_WINDOW_DAYS} days apart inclusive, within ${START_DATE} to ${END_DATE}; default ${DEFAULT_FROM} to ${DEFAULT_TO}`;
  if (from > to) throw new Error(`invalid reporting window: WORKBOOK_FROM ${show(from)} is after WORKBOOK_TO ${show(to)} (${range})`);
  const days = daysBetween(from, to) + 1;
  if (days < MIN_WINDOW_DAYS) throw new Error(`invalid reporting window: WORKBOOK_FROM ${show(from)} to WORKBOOK_TO ${show(to)} is ${days} day${days === 1 ? "" : "s"} (${range})`);
  return {from, to};
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw.trim() === "") return fallback;
  const text = raw.trim();
  let valid = ISO_DAY.test(text);
  if (valid) {
    try {
      parseDate(text); // rejects days that do not exist, such as 2025-02-30
    } catch {
      valid = false;
    }
  }
  if (!valid || text < START_DATE || text > END_DATE) {
    throw new Error(`invalid ${name}: ${show(raw)} (expected a UTC date YYYY-MM-DD from ${START_DATE} to ${END_DATE}; default ${name === "WORKBOOK_TO" ? DEFAULT_TO : DEFAULT_FROM})`);
  }
  return text;
}

function parseSeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SEED;
  const text = raw.trim();
  const seed = INTEGER.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`invalid WORKBOOK_SEED: ${show(raw)} (expected an integer from 0 to ${MAX_SEED}; default ${DEFAULT_SEED})`);
  }
  return seed;
}

function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SCALE;
  const text = raw.trim();
  const scale = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(scale > 0 && scale <= MAX_SCALE)) {
    throw new Error(`invalid WORKBOOK_SCALE: ${show(raw)} (expected a number in (0, ${MAX_SCALE}]; default ${DEFAULT_SCALE})`);
  }
  return scale;
}

// JSON quoting keeps the message on one line even when the value holds a newline.
function show(raw: string): string {
  return JSON.stringify(raw);
}

/**
 * Privacy mode for publishing real data: WORKBOOK_PRIVACY=1 pseudonymises identifier columns with a
 * keyed hash (HMAC-SHA-256 keyed by WORKBOOK_PSEUDONYM_KEY, which must come from the environment and is
 * never written anywhere) and suppresses small counts in country-level breakdowns. Kept apart from
 * WorkbookConfig so that the key cannot travel with the configuration into a published file.
 */
export interface PrivacyConfig {
  enabled: boolean;
  /** Present when enabled. */
  key?: string;
}

export const MIN_KEY_LENGTH = 16;

export function parsePrivacy(env: Env): PrivacyConfig {
  const raw = (env.WORKBOOK_PRIVACY ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false") return {enabled: false};
  if (raw !== "1" && raw !== "true") throw new Error(`invalid WORKBOOK_PRIVACY: ${show(env.WORKBOOK_PRIVACY!)} (expected 1, true, 0 or false; default off)`);
  const key = env.WORKBOOK_PSEUDONYM_KEY ?? "";
  // The message names the variable and the rule, never the value: it is a secret.
  if (key.length < MIN_KEY_LENGTH) throw new Error(`invalid WORKBOOK_PSEUDONYM_KEY: set it to a secret of at least ${MIN_KEY_LENGTH} characters when WORKBOOK_PRIVACY is on (it is ${key.length} characters)`);
  return {enabled: true, key};
}
