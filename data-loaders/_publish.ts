import {createHash, createHmac} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {parseConfig, parsePrivacy, type PrivacyConfig, type WorkbookConfig} from "../src/config.js";
import type {TableName} from "../src/io/contracts.js";
import type {PublishOptions} from "../src/world/tables.js";

export type Format = "arrow" | "csv";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "docs", ".observablehq", "cache", "_world");
/** The tables that also ship as CSV for download. */
export const CSV_TABLES: readonly TableName[] = ["daily_country", "flags", "attacks", "benign_events", "reviewers", "moderator_sessions", "cohort"];
/** Files derived from the published tables and written with them (see _writeWorld.ts). */
export type DerivedFile = "session_qa.arrow" | "calibration.json" | "executive.json" | "incident.json" | "investigation.json" | "experiment.json";

/**
 * The one thing every table loader does: simulate the configured world, project it into the published
 * tables, check each against its contract (references included), and write the requested one to stdout.
 * Framework runs loaders one after another, each in its own process, so the first loader of a build
 * simulates the world once and writes every table, the files derived from them and the science
 * pipeline's outputs to a cache keyed by the configuration and the sources (_writeWorld.ts); the
 * others copy from it. Any failure exits non-zero with a message that names the table, which fails the build.
 */
export async function publish(name: TableName, format: Format): Promise<void> {
  try {
    await write(await tableBytes(parseConfig(process.env), name, format));
  } catch (error) {
    process.stderr.write(`loader ${name}.${format} failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** Publication options from the environment: in privacy mode, HMAC-SHA-256 pseudonyms under the secret key. */
export function publishOptions(privacy: PrivacyConfig = parsePrivacy(process.env)): PublishOptions {
  if (!privacy.enabled) return {};
  const key = privacy.key!;
  return {pseudonym: (value) => `p_${createHmac("sha256", key).update(value).digest("base64url").slice(0, 16)}`};
}

export function tableBytes(config: WorkbookConfig, name: TableName, format: Format): Promise<Uint8Array> {
  return cachedBytes(config, `${name}.${format}`);
}

export function derivedBytes(config: WorkbookConfig, file: DerivedFile): Promise<Uint8Array> {
  return cachedBytes(config, file);
}

/** An output of the protection-science pipeline (data-loaders/_science.ts), such as `core_users.arrow`. */
export function scienceBytes(config: WorkbookConfig, file: string): Promise<Uint8Array> {
  return cachedBytes(config, `science/${file}`);
}

/** The one thing every loader under data-loaders/science/ does: write its pipeline output to stdout. */
export async function publishScience(file: string): Promise<void> {
  try {
    await write(await scienceBytes(parseConfig(process.env), file));
  } catch (error) {
    process.stderr.write(`loader science/${file} failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** A derived JSON file of the world cache, parsed. */
export async function derivedJson<T = any>(config: WorkbookConfig, file: DerivedFile & `${string}.json`): Promise<T> {
  return JSON.parse(Buffer.from(await derivedBytes(config, file)).toString("utf8")) as T;
}

/**
 * A cache hit only reads a file: the simulation, the Arrow encoder and DuckDB are imported on a miss
 * alone, since each loader is its own process and most of them only copy a file.
 */
async function cachedBytes(config: WorkbookConfig, name: string): Promise<Uint8Array> {
  const privacy = parsePrivacy(process.env);
  const dir = worldDir(config, privacy);
  const file = join(dir, name);
  if (!existsSync(file)) {
    const {writeWorld} = await import("./_writeWorld.js");
    await writeWorld(config, publishOptions(privacy), dir);
    if (!existsSync(file)) throw new Error(`the world cache has no file named ${name}`);
  }
  return readFileSync(file);
}

/**
 * A file computed from the published tables by `compute`, cached beside the world under `name` (which
 * must say whatever else it depends on, such as the reporting window): loaders that share it compute
 * it once per build.
 */
export async function sharedFile(config: WorkbookConfig, name: string, compute: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(worldDir(config, parsePrivacy(process.env)), "shared", name);
  if (existsSync(file)) return readFileSync(file);
  const bytes = await compute();
  mkdirSync(dirname(file), {recursive: true});
  // Written whole under another name first, so that no loader reads half a file.
  writeFileSync(`${file}.partial`, bytes);
  renameSync(`${file}.partial`, file);
  return bytes;
}

function worldDir(config: WorkbookConfig, privacy: PrivacyConfig): string {
  return join(CACHE, cacheKey(config, privacy));
}

/** Changes with the configuration, the privacy key and any source file the cached files depend on. */
function cacheKey(config: WorkbookConfig, privacy: PrivacyConfig): string {
  // The reporting window does not change the world or its tables, only the pages' default views.
  const hash = createHash("sha256").update(JSON.stringify({seed: config.seed, scale: config.scale})).update(JSON.stringify(privacy));
  const files = [
    ...sourceFiles(join(ROOT, "src")),
    ...sourceFiles(join(ROOT, "sql")),
    ...["_publish.ts", "_writeWorld.ts", "_science.ts", "_duckdb.ts", "_transparency.ts"].map((f) => join(ROOT, "data-loaders", f))
  ];
  for (const file of files) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|sql)$/.test(e.name) ? [join(dir, e.name)] : []));
}

function write(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
}
