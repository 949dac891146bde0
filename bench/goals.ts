/**
 * The performance goals of issue #18, marked against one run's figures. A goal stated at one scale
 * (the large-world goals at 140, the default-build goals at 1) is marked there only; at the other
 * scales its figure is shown with `met: null`. MB are 2^20 bytes, so 2 MB is 2,097,152 bytes and
 * 6 GB is 6,144 MB. The goals hold "on a machine at load below 1": the `load` goal records whether
 * every measurement started at a 1-minute load average below 1.
 */
import type {ProcessMeasure} from "./measure.js";
import type {LatencyResult, SiteBench} from "./site.js";
import type {WorldBench} from "./world.js";

export const LARGE_SCALE = 140;
export const DEFAULT_SCALE = 1;
const MB = 2 ** 20;

export const LIMITS = {
  buildWallS: 15 * 60,
  buildRssMb: 6 * 1024,
  pageDataBytes: 2 * MB,
  renderMs: 1000,
  inputP95Ms: 33,
  worldFloorRatio: 5,
  worldRssMb: 4 * 1024,
  defaultBuildS: 90,
  defaultBuildVsEmpty: 2,
  load: 1
} as const;

/** Everything one `npm run bench` measured, with where and when. */
export interface BenchRun {
  date: string;
  commit: string;
  /** The working tree had uncommitted changes (the site builds copy the working tree). */
  dirty: boolean;
  node: string;
  cpus: number;
  cpuModel: string;
  totalMemMb: number;
  scales: number[];
  world: WorldBench[];
  /** The build of one empty Framework page; null when no build ran (--dist). */
  emptyBuild: ProcessMeasure | null;
  site: SiteBench[];
}

export interface GoalResult {
  scale: number;
  /** null: the goal is not stated at this scale (figure only), or it could not be measured. */
  met: boolean | null;
  figure: string;
}

export interface Goal {
  id: string;
  goal: string;
  /** The scale the goal is stated at; undefined when it holds at every scale. */
  statedAt?: number;
  results: GoalResult[];
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "n/a");
const worldTotal = (w: WorldBench) => w.generateS + w.aggregateWriteS;

/** A goal stated at one scale: marked there, figure only elsewhere, "not run" when that scale was not run. */
function statedAt<T extends {scale: number}>(at: number, rows: T[], judge: (row: T) => {ok: boolean | null; figure: string}): GoalResult[] {
  const results = rows.map((row) => {
    const {ok, figure} = judge(row);
    return {scale: row.scale, met: row.scale === at ? ok : null, figure};
  });
  if (!rows.some((r) => r.scale === at)) results.push({scale: at, met: null, figure: "not run"});
  return results;
}

function worldGoals(run: BenchRun): Goal[] {
  return [
    {
      id: "world-floor",
      goal: `world generate + aggregate + write <= ${LIMITS.worldFloorRatio}x the raw floor of the same run`,
      statedAt: LARGE_SCALE,
      results: statedAt(LARGE_SCALE, run.world, (w) => {
        const ratio = worldTotal(w) / w.floorS;
        return {ok: ratio <= LIMITS.worldFloorRatio, figure: `${ratio.toFixed(1)}x (${worldTotal(w).toFixed(1)} s against ${w.floorS.toFixed(2)} s)`};
      })
    },
    {
      id: "world-rss",
      goal: `world peak RSS <= ${LIMITS.worldRssMb / 1024} GB`,
      statedAt: LARGE_SCALE,
      results: statedAt(LARGE_SCALE, run.world, (w) => ({ok: w.peakRssMb <= LIMITS.worldRssMb, figure: `${int(w.peakRssMb)} MB`}))
    }
  ];
}

