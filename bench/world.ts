import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";
import {simulate} from "../src/world/simulate.js";

/**
 * World generation benchmark: for each scale, simulate the world in a fresh process and print rows/s
 * and peak RSS. Figures, not pass/fail. Usage: npm run bench:world [-- scale ...]
 */
const CHILD = "--child";

if (process.argv[2] === CHILD) {
  const scale = Number(process.argv[3]);
  const t0 = performance.now();
  const world = simulate({seed: 42, scale});
  const seconds = (performance.now() - t0) / 1000;
  const rows = world.flags.length;
  console.log(JSON.stringify({scale, flags: rows, users: world.users.length, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024}));
} else {
  const scales = process.argv.slice(2).map(Number);
  const rows: string[] = ["| scale | flags | users | seconds | flags/s | peak RSS (MB) |", "|---:|---:|---:|---:|---:|---:|"];
  for (const scale of scales.length ? scales : [0.25, 1, 140]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), CHILD, String(scale)], {encoding: "utf8", maxBuffer: 1 << 20});
    if (run.status !== 0) throw new Error(`bench at scale ${scale} failed: ${run.stderr}`);
    const r = JSON.parse(run.stdout.trim().split("\n").pop()!);
    rows.push(`| ${r.scale} | ${r.flags.toLocaleString("en-US")} | ${r.users.toLocaleString("en-US")} | ${r.seconds.toFixed(2)} | ${Math.round(r.flags / r.seconds).toLocaleString("en-US")} | ${Math.round(r.peakRssMb)} |`);
    console.log(rows[rows.length - 1]);
  }
  console.log(`\n${rows.join("\n")}`);
}
