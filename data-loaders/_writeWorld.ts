import {existsSync, mkdirSync, renameSync, writeFileSync} from "node:fs";
import type {WorkbookConfig} from "../src/config.js";
import {encodeArrow} from "../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {columnsToCsv} from "../src/io/csv.js";
import {dataQuality, rejectsCsv, simulationQuality, sourceLabel} from "../src/io/import/quality.js";
import type {ImportResult} from "../src/io/import/validate.js";
import {asStored, type Columns} from "../src/io/schema.js";
import {readExperiment, WORLD_EXPERIMENT} from "../src/experiment/readExperiment.js";
import {reviewIncident, WORLD_INCIDENT} from "../src/incident/reviewIncident.js";
import {investigateReportSpike} from "../src/investigate/investigateReportSpike.js";
import {SESSION_QA, sessionQa} from "../src/moderation/sessionQa.js";
import {executiveSummary} from "../src/report/executive.js";
import {calibrationFigures} from "../src/world/calibration.js";
import {END_DATE} from "../src/core/constants.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables, FULL_DETAIL_SCALE, publishedSchemas, sampleRate, type PublishOptions} from "../src/world/tables.js";
import {openDuckDB, type DuckDB} from "./_duckdb.js";
import {CSV_TABLES, SCIENCE_FILES, type DerivedFile} from "./_worldFiles.js";
import {PIPELINE_INPUTS, runPipeline, unavailableOutputs} from "./_science.js";
import {importWorld} from "./_importWorld.js";
import {importSchemas} from "../src/world/fromImport/complete.js";
import {IMPORT_TABLES} from "../src/io/import/contract.js";
import type {WorldInput} from "./_worldFiles.js";

type Tables = Record<TableName, Columns>;

const json = (value: unknown) => JSON.stringify(value, null, 1);

/**
 * Files derived from the published tables, written with them, so that no loader simulates the world a
 * second time: a loader reads its file from the world cache and only adds what depends on the pages
 * of this build (links). The JSON files are the loaders' raw material, not what they publish.
 */
/** What a derived file is computed from: the stored tables, the configuration, the SQL over them, and the import, if any. */
interface Derive {
  tables: Tables;
  config: WorkbookConfig;
  query: DuckDB["query"];
  input: WorldInput;
  /** The import's validation (null for the simulation). */
  imported: ImportResult | null;
  /** Import tables the platform did not supply (none for the simulation): a file computed from one is null. */
  unsupplied: readonly string[];
  privacy: boolean;
}

const DERIVED: Record<DerivedFile, (d: Derive) => Uint8Array | string | Promise<Uint8Array | string>> = {
  // The world's seed and scale: an import's scale is its flags' (importScale), known only once it is read.
  "world.json": ({config}) => json({seed: config.seed, scale: config.scale}),
  // An import without moderator sessions has no QA sample to publish.
  "session_qa.arrow": ({tables, imported}) => encodeArrow(imported ? {...SESSION_QA, mayBeEmpty: true} : SESSION_QA, sessionQa(tables), null),
  "calibration.json": ({tables}) => json(calibrationFigures(tables)),
  // The dictionary's KPIs over the calendar's last 30 days and the 30 before, as KpiFigures (the cache
  // is not keyed on the reporting window, so the summary cannot depend on it).
  "executive.json": ({tables, config}) => json(executiveSummary(tables, END_DATE, {flagSampleRate: sampleRate(config.scale)})),
  "incident.json": ({tables}) => json(reviewIncident(tables, WORLD_INCIDENT)),
  // The investigation's and the experiment's SQL run in DuckDB over the published tables.
  "investigation.json": async ({tables, config, query, unsupplied}) => {
    if (lacksAny(unsupplied, ["events", "cohort", "users"])) return json(null);
    const investigation = await investigateReportSpike(query, {flagWeight: 1 / sampleRate(config.scale)});
    return json({cohortUsers: tables.cohort.user_id.length, fullDetailScale: FULL_DETAIL_SCALE, ...investigation});
  },
  "experiment.json": async ({query, unsupplied}) => json(lacksAny(unsupplied, ["events", "cohort", "users"]) ? null : await readExperiment(query, WORLD_EXPERIMENT)),
  // An import's rows read, accepted and rejected per table and rule, and its rejected rows with their
  // reasons; a simulated build reads no import: every table's rows, none rejected, an empty rejects file.
  "data_quality.json": ({tables, config, input: {source}, imported, privacy}) =>
    json(imported && source.kind !== "simulation" ? dataQuality(imported, sourceLabel(source), {privacy}) : simulationQuality(tables, config.seed)),
  "rejects.csv": ({imported, privacy}) => rejectsCsv(imported ?? {tables: []}, {privacy})
};

const lacksAny = (unsupplied: readonly string[], tables: readonly string[]) => tables.some((t) => unsupplied.includes(t));

/**
 * Simulates the configured world once, and writes every published table (Arrow, and CSV for the
 * download tables), every derived file and the science pipeline's outputs (under science/) into `dir`,
 * through a staging directory and an atomic rename: a concurrent loader (in preview) sees all files or
 * none.
 */
export async function writeWorld(env: WorkbookConfig, options: PublishOptions, dir: string, input: WorldInput): Promise<void> {
  const {tables, imported, config} = input.source.kind === "simulation"
    ? {tables: buildTables(simulate(env), options), imported: null, config: env}
    : await importWorld(input, options).then(({tables, result, scale}) => ({tables, imported: result, config: {...env, scale}}));
  const schemas = imported ? importSchemas(publishedSchemas(options), imported.tables.map((t) => t.table)) : publishedSchemas(options);
  const staging = `${dir}.${process.pid}`;
  mkdirSync(staging, {recursive: true});
  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    // encodeArrow checks the table against its contract, references included, before the CSV is written.
    writeFileSync(`${staging}/${name}.arrow`, encodeArrow(schemas[name], tables[name], tables));
    if (CSV_TABLES.includes(name)) {
      writeFileSync(`${staging}/${name}.csv`, columnsToCsv(csvColumns(name, tables[name]), schemas[name].columns.map((c) => c.name)));
    }
  }
  // One database for every SQL step (the investigation, the experiment, the pipeline's core tables):
  // the tables, the event log above all, go in once.
  const db = await openDuckDB({daily_country: tables.daily_country, flags: tables.flags, users: tables.users, rings: tables.rings, cohort: tables.cohort, events: tables.events, known_events: tables.known_events});
  try {
    // Derived files read the tables as the pages will: float32 columns at their stored precision.
    const stored = Object.fromEntries(Object.entries(tables).map(([name, columns]) => [name, asStored(schemas[name as TableName], columns)])) as Tables;
    const unsupplied = imported ? IMPORT_TABLES.map((t) => t.name).filter((t) => !imported.tables.some((s) => s.table === t)) : [];
    const derive: Derive = {tables: stored, config, query: db.query, input, imported, unsupplied, privacy: Boolean(options.pseudonym)};
    for (const [file, write] of Object.entries(DERIVED)) writeFileSync(`${staging}/${file}`, await write(derive));
    mkdirSync(`${staging}/science`);
    const science = lacksAny(unsupplied, PIPELINE_INPUTS) ? unavailableOutputs(SCIENCE_FILES) : await runPipeline(config, tables, db.query);
    for (const [file, content] of Object.entries(science)) writeFileSync(`${staging}/science/${file}`, content);
  } finally {
    db.close();
  }
  try {
    renameSync(staging, dir);
  } catch {
    if (!existsSync(dir)) throw new Error(`cannot write the world cache ${dir}`);
  }
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
