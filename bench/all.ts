/**
 * `npm run bench`: the world benchmark (bench/world.ts), then the site benchmark (bench/site.ts: the
 * build, page weights, render times and input latency in Chromium) at each scale, default 1 and 140.
 * Prints the figures with the scales side by side and marks each goal of issue #18 met or MISSED
 * (bench/goals.ts), then writes the same figures to bench/results/latest.json (or --out <file>).
 * Before each measurement it waits up to --wait seconds (default 120; 0 for none) for the 1-minute
 * load average to fall below 1, the load the goals are stated at. Not part of `npm test`.
 *
 *     npm run bench [-- scale ...] [--out <file>] [--wait <seconds>]
 *
 * A quick run: npm run bench -- 0.25 1 (a site build at scale 1 takes about 2 minutes on 2 cores).
 * The full run (scales 1 and 140) takes 30 minutes or more and needs about 6 GB of memory.
 */
import {evaluateGoals} from "./goals.js";
import {LOAD_WAIT_S, waitForLoad, type ProcessMeasure} from "./measure.js";
import {collectRun, formatReport, RESULTS, writeResults} from "./report.js";
import {benchEmptyBuildOnce, benchSite, type SiteBench} from "./site.js";
import {benchWorld, DEFAULT_SCALES, type WorldBench} from "./world.js";

const USAGE = "usage: npm run bench [-- scale ...] [--out <file>] [--wait <seconds>]";

/** Takes `--name value` out of args. */
function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args.splice(at, 2)[1];
  if (value === undefined) throw new Error(`${name} needs a value; ${USAGE}`);
  return value;
}

function parseArgs(argv: string[]): {scales: number[]; out: string; waitS: number} {
  const args = [...argv];
  const out = option(args, "--out") ?? RESULTS;
  const waitS = Number(option(args, "--wait") ?? LOAD_WAIT_S);
  const scales = args.map(Number);
  const bad = args.filter((_, i) => !(scales[i] > 0));
  if (bad.length > 0 || !(waitS >= 0)) throw new Error(`not a scale: ${bad.join(", ") || "(--wait)"}; ${USAGE}`);
  return {scales: scales.length > 0 ? scales : DEFAULT_SCALES, out, waitS};
}

const {scales, out, waitS} = parseArgs(process.argv.slice(2));
const world: WorldBench[] = [];
for (const scale of scales) {
  await waitForLoad(waitS, `the world at scale ${scale}`);
  console.error(`bench: world at scale ${scale}`);
  world.push(benchWorld(scale));
}
await waitForLoad(waitS, "the empty build");
console.error("bench: building an empty Framework page");
const emptyBuild: ProcessMeasure = await benchEmptyBuildOnce();
const site: SiteBench[] = [];
for (const scale of scales) site.push(await benchSite(scale, {waitS}));
const run = collectRun(scales, world, emptyBuild, site);
const goals = evaluateGoals(run);
console.log(formatReport(run, goals));
console.log(`\nwrote ${writeResults(run, goals, out)}`);
