import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import type {WorkbookConfig} from "../src/config.js";
import {analyseTransparency, joinDsaFlags, type HarmonisedReport, type MonthlyRow} from "../src/dsa/harmonisedReport.js";
import {parseDsaMapping, type DsaMapping} from "../src/dsa/mapping.js";
import {harmonisedReportRows, sampleStatements} from "../src/dsa/reportRows.js";
import {STATEMENT_FIELDS, type StatementOfReasons} from "../src/dsa/statement.js";
import {statementsOfReasons} from "../src/dsa/statementsOfReasons.js";
import {formatStatementViolations, validateStatements} from "../src/dsa/validateStatements.js";
import {toCsv} from "../src/io/csv.js";
import {toRows} from "../src/io/readArrow.js";
import {sampleRate} from "../src/world/tables.js";
import {sharedFile} from "./_publish.js";
import type {World} from "./_worldFiles.js";

export const MAPPING_FILE = "src/dsa/dsa-mapping.json";

export interface TransparencyOutputs {
  config: WorkbookConfig;
  mapping: DsaMapping;
  statements: StatementOfReasons[];
  report: HarmonisedReport;
  sampleRate: number;
}

/**
 * The statements of reasons for the reporting window and the harmonised report, from the published
 * flags, dsa_flags and monthly_active tables and the mapping file. Nothing is published unless every
 * statement passes the API's rules: otherwise this throws with every violation listed. Null when the
 * data has no DSA decisions (an import without dsa_decisions: dsa_flags has no rows for its flags).
 */
export async function transparencyOutputs(world: World): Promise<TransparencyOutputs | null> {
  const {config} = world;
  const mapping = parseDsaMapping(JSON.parse(readFileSync(new URL(`../${MAPPING_FILE}`, import.meta.url), "utf8")), MAPPING_FILE);
  const rows = async (name: "flags" | "dsa_flags" | "monthly_active") => toRows(tableFromIPC(await world.table(name, "arrow")));
  const [flags, dsa] = [await rows("flags"), await rows("dsa_flags")];
  if (dsa.length === 0 && flags.length > 0) return null;
  const joined = joinDsaFlags(flags, dsa);
  const window = {from: config.from, to: config.to};
  const statements = statementsOfReasons(joined, mapping, window);
  const violations = validateStatements(statements as unknown as Record<string, unknown>[]);
  if (violations.length) throw new Error(`the statements of reasons break the Transparency Database's rules:\n${formatStatementViolations(violations)}`);
  const report = analyseTransparency(joined, (await rows("monthly_active")) as unknown as MonthlyRow[], mapping, window);
  return {config, mapping, statements, report, sampleRate: sampleRate(config.scale)};
}

/**
 * The statements and the report of the configured window, computed by the first transparency loader of
 * a build and cached beside the world for the others (four files render them).
 */
async function sharedOutputs(world: World): Promise<TransparencyOutputs | null> {
  const {config} = world;
  const bytes = await sharedFile(config, `transparency-${config.from}-${config.to}.json`, async () => Buffer.from(JSON.stringify(await transparencyOutputs(world))));
  return JSON.parse(Buffer.from(bytes).toString("utf8")) as TransparencyOutputs | null;
}

/** transparency.json: what the transparency page shows: the mapping, sample statements and the harmonised report (null without DSA decisions). */
export async function transparencyJson(world: World): Promise<string> {
  const outputs = await sharedOutputs(world);
  if (!outputs) return "null";
  const {config, mapping, statements, report, sampleRate} = outputs;
  return JSON.stringify({window: {from: config.from, to: config.to}, sampleRate, mappingFile: MAPPING_FILE, mapping, statements: statements.length, samples: sampleStatements(statements, 12), report, figures: harmonisedReportRows(report)}, null, 1);
}

/** statements_of_reasons.ndjson: one statement of reasons per line, in the Transparency Database API's v2 shape. */
export async function statementsNdjson(world: World): Promise<string> {
  const statements = (await sharedOutputs(world))?.statements ?? [];
  return statements.map((s) => `${JSON.stringify(s)}\n`).join("");
}

/** statements_of_reasons.csv: list fields as JSON arrays in one cell, as the database's own exports do. */
export async function statementsCsv(world: World): Promise<string> {
  const statements = (await sharedOutputs(world))?.statements ?? [];
  return toCsv(statements.map((s) => Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, Array.isArray(s[f]) ? JSON.stringify(s[f]) : s[f]]))), STATEMENT_FIELDS);
}

/** dsa_report.csv: the harmonised report's figures, one per line, each with the definition it uses. */
export async function dsaReportCsv(world: World): Promise<string> {
  const report = (await sharedOutputs(world))?.report;
  return toCsv(report ? harmonisedReportRows(report).map((r) => ({...r})) : [], ["section", "item", "value", "basis"]);
}
