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

/**
 * Where the build reads its tables: the seeded simulation (the default), a folder of import files
 * (WORKBOOK_DATA) or a live PostgreSQL database (WORKBOOK_DATABASE_URL, tables in WORKBOOK_SCHEMA).
 * See src/io/import/contract.ts for what the files and tables must hold.
 */
export type Source = {kind: "simulation"} | {kind: "files"; dir: string} | {kind: "database"; url: string; schema: string};

export const DEFAULT_SCHEMA = "public";
/** A plain PostgreSQL identifier: never quoted, so it cannot carry SQL. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A directory exists at `path` (the check is passed in so that the parser stays free of I/O). */
export type IsDirectory = (path: string) => boolean;

/**
 * Parses WORKBOOK_DATA (a folder that must exist) and WORKBOOK_DATABASE_URL (postgres:// or
 * postgresql://, with WORKBOOK_SCHEMA, a plain identifier, default "public"). Neither set: the
 * simulation; both set: an error, since a build reads one source. A bad value throws a one-line error
 * naming the variable and the rule; a URL's password is never printed.
 */
export function parseSource(env: Env, isDirectory: IsDirectory): Source {
  const dir = (env.WORKBOOK_DATA ?? "").trim();
  const url = (env.WORKBOOK_DATABASE_URL ?? "").trim();
  const schemaRaw = env.WORKBOOK_SCHEMA;
  if (dir && url) throw new Error("invalid source: WORKBOOK_DATA and WORKBOOK_DATABASE_URL are both set (set one: a folder of import files, or a PostgreSQL database)");
  if (schemaRaw !== undefined && schemaRaw.trim() !== "" && !url) throw new Error("invalid WORKBOOK_SCHEMA: it names a schema of the database, so set it only with WORKBOOK_DATABASE_URL");
  if (dir) {
    if (!isDirectory(dir)) throw new Error(`invalid WORKBOOK_DATA: ${show(dir)} is not a folder (expected the path of an existing folder of <table>.csv or <table>.parquet files)`);
    return {kind: "files", dir};
  }
  if (url) return {kind: "database", url: parseDatabaseUrl(url), schema: parseSchema(schemaRaw)};
  return {kind: "simulation"};
}

function parseDatabaseUrl(url: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:")) {
    // The value is not shown: a malformed URL can hold a password where redaction would miss it.
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1];
    const what = scheme ? `the scheme ${show(scheme)} is not postgres or postgresql` : "not a URL";
    throw new Error(`invalid WORKBOOK_DATABASE_URL: ${what}, value not shown (expected postgres://user:password@host:port/database or postgresql://...)`);
  }
  return url;
}

function parseSchema(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === "") return DEFAULT_SCHEMA;
  const text = raw.trim();
  if (!IDENTIFIER.test(text)) throw new Error(`invalid WORKBOOK_SCHEMA: ${show(raw)} (expected a plain identifier: a letter or _, then letters, digits or _, at most 63 characters; default ${DEFAULT_SCHEMA})`);
  return text;
}

/**
 * A URL as it may be printed: the password (anything between "user:" and "@" of the authority, and a
 * password= query parameter) replaced by ***. Works on text that does not parse as a URL, too.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^([^:/?#]*:\/\/[^/?#@:]*):[^/?#]*@/, "$1:***@")
    .replace(/([?&]password=)[^&#]*/gi, "$1***");
}

/** A source as it may be printed or published: the folder's path, or the database's host and schema, never a password. */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case "simulation":
      return "the simulation";
    case "files":
      return `the folder ${source.dir}`;
    case "database":
      return `the PostgreSQL database ${redactUrl(source.url)}, schema ${source.schema}`;
  }
}

/**
 * WORKBOOK_REJECTS: what an import does with rows that break the contract. "stop" (the default, also
 * for an empty value) fails the build with the report; "quarantine" builds without them and publishes
 * them with their reasons (data/rejects.csv).
 */
export function parseRejects(env: Env): "stop" | "quarantine" {
  const raw = (env.WORKBOOK_REJECTS ?? "").trim();
  if (raw === "" || raw === "stop") return "stop";
  if (raw === "quarantine") return "quarantine";
  throw new Error(`invalid WORKBOOK_REJECTS: ${show(env.WORKBOOK_REJECTS!)} (expected stop or quarantine; default stop)`);
}

/**
 * The privacy gate of imported data: a build from a platform's files or database must say whether it
 * publishes in privacy mode, because its identifiers and text are real. WORKBOOK_PRIVACY must be set
 * explicitly (1 or true, 0 or false); the simulation keeps parsePrivacy's default (off).
 */
export function parseImportPrivacy(env: Env, source: Source): PrivacyConfig {
  if (source.kind !== "simulation" && (env.WORKBOOK_PRIVACY ?? "").trim() === "") {
    throw new Error(`WORKBOOK_PRIVACY is not set: a build from imported data (${source.kind === "files" ? "WORKBOOK_DATA" : "WORKBOOK_DATABASE_URL"}) must choose explicitly: WORKBOOK_PRIVACY=1 (pseudonymised identifiers, suppressed small cells; also set WORKBOOK_PSEUDONYM_KEY to a secret of at least ${MIN_KEY_LENGTH} characters) or WORKBOOK_PRIVACY=0 (publish identifiers as they are)`);
  }
  return parsePrivacy(env);
}
