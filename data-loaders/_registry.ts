import {parseConfig, parseImportPrivacy} from "../src/config.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {cachedBytes, worldInput, type WorldWriter} from "./_publish.js";
import {CSV_TABLES, SCIENCE_FILES, type DerivedFile, type Format, type World} from "./_worldFiles.js";

/**
 * The one registry of published files: for every file under docs/data (data-loaders/, one loader file
 * each, `await load("cases.arrow")`), what produces it:
 *
 * - `table`: a published world table, in Arrow or (for CSV_TABLES) CSV, copied from the world cache;
 * - `derived`: a file derived from the tables with them (_writeWorld.ts's DERIVED), copied as is;
 * - `science`: an output of the protection-science pipeline (_science.ts), copied as is;
 * - `producer`: a named function of the world (in _siteFiles.ts, _derivedFiles.ts, _metricFiles.ts,
 *   _attackFiles.ts or _transparency.ts), imported only by the loader that runs it.
 *
 * The first read of the world cache in a build simulates the world and writes every table, derived file
 * and science output (_writeWorld.ts); every other loader only copies its file. load() is the one error
 * path: any failure prints `loader <file> failed: <message>` and exits 1, which fails the build.
 */

type Bytes = Uint8Array | string;
type Producer = (world: World) => Bytes | Promise<Bytes>;

export type Entry =
  | {kind: "table"; table: TableName; format: Format}
  | {kind: "derived"; file: DerivedFile}
  | {kind: "science"; file: string}
  | {kind: "producer"; name: string; produce: Producer};


// Producer modules, imported on demand: a loader that copies a file loads none of them.
const site = () => import("./_siteFiles.js");
const derived = () => import("./_derivedFiles.js");
const metrics = () => import("./_metricFiles.js");
const attacks = () => import("./_attackFiles.js");
const transparency = () => import("./_transparency.js");

/** A producer `name` exported by a module of producers. */
function producer<M>(module: () => Promise<M>, name: keyof M & string): Entry {
  return {kind: "producer", name, produce: async (world) => ((await module())[name] as Producer)(world)};
}

const PRODUCERS: Record<string, Entry> = {
  "config.json": producer(site, "configJson"),
  "calendar.arrow": producer(site, "calendarArrow"),
  "countries.arrow": producer(site, "countriesArrow"),
  "catalog.json": producer(site, "catalogJson"),
  "session_qa.arrow": {kind: "derived", file: "session_qa.arrow"},
  // What the build read, row by row accounted for (the data-quality page), and the rows it rejected.
  "data_quality.json": {kind: "derived", file: "data_quality.json"},
  "rejects.csv": {kind: "derived", file: "rejects.csv"},
  "calibration.json": producer(derived, "calibrationJson"),
  "executive.json": producer(derived, "executiveJson"),
  "incident.json": producer(derived, "incidentJson"),
  "investigation.json": producer(derived, "investigationJson"),
  "experiment.json": producer(derived, "experimentJson"),
  "kpis.json": producer(metrics, "kpisJson"),
  "insights.json": producer(metrics, "insightsJson"),
  "mix_by_category.json": producer(metrics, "mixByCategoryJson"),
  "weekly_summary.json": producer(metrics, "weeklySummaryJson"),
  "attack_signals.json": producer(attacks, "attackSignalsJson"),
  "attack_seeds.json": producer(attacks, "attackSeedsJson"),
  "transparency.json": producer(transparency, "transparencyJson"),
  "statements_of_reasons.ndjson": producer(transparency, "statementsNdjson"),
  "statements_of_reasons.csv": producer(transparency, "statementsCsv"),
  "dsa_report.csv": producer(transparency, "dsaReportCsv")
};

/** Every published file (its path under docs/data) and what produces it. */
export const REGISTRY: Readonly<Record<string, Entry>> = {
  ...Object.fromEntries((Object.keys(SCHEMAS) as TableName[]).flatMap((table) => [
    [`${table}.arrow`, {kind: "table", table, format: "arrow"} as Entry],
    ...(CSV_TABLES.includes(table) ? [[`${table}.csv`, {kind: "table", table, format: "csv"} as Entry]] : [])
  ])),
  ...Object.fromEntries(SCIENCE_FILES.map((file) => [`science/${file}`, {kind: "science", file} as Entry])),
  ...PRODUCERS
};

/** Simulates the world and writes the cache: the simulation, the Arrow encoder and DuckDB load on a miss alone. */
const writeWorld: WorldWriter = async (config, options, dir, input) => (await import("./_writeWorld.js")).writeWorld(config, options, dir, input);

/**
 * The world of this configuration (environment), read from the build's world cache. An import's scale
 * is not configured but its flags' (src/world/fromImport/scale.ts): it is read from the cache.
 */
export async function worldOf(env: NodeJS.ProcessEnv = process.env, write: WorldWriter = writeWorld): Promise<World> {
  const config = parseConfig(env);
  const input = worldInput(env);
  // A build from imported data must choose privacy mode explicitly; the simulation defaults to off.
  const privacy = parseImportPrivacy(env, input.source);
  const read = (name: string) => cachedBytes(config, privacy, name, write, input);
  const scale = input.source.kind === "simulation" ? config.scale : (JSON.parse(new TextDecoder().decode(await read("world.json"))) as {scale: number}).scale;
  return {config: {...config, scale}, privacy, table: (name, format = "arrow") => read(`${name}.${format}`), derived: read, science: (file) => read(`science/${file}`)};
}

/** The bytes of a published file, from the entry that produces it. */
export async function produce(file: string, world: () => World | Promise<World> = worldOf): Promise<Bytes> {
  const entry = REGISTRY[file];
  if (!entry) throw new Error(`data-loaders/_registry.ts has no entry for ${file}`);
  const w = await world();
  switch (entry.kind) {
    case "table": return w.table(entry.table, entry.format);
    case "derived": return w.derived(entry.file);
    case "science": return w.science(entry.file);
    case "producer": return entry.produce(w);
  }
}

export interface LoaderIo {
  stdout: Pick<NodeJS.WriteStream, "write">;
  stderr: Pick<NodeJS.WriteStream, "write">;
  exit: (code: number) => never | void;
}

/** Runs one loader: `bytes()` to stdout, or on any failure `loader <file> failed: <message>` to stderr and exit 1. */
export async function run(file: string, bytes: () => Bytes | Promise<Bytes>, io: LoaderIo = process): Promise<void> {
  try {
    const out = await bytes();
    await new Promise<void>((resolve, reject) => io.stdout.write(out, (error) => (error ? reject(error) : resolve())));
  } catch (error) {
    io.stderr.write(`loader ${file} failed: ${(error as Error).message}\n`);
    io.exit(1);
  }
}

/** The whole of a loader: writes published file `file` (such as `cases.arrow` or `science/model.json`) to stdout. */
export function load(file: string, io: LoaderIo = process): Promise<void> {
  return run(file, () => produce(file), io);
}
