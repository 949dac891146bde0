/**
 * `npm run bench`: the world benchmark at scales 0.25, 1 and 140 (bench/world.ts), then the site
 * benchmark (bench/site.ts: full build at the default scale against an empty Framework build plus the
 * raw floor of scale 1 from the world run, page weights, render times and input latency in Chromium).
 * Figures, not pass/fail. Usage: npm run bench [-- scale ...]
 */
import {benchSite, siteReport} from "./site.js";
import {benchWorld, worldTable, type WorldBench} from "./world.js";

const scales = process.argv.slice(2).map(Number);
const rows: WorldBench[] = [];
for (const scale of scales.length ? scales : [0.25, 1, 140]) {
  rows.push(benchWorld(scale));
  console.error(`bench: world at scale ${scale} done`);
}
const large = rows.filter((r) => r.flags >= 10_000_000).sort((a, b) => b.flags - a.flags)[0];
const lines = ["World: generate, aggregate and write every published table", "", worldTable(rows), ""];
if (large) {
  const ratio = (large.generateS + large.aggregateWriteS) / large.floorS;
  lines.push(`goal: at the large scale (${large.scale}, ${large.flags.toLocaleString("en-US")} flags) total <= 3x raw floor: ${ratio <= 3 ? "met" : "MISSED"} (${ratio.toFixed(1)}x)`);
  lines.push(`goal: at the large scale peak RSS <= 4 GB: ${large.peakRssMb <= 4096 ? "met" : "MISSED"} (${Math.round(large.peakRssMb).toLocaleString("en-US")} MB)`);
} else {
  lines.push("note: no scale with at least 10 million flags was run");
}
console.log(lines.join("\n") + "\n");
const floor = (rows.find((r) => r.scale === 1) ?? benchWorld(1)).floorS;
console.log(siteReport(await benchSite(floor)));
