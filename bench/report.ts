/**
 * The printed report of a benchmark run (markdown tables, scales side by side, each goal marked met
 * or MISSED) and the same figures as JSON (bench/results/latest.json).
 */
import {execFileSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import {cpus, totalmem} from "node:os";
import {dirname, join} from "node:path";
import {ROOT} from "../scripts/buildSteps.js";
import {evaluateGoals, LIMITS, startLoads, type BenchRun, type Goal} from "./goals.js";
import type {ProcessMeasure} from "./measure.js";
import type {SiteBench} from "./site.js";
import {worldTable, type WorldBench} from "./world.js";

export const RESULTS = join(ROOT, "bench", "results", "latest.json");

function git(args: string[]): string {
  try {
    return execFileSync("git", ["-C", ROOT, ...args], {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
  } catch {
    return "";
  }
}

/** A run's figures with the commit, machine and date they were taken on. */
export function collectRun(scales: number[], world: WorldBench[], emptyBuild: ProcessMeasure | null, site: SiteBench[]): BenchRun {
  return {
    date: new Date().toISOString(),
    commit: git(["rev-parse", "HEAD"]) || "unknown",
    dirty: git(["status", "--porcelain"]) !== "",
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    totalMemMb: Math.round(totalmem() / 2 ** 20),
    scales,
    world,
    emptyBuild,
    site
  };
}

const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");
const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const kb = (bytes: number | undefined) => (bytes === undefined ? "–" : int(bytes / 1024));
const span = (load: {start: number; end: number}) => `${fixed(load.start, 2)} → ${fixed(load.end, 2)}`;

/** A markdown table: the first `left` columns (labels) left-aligned, the others (figures) right-aligned. */
function table(header: string[], rows: string[][], left = 1): string {
  const align = header.map((_, i) => (i < left ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function buildTable(run: BenchRun): string {
  const built = run.site.filter((s) => s.build !== null);
  const row = (label: string, cell: (b: ProcessMeasure) => string) => [label, ...built.map((s) => cell(s.build!))];
  const empty = run.emptyBuild;
  return table(["npm run build", ...built.map((s) => `scale ${s.scale}`), "empty Framework page"], [
    [...row("wall (s)", (b) => fixed(b.wallS)), fixed(empty?.wallS ?? NaN)],
    [...row("CPU user + sys (s)", (b) => fixed(b.cpuS)), fixed(empty?.cpuS ?? NaN)],
    [...row("peak RSS, process tree (MB)", (b) => int(b.peakRssMb)), int(empty?.peakRssMb ?? NaN)],
    [...row("peak RSS, largest process (MB)", (b) => int(b.maxProcessRssMb)), int(empty?.maxProcessRssMb ?? NaN)],
    [...row("load at start → end", (b) => span(b.load)), empty ? span(empty.load) : "–"]
  ]);
}

function renderCell(s: SiteBench, page: string): string {
  const r = s.renders.find((x) => x.page === page);
  if (!r) return "–";
  if (!Number.isFinite(r.renderedMs)) return "did not settle";
  return `${int(r.renderedMs)}${r.errors ? ` (${r.errors} problems)` : ""}`;
}

function worstP95(s: SiteBench, page: string): string {
  const p95s = s.latencies.filter((l) => l.page === page).map((l) => l.p95Ms);
  return p95s.length ? fixed(Math.max(...p95s)) : "–";
}

function pageTable(run: BenchRun): string {
  const pages = [...new Set(run.site.flatMap((s) => s.weights.map((w) => w.page)))].sort();
  const per = (label: string) => run.site.map((s) => `${label}, scale ${s.scale}`);
  const header = ["page", "modules (kB)", ...per("data (kB)"), ...per("rendered (ms)"), ...per("worst input p95 (ms)")];
  const rows = pages.map((page) => {
    const weight = (s: SiteBench) => s.weights.find((w) => w.page === page);
    return [
      page,
      kb(weight(run.site[0])?.importBytes),
      ...run.site.map((s) => kb(weight(s)?.dataBytes)),
      ...run.site.map((s) => renderCell(s, page)),
      ...run.site.map((s) => worstP95(s, page))
    ];
  });
  return table(header, rows);
}

function inputTable(run: BenchRun): string {
  const keys = [...new Map(run.site.flatMap((s) => s.latencies.map((l) => [`${l.page}\u0000${l.input}`, l] as const))).values()];
  const per = (label: string) => run.site.map((s) => `${label}, scale ${s.scale}`);
  const header = ["page", "input", "chart", ...per("p50 (ms)"), ...per("p95 (ms)"), ...per("max (ms)")];
  const rows = keys.map((key) => {
    const at = (s: SiteBench) => s.latencies.find((l) => l.page === key.page && l.input === key.input);
    const chart = `${key.chart}${key.note ? ` (${key.note})` : ""}`;
    return [key.page, key.input, chart, ...run.site.map((s) => fixed(at(s)?.p50Ms ?? NaN)), ...run.site.map((s) => fixed(at(s)?.p95Ms ?? NaN)), ...run.site.map((s) => fixed(at(s)?.maxMs ?? NaN))];
  });
  return table(header, rows, 3);
}

const mark = (met: boolean | null) => (met === null ? "" : met ? "met: " : "MISSED: ");

function goalTable(run: BenchRun, goals: Goal[]): string[] {
  const header = ["goal", ...run.scales.map((s) => `scale ${s}`)];
  const rows = goals.map((g) => [(g.statedAt === undefined ? "" : `at scale ${g.statedAt}: `) + g.goal, ...run.scales.map((scale) => {
    const r = g.results.find((x) => x.scale === scale);
    return r ? `${mark(r.met)}${r.figure}` : "–";
  })]);
  const notRun = goals.flatMap((g) => g.results.filter((r) => !run.scales.includes(r.scale)).map((r) => `note: "${g.goal}" is stated at scale ${r.scale}, which was ${r.figure}`));
  const all = goals.flatMap((g) => g.results.filter((r) => run.scales.includes(r.scale) && r.met !== null));
  const summary = `goals met: ${all.filter((r) => r.met).length} of ${all.length} marked (a cell without met/MISSED is a figure only: the goal is stated at another scale, or could not be measured)`;
  return [table(header, rows, run.scales.length + 1), "", summary, ...notRun];
}

function browserLines(run: BenchRun): string[] {
  const lines = run.site.map((s) => `scale ${s.scale}: browser runs at load ${span(s.browserLoad)}`);
  for (const s of run.site) for (const note of s.notes) lines.push(`note (scale ${s.scale}): ${note}`);
  for (const s of run.site) for (const r of s.renders.filter((x) => x.note)) lines.push(`note (scale ${s.scale}): ${r.page}: ${r.note}`);
  return lines;
}

/** The whole report: the figures, scales side by side, then each goal marked at each scale. */
export function formatReport(run: BenchRun, goals: Goal[] = evaluateGoals(run)): string {
  const changes = run.site.flatMap((s) => s.latencies.map((l) => l.changes))[0] ?? 0;
  const lines = [
    `Benchmark of ${run.commit.slice(0, 12)}${run.dirty ? " with uncommitted changes" : ""}, ${run.date}: Node ${run.node}, ${run.cpus} x ${run.cpuModel}, ${int(run.totalMemMb)} MB RAM; scales ${run.scales.join(", ")}`,
    `MB = 2^20 bytes. Load = 1-minute load average at the start → end of a measurement; the goals hold at load below ${LIMITS.load}.`
  ];
  if (run.world.length > 0) lines.push("", "World: generate, aggregate and write every published table (a fresh process per scale)", "", worldTable(run.world));
  if (run.site.some((s) => s.build)) lines.push("", "Site build: WORKBOOK_SCALE=<scale> npm run build in a temporary copy of the project", "", buildTable(run));
  if (run.site.length > 0) {
    lines.push("", "Pages: data the page loads, navigation to all cells rendered, slowest input's p95", "", pageTable(run));
    lines.push("", `Input change → chart updated (${changes} changes each)`, "", inputTable(run), "", ...browserLines(run));
  }
  lines.push("", "Goals (issue #18)", "", ...goalTable(run, goals));
  return lines.join("\n");
}

/** Writes the run, the limits and every goal result as JSON; NaN (not measured) is written as null. */
export function writeResults(run: BenchRun, goals: Goal[], path: string = RESULTS): string {
  mkdirSync(dirname(path), {recursive: true});
  const flat = goals.flatMap((g) => g.results.map((r) => ({id: g.id, goal: g.goal, statedAt: g.statedAt ?? null, ...r})));
  const loads = run.scales.map((scale) => ({scale, atStart: startLoads(run, scale)}));
  writeFileSync(path, JSON.stringify({...run, limits: LIMITS, loads, goals: flat}, null, 2) + "\n");
  return path;
}
