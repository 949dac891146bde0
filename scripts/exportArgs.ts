import {parseConfig} from "../src/config.js";
import {EXPORT_FORMATS, type ExportFormat} from "../src/io/import/exportTables.js";

/** What `npm run export` writes: the world of `seed` at `scale`, as files of `format`, into the folder `out`. */
export interface ExportArgs {
  seed: number;
  scale: number;
  format: ExportFormat;
  out: string;
}

export const EXPORT_USAGE = "usage: npm run export -- --seed <integer> [--scale <number, default 1>] [--format csv|parquet, default csv] --out <folder>";

/**
 * The command line of `npm run export`: --seed (required), --scale (default 1), --format (csv or
 * parquet, default csv) and --out (required), each `--name value` or `--name=value`. Seed and scale follow WORKBOOK_SEED's and WORKBOOK_SCALE's
 * rules (parseConfig), so an export can be of any world a build can simulate. A bad argument throws a
 * one-line error naming it.
 */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(seed|scale|format|out)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${JSON.stringify(argv[i])}`);
    if (m[1] in values) throw new Error(`--${m[1]} is given twice`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new Error(`--${m[1]} needs a value`);
    values[m[1]] = value;
  }
  if (values.seed === undefined) throw new Error("--seed is required");
  if (values.out === undefined) throw new Error("--out is required");
  const format = values.format ?? "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`invalid --format: ${JSON.stringify(format)} (expected ${EXPORT_FORMATS.join(" or ")}; default csv)`);
  let config;
  try {
    config = parseConfig({WORKBOOK_SEED: values.seed, WORKBOOK_SCALE: values.scale});
  } catch (error) {
    throw new Error((error as Error).message.replace(/WORKBOOK_(SEED|SCALE)/g, (_, name: string) => `--${name.toLowerCase()}`));
  }
  return {seed: config.seed, scale: config.scale, format: format as ExportFormat, out: values.out};
}