function buildGoals(run: BenchRun): Goal[] {
  const built = run.site.filter((s): s is SiteBench & {build: ProcessMeasure} => s.build !== null);
  const floor = run.world.find((w) => w.scale === DEFAULT_SCALE)?.floorS ?? NaN;
  const base = (run.emptyBuild?.wallS ?? NaN) + floor;
  return [
    {
      id: "site-build",
      goal: `site build <= ${LIMITS.buildWallS / 60} min, peak RSS of its process tree <= ${LIMITS.buildRssMb / 1024} GB`,
      statedAt: LARGE_SCALE,
      results: statedAt(LARGE_SCALE, built, ({build}) => ({
        ok: build.wallS <= LIMITS.buildWallS && build.peakRssMb <= LIMITS.buildRssMb,
        figure: `${(build.wallS / 60).toFixed(1)} min, ${int(build.peakRssMb)} MB`
      }))
    },
    {
      id: "default-build",
      goal: `default build <= ${LIMITS.defaultBuildS} s`,
      statedAt: DEFAULT_SCALE,
      results: statedAt(DEFAULT_SCALE, built, ({build}) => ({ok: build.wallS <= LIMITS.defaultBuildS, figure: `${build.wallS.toFixed(0)} s`}))
    },
    {
      id: "default-build-vs-empty",
      goal: `default build <= ${LIMITS.defaultBuildVsEmpty}x (empty Framework build + raw floor at scale 1)`,
      statedAt: DEFAULT_SCALE,
      results: statedAt(DEFAULT_SCALE, built, ({build}) => ({
        ok: Number.isFinite(base) ? build.wallS / base <= LIMITS.defaultBuildVsEmpty : null,
        figure: Number.isFinite(base) ? `${(build.wallS / base).toFixed(1)}x` : "n/a (needs world at scale 1)"
      }))
    }
  ];
}

function dataResult(s: SiteBench): GoalResult {
  const heaviest = [...s.weights].sort((a, b) => b.dataBytes - a.dataBytes)[0];
  if (!heaviest) return {scale: s.scale, met: null, figure: "no pages"};
  return {scale: s.scale, met: heaviest.dataBytes < LIMITS.pageDataBytes, figure: `heaviest ${heaviest.page}, ${mb(heaviest.dataBytes)}`};
}

function renderResult(s: SiteBench): GoalResult {
  const failed = s.renders.filter((r) => !Number.isFinite(r.renderedMs));
  if (failed.length > 0) return {scale: s.scale, met: false, figure: `${failed.map((r) => r.page).join(", ")} did not settle`};
  const slowest = [...s.renders].sort((a, b) => b.renderedMs - a.renderedMs)[0];
  if (!slowest) return {scale: s.scale, met: null, figure: "no pages"};
  const problems = s.renders.filter((r) => r.errors > 0).length;
  const figure = `slowest ${slowest.page}, ${int(slowest.renderedMs)} ms${problems ? `; ${problems} page(s) with errors` : ""}`;
  return {scale: s.scale, met: slowest.renderedMs < LIMITS.renderMs && problems === 0, figure};
}

function latencyResult(s: SiteBench): GoalResult {
  const worst: LatencyResult | undefined = [...s.latencies].sort((a, b) => b.p95Ms - a.p95Ms)[0];
  const missing = s.notes.length > 0 ? `; ${s.notes.length} input(s) not measured` : "";
  if (!worst) return {scale: s.scale, met: null, figure: `no input measured${missing}`};
  const figure = `worst ${worst.page} "${worst.input}", p95 ${worst.p95Ms.toFixed(1)} ms${missing}`;
  return {scale: s.scale, met: worst.p95Ms <= LIMITS.inputP95Ms && s.notes.length === 0, figure};
}

function pageGoals(run: BenchRun): Goal[] {
  return [
    {id: "page-data", goal: `every page's data < ${LIMITS.pageDataBytes / MB} MB`, results: run.site.map(dataResult)},
    {id: "page-render", goal: `navigation to all cells rendered < ${LIMITS.renderMs / 1000} s on every page`, results: run.site.map(renderResult)},
    {id: "input-p95", goal: `input → chart p95 <= ${LIMITS.inputP95Ms} ms on every input`, results: run.site.map(latencyResult)}
  ];
}

/** The 1-minute load average at the start of every measurement at one scale, by what was measured. */
export function startLoads(run: BenchRun, scale: number): {what: string; load: number}[] {
  const loads: {what: string; load: number}[] = [];
  for (const w of run.world.filter((w) => w.scale === scale)) loads.push({what: "world", load: w.load.start});
  for (const s of run.site.filter((s) => s.scale === scale)) {
    if (s.build) loads.push({what: "build", load: s.build.load.start});
    loads.push({what: "browser", load: s.browserLoad.start});
  }
  return loads;
}

function loadGoal(run: BenchRun): Goal {
  const results = run.scales.map((scale): GoalResult => {
    const highest = startLoads(run, scale).sort((a, b) => b.load - a.load)[0];
    if (!highest) return {scale, met: null, figure: "nothing measured"};
    return {scale, met: highest.load < LIMITS.load, figure: `highest at a start ${highest.load.toFixed(2)} (${highest.what})`};
  });
  return {id: "load", goal: `every measurement started at a 1-minute load average < ${LIMITS.load}`, results};
}

export function evaluateGoals(run: BenchRun): Goal[] {
  return [...buildGoals(run), ...worldGoals(run), ...pageGoals(run), loadGoal(run)];
}
