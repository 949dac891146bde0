import {createHash, createHmac} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {parsePrivacy, parseRejects, parseSource, type PrivacyConfig, type WorkbookConfig} from "../src/config.js";
import type {PublishOptions} from "../src/world/tables.js";
import type {WorldInput} from "./_worldFiles.js";

/*
 * The build's world cache: where it lives, its key, and reading a file from it. It does not write the
 * world itself (that is _writeWorld.ts, passed in by _registry.ts), so neither module imports the other.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "docs", ".observablehq", "cache", "_world");

/** The world input of this environment (WORKBOOK_DATA, WORKBOOK_DATABASE_URL, WORKBOOK_SCHEMA, WORKBOOK_REJECTS). */
export function worldInput(env: NodeJS.ProcessEnv = process.env): WorldInput {
  return {source: parseSource(env, (path) => existsSync(path) && statSync(path).isDirectory()), rejects: parseRejects(env)};
}

/** Writes every file of the configured world into `dir` (_writeWorld.ts's writeWorld). */
export type WorldWriter = (config: WorkbookConfig, options: PublishOptions, dir: string, input: WorldInput) => Promise<void>;

/** Publication options from the environment: in privacy mode, HMAC-SHA-256 pseudonyms under the secret key. */
export function publishOptions(privacy: PrivacyConfig = parsePrivacy(process.env)): PublishOptions {
  if (!privacy.enabled) return {};
  const key = privacy.key!;
  return {pseudonym: (value) => `p_${createHmac("sha256", key).update(value).digest("base64url").slice(0, 16)}`};
}

/**
 * A file of the world cache of this configuration and privacy mode, such as `flags.arrow` or
 * `science/core_users.arrow`. Framework runs loaders one after another, each in its own process, so
 * the first loader of a build finds no cache and has `write` simulate the world and write every file
 * (the caller passes writeWorld, imported on a miss alone: most loaders only copy a file); the others
 * read theirs.
 */
export async function cachedBytes(config: WorkbookConfig, privacy: PrivacyConfig, name: string, write: WorldWriter, input: WorldInput = worldInput()): Promise<Uint8Array> {
  const dir = worldDir(config, privacy, input);
  const file = join(dir, name);
  if (!existsSync(file)) {
    await write(config, publishOptions(privacy), dir, input);
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
  const file = join(worldDir(config, parsePrivacy(process.env), worldInput()), "shared", name);
  if (existsSync(file)) return readFileSync(file);
  const bytes = await compute();
  mkdirSync(dirname(file), {recursive: true});
  // Written whole under another name first, so that no loader reads half a file.
  writeFileSync(`${file}.partial`, bytes);
  renameSync(`${file}.partial`, file);
  return bytes;
}

function worldDir(config: WorkbookConfig, privacy: PrivacyConfig, input: WorldInput): string {
  return join(CACHE, cacheKey(config, privacy, input));
}

/**
 * Changes with the configuration, the privacy key, the world's input (an imported folder's files by
 * name, size and modification time) and any source file the cached files depend on. A database cannot
 * be fingerprinted cheaply: `npm run build` clears the cache, so each build reads it afresh.
 */
function cacheKey(config: WorkbookConfig, privacy: PrivacyConfig, input: WorldInput): string {
  // The reporting window does not change the world or its tables, only the pages' default views.
  // An import's scale is its data's, not the configuration's (src/world/fromImport/scale.ts).
  const scale = input.source.kind === "simulation" ? config.scale : null;
  const hash = createHash("sha256").update(JSON.stringify({seed: config.seed, scale})).update(JSON.stringify(privacy));
  hash.update(JSON.stringify(input));
  if (input.source.kind === "files") {
    for (const entry of readdirSync(input.source.dir, {withFileTypes: true}).filter((e) => e.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const stat = statSync(join(input.source.dir, entry.name));
      hash.update(`${entry.name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  const files = [
    ...sourceFiles(join(ROOT, "src")),
    ...sourceFiles(join(ROOT, "sql")),
    ...["_publish.ts", "_worldFiles.ts", "_writeWorld.ts", "_science.ts", "_duckdb.ts", "_transparency.ts", "_importWorld.ts", "_importFiles.ts", "_importDatabase.ts"].map((f) => join(ROOT, "data-loaders", f))
  ];
  for (const file of files) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|sql)$/.test(e.name) ? [join(dir, e.name)] : []));
}
