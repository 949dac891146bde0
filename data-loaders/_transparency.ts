import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {parseConfig, type WorkbookConfig} from "../src/config.js";
import {analyseTransparency, joinDsaFlags, type HarmonisedReport, type MonthlyRow} from "../src/dsa/harmonisedReport.js";
import {parseDsaMapping, type DsaMapping} from "../src/dsa/mapping.js";
import type {StatementOfReasons} from "../src/dsa/statement.js";
import {statementsOfReasons} from "../src/dsa/statementsOfReasons.js";
import {formatStatementViolations, validateStatements} from "../src/dsa/validateStatements.js";
import {toRows} from "../src/io/readArrow.js";
import {sampleRate} from "../src/world/tables.js";
import {sharedFile, tableBytes} from "./_publish.js";

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
 * statement passes the API's rules: otherwise this throws with every violation listed.
 */
export async function transparencyOutputs(): Promise<TransparencyOutputs> {
  const config = parseConfig(process.env);
  const mapping = parseDsaMapping(JSON.parse(readFileSync(new URL(`../${MAPPING_FILE}`, import.meta.url), "utf8")), MAPPING_FILE);
  const rows = async (name: "flags" | "dsa_flags" | "monthly_active") => toRows(tableFromIPC(await tableBytes(config, name, "arrow")));
  const joined = joinDsaFlags(await rows("flags"), await rows("dsa_flags"));
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
async function sharedOutputs(): Promise<TransparencyOutputs> {
  const config = parseConfig(process.env);
  const bytes = await sharedFile(config, `transparency-${config.from}-${config.to}.json`, async () => Buffer.from(JSON.stringify(await transparencyOutputs())));
  return JSON.parse(Buffer.from(bytes).toString("utf8")) as TransparencyOutputs;
}

/** Runs a transparency loader: its output to stdout, or its error (naming the file) and exit 1. */
export async function publishTransparency(file: string, render: (outputs: TransparencyOutputs) => string): Promise<void> {
  try {
    process.stdout.write(render(await sharedOutputs()));
  } catch (error) {
    process.stderr.write(`loader ${file} failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
