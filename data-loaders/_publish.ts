import {createHash, createHmac} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {parseConfig, parsePrivacy, type PrivacyConfig, type WorkbookConfig} from "../src/config.js";
import {encodeArrow} from "../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {columnsToCsv} from "../src/io/csv.js";
import {assertTable, type Columns} from "../src/io/schema.js";
import {SESSION_QA, sessionQa} from "../src/moderation/sessionQa.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables, publishedSchemas, type PublishOptions} from "../src/world/tables.js";

export type Format = "arrow" | "csv";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "docs", ".observablehq", "cache", "_world");
/** The tables that also ship as CSV for download. */
export const CSV_TABLES: readonly TableName[] = ["daily_country", "flags", "attacks", "reviewers", "moderator_sessions", "cohort"];

/**
 * The one thing every table loader does: simulate the configured world, project it into the published
 * tables, check each against its contract (references included), and write the requested one to stdout.
 * Framework runs loaders one after another, each in its own process, so the first loader of a build
 * writes every table to a cache keyed by the configuration and the library's source, and the others
 * copy from it. Any failure exits non-zero with a message that names the table, which fails the build.
 */
export async function publish(name: TableName, format: Format): Promise<void> {
  try {
    await write(tableBytes(parseConfig(process.env), name, format));
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

/**
 * Files derived from the published tables by other loaders, written with them, so that no loader
 * simulates the world a second time.
 */
const DERIVED = {
  "session_qa.arrow": (tables: Record<TableName, Columns>) => encodeArrow(SESSION_QA, sessionQa(tables), null)
} as const;
export type DerivedFile = keyof typeof DERIVED;

export function tableBytes(config: WorkbookConfig, name: TableName, format: Format): Uint8Array {
  return cachedBytes(config, `${name}.${format}`);
}

export function derivedBytes(config: WorkbookConfig, file: DerivedFile): Uint8Array {
  return cachedBytes(config, file);
}

function cachedBytes(config: WorkbookConfig, name: string): Uint8Array {
  const privacy = parsePrivacy(process.env);
  const dir = join(CACHE, cacheKey(config, privacy));
  const file = join(dir, name);
  if (!existsSync(file)) writeAll(config, publishOptions(privacy), dir);
  return readFileSync(file);
}

function writeAll(config: WorkbookConfig, options: PublishOptions, dir: string): void {
  const tables = buildTables(simulate(config), options);
  const schemas = publishedSchemas(options);
  const staging = `${dir}.${process.pid}`;
  mkdirSync(staging, {recursive: true});
  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    writeFileSync(join(staging, `${name}.arrow`), encodeArrow(schemas[name], tables[name], tables));
    if (CSV_TABLES.includes(name)) {
      assertTable(schemas[name], tables[name], tables);
      writeFileSync(join(staging, `${name}.csv`), columnsToCsv(csvColumns(name, tables[name]), schemas[name].columns.map((c) => c.name)));
    }
  }
  for (const [file, derive] of Object.entries(DERIVED)) writeFileSync(join(staging, file), derive(tables));
  // An atomic rename: a concurrent loader (in preview) sees all tables or none.
  try {
    renameSync(staging, dir);
  } catch {
    if (!existsSync(dir)) throw new Error(`cannot write the world cache ${relative(ROOT, dir)}`);
  }
}

/** Changes with the configuration, the privacy key and any source file the tables depend on. */
function cacheKey(config: WorkbookConfig, privacy: PrivacyConfig): string {
  // The reporting window does not change the world or its tables, only the pages' default views.
  const hash = createHash("sha256").update(JSON.stringify({seed: config.seed, scale: config.scale})).update(JSON.stringify(privacy));
  for (const file of sourceFiles(join(ROOT, "src"))) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** CSV shows timestamps as ISO 8601 UTC. */
function csvColumns(name: TableName, columns: Columns): Columns {
  const out: Columns = {...columns};
  for (const spec of SCHEMAS[name].columns) {
    if (spec.type !== "timestamp") continue;
    out[spec.name] = Array.from(columns[spec.name] as ArrayLike<number | null>, (v) => (v === null || Number.isNaN(v) ? null : new Date(v).toISOString()));
  }
  return out;
}

function write(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
}
