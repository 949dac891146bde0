import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {encodeArrow} from "../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import {createRng} from "../src/core/random.js";
import {simulate} from "../src/world/simulate.js";
import {buildTables} from "../src/world/tables.js";
import type {LoadSpan} from "./measure.js";

/**
 * World benchmark: for each scale, in a fresh process, time world generation, then building,
 * checking and writing every published table, and compare the total with a raw floor measured in the
 * same process: filling typed arrays of the same size (flags x 14 columns) with the same generator and
 * writing them. Goal (issue #18): at scale 140, total <= 5x that floor and peak RSS <= 4 GB; bench/all.ts
 * marks it. Usage: npm run bench:world [-- scale ...] (default: DEFAULT_SCALES)
 */
const CHILD = "--child";
const FLAG_COLUMNS = 14;
/** The scales `npm run bench` and `npm run bench:world` run when given none. */
export const DEFAULT_SCALES = [1, 140];

export interface WorldBench {
  scale: number;
  flags: number;
  events: number;
  generateS: number;
  aggregateWriteS: number;
  floorS: number;
  bytesWritten: number;
  peakRssMb: number;
  /** 1-minute load average when the child started and ended. */
  load: LoadSpan;
}

function child(scale: number): Omit<WorldBench, "load"> {
  const dir = mkdtempSync(join(tmpdir(), "bench-world-"));
  try {
    const t0 = performance.now();
    const world = simulate({seed: 42, scale});
    const t1 = performance.now();
    const tables = buildTables(world);
    let bytesWritten = 0;
    for (const name of Object.keys(SCHEMAS) as TableName[]) {
      const bytes = encodeArrow(SCHEMAS[name], tables[name], tables);
      writeFileSync(join(dir, `${name}.arrow`), bytes);
      bytesWritten += bytes.byteLength;
    }
    const t2 = performance.now();
    // The floor: the same number of flag cells drawn from the same generator into typed arrays, written raw.
    const rng = createRng(42);
    const column = new Float64Array(world.flags.length);
    for (let c = 0; c < FLAG_COLUMNS; c++) {
      for (let i = 0; i < column.length; i++) column[i] = rng();
      writeFileSync(join(dir, `floor-${c}.bin`), column);
    }
    const t3 = performance.now();
    return {
      scale,
      flags: world.flags.length,
      events: world.events.length,
      generateS: (t1 - t0) / 1000,
      aggregateWriteS: (t2 - t1) / 1000,
      floorS: (t3 - t2) / 1000,
      bytesWritten,
      peakRssMb: process.resourceUsage().maxRSS / 1024
    };
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Runs one scale in a fresh Node process, so peak RSS is that scale's alone. */
export function benchWorld(scale: number): WorldBench {
  const start = loadavg()[0];
  const run = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), CHILD, String(scale)], {encoding: "utf8", maxBuffer: 1 << 20});
  if (run.status !== 0) throw new Error(`bench at scale ${scale} failed: ${run.stderr.slice(-2000)}`);
  const measured = JSON.parse(run.stdout.trim().split("\n").pop()!) as Omit<WorldBench, "load">;
  return {...measured, load: {start, end: loadavg()[0]}};
}

export function worldTable(rows: WorldBench[]): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const lines = [
    "| scale | flags | events | generate (s) | flags/s | aggregate + write (s) | total (s) | raw floor (s) | total / floor | written (MB) | peak RSS (MB) | load start → end |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  ];
  for (const r of rows) {
    const total = r.generateS + r.aggregateWriteS;
    lines.push(`| ${r.scale} | ${n(r.flags)} | ${n(r.events)} | ${r.generateS.toFixed(2)} | ${n(r.flags / r.generateS)} | ${r.aggregateWriteS.toFixed(2)} | ${total.toFixed(2)} | ${r.floorS.toFixed(2)} | ${(total / r.floorS).toFixed(1)}x | ${(r.bytesWritten / 1e6).toFixed(1)} | ${n(r.peakRssMb)} | ${r.load.start.toFixed(2)} → ${r.load.end.toFixed(2)} |`);
  }
  return lines.join("\n");
}

if (process.argv[2] === CHILD) {
  console.log(JSON.stringify(child(Number(process.argv[3]))));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scales = process.argv.slice(2).map(Number);
  const rows: WorldBench[] = [];
  for (const scale of scales.length ? scales : DEFAULT_SCALES) {
    rows.push(benchWorld(scale));
    console.error(`scale ${scale} done`);
  }
  console.log(worldTable(rows));
}
