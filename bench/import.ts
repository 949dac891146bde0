/**
 * `npm run bench:import [-- --data <folder>]`: the large import of issue #20 (item 8). Without --data it
 * exports seed 42 at scale 140 as Parquet (about 10.4 million flag rows; `npm run export`), then builds
 * the whole site from that folder (`WORKBOOK_DATA=<folder> WORKBOOK_PRIVACY=0 npm run build`) in a
 * copy of the project, and prints the export's and the build's wall time and peak RSS and the heaviest
 * page's data against the large-build budget of issue #18 (LIMITS: 15 minutes, 6 GB, 2 MB a page).
 * The same figures go to bench/results/import.json. Like every benchmark, it is not part of npm test.
 */
import {mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {LIMITS, LARGE_SCALE} from "./goals.js";
import {runMeasured, type ProcessMeasure} from "./measure.js";
import {copyProject} from "./site.js";
import {ROOT, scanBudget} from "../scripts/buildSteps.js";

const MB = 2 ** 20;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

interface ImportBench {
  data: string;
  files: {file: string; bytes: number}[];
  export: ProcessMeasure | null;
  build: ProcessMeasure;
  heaviest: {page: string; bytes: number};
}

/** `npm run export` of seed 42 at LARGE_SCALE as Parquet into `out`. */
function exportWorld(out: string): Promise<ProcessMeasure> {
  console.error(`bench: exporting seed 42 at scale ${LARGE_SCALE} as Parquet into ${out}`);
  return runMeasured(npm, ["run", "--silent", "export", "--", "--seed", "42", "--scale", String(LARGE_SCALE), "--format", "parquet", "--out", out], ROOT, process.env, "npm run export");
}

/** The site built from the folder `data` in a copy of the project. */
function buildFrom(project: string, data: string): Promise<ProcessMeasure> {
  const env: NodeJS.ProcessEnv = {...process.env, WORKBOOK_DATA: data, WORKBOOK_PRIVACY: "0"};
  for (const name of ["WORKBOOK_SEED", "WORKBOOK_SCALE", "WORKBOOK_DATABASE_URL", "WORKBOOK_REJECTS"]) delete env[name];
  console.error(`bench: building the site from ${data}`);
  return runMeasured(npm, ["run", "--silent", "build"], project, env, `WORKBOOK_DATA=${data} npm run build`);
}

const mark = (met: boolean) => (met ? "met" : "MISSED");

function report(b: ImportBench): string {
  const rows = b.files.map((f) => `  ${f.file.padEnd(28)} ${(f.bytes / MB).toFixed(1).padStart(8)} MB`);
  const line = (what: string, m: ProcessMeasure) => `${what}: ${m.wallS.toFixed(0)} s wall, ${m.cpuS.toFixed(0)} s CPU, peak ${m.peakRssMb.toFixed(0)} MB summed (largest process ${m.maxProcessRssMb.toFixed(0)} MB), load ${m.load.start.toFixed(2)} to ${m.load.end.toFixed(2)}`;
  return [
    `import folder ${b.data}:`, ...rows,
    ...(b.export ? [line("export", b.export)] : []),
    line("build", b.build),
    `goal: build within ${LIMITS.buildWallS / 60} min: ${mark(b.build.wallS <= LIMITS.buildWallS)} (${(b.build.wallS / 60).toFixed(1)} min)`,
    `goal: build within ${LIMITS.buildRssMb / 1024} GB: ${mark(b.build.peakRssMb <= LIMITS.buildRssMb)} (${(b.build.peakRssMb / 1024).toFixed(2)} GB)`,
    `goal: every page's data under ${LIMITS.pageDataBytes / MB} MB: ${mark(b.heaviest.bytes <= LIMITS.pageDataBytes)} (heaviest ${b.heaviest.page}, ${(b.heaviest.bytes / MB).toFixed(2)} MB)`
  ].join("\n");
}

const args = process.argv.slice(2);
const at = args.indexOf("--data");
const given = at >= 0 ? args[at + 1] : undefined;
if (at >= 0 && !given) throw new Error("--data needs a folder");
const work = mkdtempSync(join(tmpdir(), "bench-import-"));
try {
  const data = given ?? join(work, "data");
  const exported = given ? null : await exportWorld(data);
  const build = await buildFrom(copyProject(join(work, "project")), data);
  const weights = scanBudget(join(work, "project", "dist")).weights;
  const top = weights.reduce((a, w) => (w.dataBytes + w.importBytes > a.dataBytes + a.importBytes ? w : a));
  const files = readdirSync(data).sort().map((file) => ({file, bytes: statSync(join(data, file)).size}));
  const bench: ImportBench = {data, files, export: exported, build, heaviest: {page: top.page, bytes: top.dataBytes + top.importBytes}};
  console.log(report(bench));
  mkdirSync(join(ROOT, "bench", "results"), {recursive: true});
  writeFileSync(join(ROOT, "bench", "results", "import.json"), JSON.stringify({date: new Date().toISOString(), ...bench}, null, 2) + "\n");
} finally {
  rmSync(work, {recursive: true, force: true});
}
