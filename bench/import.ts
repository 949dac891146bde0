/**
 * `npm run bench:import [-- --data <folder>]`: the large import of issue #20 (item 8). Without --data it
 * exports seed 42 at scale 140 as Parquet (about 10.4 million flag rows; `npm run export`), then builds
 * the whole site (`WORKBOOK_DATA=<folder> WORKBOOK_PRIVACY=0 npm run build`, in a copy of the project)
 * twice: from the flag tables alone (FLAG_TABLES: the flags with their appeals, reviewers and daily
 * activity, and the small ground-truth tables), and from the whole export (17 tables, about 45 million
 * rows). With --data it builds from that folder only. Each build's wall time and peak RSS are marked
 * against the large-build budget of issue #18 (LIMITS: 15 minutes, 6 GB), a build that fails (out of
 * memory) as missed, and the heaviest page's data is shown as `npm run bench` measures it (goals.ts).
 * The figures go to bench/results/import.json. Like every benchmark, it is not part of npm test.
 */
import {linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {LIMITS, LARGE_SCALE} from "./goals.js";
import {runMeasured, type ProcessMeasure} from "./measure.js";
import {copyProject} from "./site.js";
import {ROOT, scanBudget} from "../scripts/buildSteps.js";

const MB = 2 ** 20;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** The import tables of the flags' own build: the flags and what hangs on them, without accounts, sessions, texts, events or DSA decisions. */
const FLAG_TABLES = ["flags", "appeals", "reviewers", "daily_activity", "attacks", "rings", "known_events", "benign_events", "monthly_active"];

interface ImportBuild {
  label: string;
  data: string;
  files: {file: string; bytes: number}[];
  /** The build's measure, or why it failed. */
  build: ProcessMeasure | {failed: string};
  heaviest: {page: string; dataBytes: number; importBytes: number} | null;
}

/** `npm run export` of seed 42 at LARGE_SCALE as Parquet into `out`. */
function exportWorld(out: string): Promise<ProcessMeasure> {
  console.error(`bench: exporting seed 42 at scale ${LARGE_SCALE} as Parquet into ${out}`);
  return runMeasured(npm, ["run", "--silent", "export", "--", "--seed", "42", "--scale", String(LARGE_SCALE), "--format", "parquet", "--out", out], ROOT, process.env, "npm run export");
}

/** The site built from the folder `data` in a new copy of the project under `work`, measured; a build that fails is reported, not thrown. */
async function buildFrom(work: string, label: string, data: string): Promise<ImportBuild> {
  const project = copyProject(join(work, `project-${label.replace(/ /g, "-")}`));
  const env: NodeJS.ProcessEnv = {...process.env, WORKBOOK_DATA: data, WORKBOOK_PRIVACY: "0"};
  for (const name of ["WORKBOOK_SEED", "WORKBOOK_SCALE", "WORKBOOK_DATABASE_URL", "WORKBOOK_REJECTS"]) delete env[name];
  console.error(`bench: building the site from ${data} (${label})`);
  const files = readdirSync(data).sort().map((file) => ({file, bytes: statSync(join(data, file)).size}));
  let build: ImportBuild["build"];
  try {
    build = await runMeasured(npm, ["run", "--silent", "build"], project, env, `WORKBOOK_DATA=${data} npm run build`);
  } catch (error) {
    const message = (error as Error).message;
    build = {failed: message.slice(0, 400)};
  }
  const weights = "failed" in build ? [] : scanBudget(join(project, "dist")).weights;
  const heaviest = weights.length ? weights.reduce((a, w) => (w.dataBytes > a.dataBytes ? w : a)) : null;
  rmSync(project, {recursive: true, force: true});
  return {label, data, files, build, heaviest};
}

/** A folder of hard links to the export's files of `tables`. */
function subset(from: string, to: string, tables: readonly string[]): string {
  mkdirSync(to, {recursive: true});
  for (const file of readdirSync(from)) if (tables.includes(file.replace(/\.(parquet|csv)$/, ""))) linkSync(join(from, file), join(to, file));
  return to;
}

const mark = (met: boolean) => (met ? "met" : "MISSED");

function report(b: ImportBuild): string {
  const rows = b.files.map((f) => `  ${f.file.padEnd(28)} ${(f.bytes / MB).toFixed(1).padStart(8)} MB`);
  if ("failed" in b.build) return [`${b.label}, import folder ${b.data}:`, ...rows, `build FAILED: ${b.build.failed}`, `goal: build within ${LIMITS.buildWallS / 60} min and ${LIMITS.buildRssMb / 1024} GB: MISSED`].join("\n");
  const m = b.build;
  const page = b.heaviest ? `${b.heaviest.page}, data ${(b.heaviest.dataBytes / MB).toFixed(2)} MB (and ${(b.heaviest.importBytes / MB).toFixed(2)} MB of modules)` : "none";
  return [
    `${b.label}, import folder ${b.data}:`, ...rows,
    `build: ${m.wallS.toFixed(0)} s wall, ${m.cpuS.toFixed(0)} s CPU, peak ${m.peakRssMb.toFixed(0)} MB summed (largest process ${m.maxProcessRssMb.toFixed(0)} MB), load ${m.load.start.toFixed(2)} to ${m.load.end.toFixed(2)}`,
    `goal: build within ${LIMITS.buildWallS / 60} min: ${mark(m.wallS <= LIMITS.buildWallS)} (${(m.wallS / 60).toFixed(1)} min)`,
    `goal: build within ${LIMITS.buildRssMb / 1024} GB: ${mark(m.peakRssMb <= LIMITS.buildRssMb)} (${(m.peakRssMb / 1024).toFixed(2)} GB)`,
    `heaviest page: ${page}; the page-data goal (${LIMITS.pageDataBytes / MB} MB) is ${b.heaviest && b.heaviest.dataBytes < LIMITS.pageDataBytes ? "met" : "MISSED"}`
  ].join("\n");
}

const args = process.argv.slice(2);
const at = args.indexOf("--data");
const given = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !given) throw new Error("--data needs a folder");
const work = mkdtempSync(join(tmpdir(), "bench-import-"));
try {
  const whole = given ?? join(work, "data");
  const exported = given ? null : await exportWorld(whole);
  const folders: [string, string][] = given ? [["given", given]] : [["flag tables", subset(whole, join(work, "flag-tables"), FLAG_TABLES)], ["whole export", whole]];
  const builds: ImportBuild[] = [];
  for (const [label, data] of folders) {
    builds.push(await buildFrom(work, label, data));
    console.log(report(builds[builds.length - 1]));
  }
  mkdirSync(join(ROOT, "bench", "results"), {recursive: true});
  writeFileSync(join(ROOT, "bench", "results", "import.json"), JSON.stringify({date: new Date().toISOString(), export: exported, builds}, null, 2) + "\n");
} finally {
  rmSync(work, {recursive: true, force: true});
}
