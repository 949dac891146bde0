/**
 * Site benchmark: figures, not pass/fail. Usage: npm run bench:site [-- <raw floor seconds>]
 *
 * 1. Copies the project (working tree, without node_modules, dist/ or Framework's cache) into a
 *    temporary directory and times `npm run build` there at the default scale, so nothing in the
 *    project is touched. Wall time and CPU time (user + system, children included) are both shown:
 *    on a shared machine the CPU time is the steadier figure.
 * 2. Times the build of a minimal project with one empty page by the same Framework, and compares:
 *    goal default build <= 2 x (empty build + the raw data floor at the default scale). The raw floor
 *    comes from bench/world.ts at scale 1 (measured here when not passed in).
 * 3. Prints each page's weight as scripts/buildSteps.ts's page budget counts it (data + modules).
 * 4. In headless Chromium (tests/browser/site.ts: dist/ under a sub-path, no external requests),
 *    for every page the time from navigation to its last DOM change before the page settles (all
 *    cells rendered), and for the inputs listed in INTERACTIONS the latency from an input event to the
 *    chart having updated (a MutationObserver sees the chart's new SVG; the time is taken at the next
 *    animation frame, and a following frame with no further change to the chart confirms it), p50 and
 *    p95 over CHANGES changes. Frames come every ~16.7 ms, so latencies move in steps of about that.
 */
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {cpus, loadavg, tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {frameworkEnv, observableBin, resetCache, ROOT, scanBudget} from "../scripts/buildSteps.js";
import {builtPages, startSite, type Site} from "../tests/browser/site.js";
import {benchWorld} from "./world.js";

/** How many input changes each latency figure is taken over. */
export const CHANGES = 30;

/**
 * The interactive inputs whose latency is measured. `page` is the built page; `input` is the label
 * text of an Observable Inputs control (a range, select or radio); `chart` is a substring of the h2 of
 * the card that holds the chart it drives. A page missing from dist/ is skipped with a note. When the
 * label or card is not found, the first range input of the page and any chart on it are used instead
 * (and the note says so), so a page that is being written is still measured.
 */
export interface Interaction {
  page: string;
  input?: string;
  chart?: string;
}

export const INTERACTIONS: Interaction[] = [
  {page: "anomalies.html", input: "Window (days)", chart: "flagged days"},
  {page: "anomalies.html", input: "Threshold (z)", chart: "flagged days"},
  {page: "ops/attacks.html", input: "Window (days)", chart: "Volume detector against ground truth"},
  {page: "ops/attacks.html", input: "Signal threshold (robust SDs)", chart: "Layered detector against ground truth"},
  {page: "ops/classifier.html", input: "Auto-block at score ≥", chart: "Precision and recall of auto-blocking"},
  {page: "ops/classifier.html", input: "Drift alert threshold", chart: "Classifier score on true violations over time"},
  {page: "science/detection.html", input: "Flag user-days scoring at or above", chart: "Precision-recall curves"},
  {page: "science/automation.html", input: "k (clusters)", chart: "Clusters against the true template groups"}
];

export interface BuildTiming {
  wallS: number;
  cpuS: number;
}

export interface LatencyResult {
  page: string;
  input: string;
  chart: string;
  changes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  note?: string;
}

export interface SiteBench {
  build: BuildTiming;
  emptyBuild: BuildTiming;
  floorS: number;
  weights: {page: string; dataBytes: number; importBytes: number}[];
  renders: {page: string; renderedMs: number; errors: number}[];
  latencies: LatencyResult[];
  notes: string[];
  /** 1-minute load average when the build and the browser runs began, for reading wall times. */
  load: {build: number; browser: number};
}

/** Runs a command under /usr/bin/time when present, for the CPU time of it and its children. */
function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): BuildTiming {
  const gnuTime = existsSync("/usr/bin/time");
  const marker = "@@bench-time";
  const t0 = performance.now();
  const run = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", `${marker} %U %S`, command, ...args], {cwd, env, encoding: "utf8", maxBuffer: 64 << 20})
    : spawnSync(command, args, {cwd, env, encoding: "utf8", maxBuffer: 64 << 20});
  const wallS = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`${what} failed (exit ${run.status}): ${(run.stderr + run.stdout).slice(-3000)}`);
  const line = run.stderr.split("\n").find((l) => l.startsWith(marker));
  const [user, system] = line ? line.slice(marker.length).trim().split(/\s+/).map(Number) : [NaN, NaN];
  return {wallS, cpuS: user + system};
}

/** A copy of the project's working tree without node_modules, dist/, Framework's cache or screenshots. */
export function copyProject(into: string): string {
  const skip = new Set(["node_modules", "dist", ".git", join("docs", ".observablehq"), join("tests", "screenshots")]);
  cpSync(ROOT, into, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !skip.has(relative(ROOT, source).split("/").join(sep))
  });
  symlinkSync(join(ROOT, "node_modules"), join(into, "node_modules"), "dir");
  return into;
}

/** `npm run build` in a copy of the project, at the default scale. Returns the timing and the copy. */
export function benchBuild(dir: string): BuildTiming {
  const env = {...process.env};
  delete env.WORKBOOK_SCALE;
  delete env.WORKBOOK_SEED;
  delete env.WORKBOOK_PRIVACY;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return timed(npm, ["run", "--silent", "build"], dir, env, "npm run build");
}

/** A project with one empty page, built by the same Framework with the same offline settings. */
export function benchEmptyBuild(dir: string): BuildTiming {
  mkdirSync(join(dir, "docs"), {recursive: true});
  writeFileSync(join(dir, "docs", "index.md"), "");
  writeFileSync(join(dir, "observablehq.config.ts"), 'export default {root: "docs", title: "Empty", globalStylesheets: [], footer: "", search: false};\n');
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  resetCache(dir);
  return timed(process.execPath, [observableBin(), "build"], dir, frameworkEnv(process.env, dir), "empty Framework build");
}

/** Navigation → last DOM change before the page settles, in ms, for every built page. */
async function benchRenders(site: Site, pages: string[]): Promise<SiteBench["renders"]> {
  const out: SiteBench["renders"] = [];
  for (const path of pages) {
    const opened = await site.openPage(path, {noSettle: true});
    try {
      await opened.settle();
      const renderedMs = await opened.page.evaluate(() => (window as unknown as {__benchLastChange: number}).__benchLastChange ?? NaN);
      out.push({page: path, renderedMs, errors: (await opened.errorCells()).length + opened.problems.length});
    } finally {
      await opened.close();
    }
  }
  return out;
}

/**
 * Injected before any page script: the time of the last DOM change, relative to navigation start.
 * Also defines esbuild's `__name` helper: tsx (keepNames) adds calls to it inside the functions
 * that page.evaluate sends to the page, where it does not exist.
 */
const RECORD_LAST_CHANGE = `(() => {
  window.__name = (f) => f;
  window.__benchLastChange = 0;
  new MutationObserver(() => { window.__benchLastChange = performance.now(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();`;

/** Input change → chart updated, CHANGES times, in the page. */
async function benchLatency(site: Site, interaction: Interaction): Promise<LatencyResult | string> {
  const opened = await site.openPage(interaction.page);
  try {
    const result = await opened.page.evaluate(
      async ({label, chart, changes}) => {
        const notes: string[] = [];
        const forms = [...document.querySelectorAll("form")];
        let form = label ? forms.find((f) => f.querySelector("label")?.textContent?.trim() === label) : undefined;
        if (!form) {
          form = forms.find((f) => f.querySelector("input[type=range]"));
          if (!form) return "no range input on the page";
          notes.push(label ? `no input labelled "${label}"; used the first range input` : "used the first range input");
        }
        const usedLabel = form.querySelector("label")?.textContent?.trim() ?? "(unlabelled)";
        const range = form.querySelector("input[type=range]") as HTMLInputElement | null;
        const select = form.querySelector("select") as HTMLSelectElement | null;
        const radios = [...form.querySelectorAll("input[type=radio]")] as HTMLInputElement[];
        const cardOf = (el: Element) => el.closest(".card");
        const cardMatches = (card: Element | null) =>
          !chart || (card !== null && (card.querySelector("h2")?.textContent ?? "").includes(chart));
        if (chart && ![...document.querySelectorAll(".card")].some((c) => cardMatches(c) && c.querySelector("svg"))) {
          notes.push(`no chart card "${chart}"; any chart counts`);
          chart = "";
        }
        // The values to step through, each different from the one before.
        let set: (i: number) => void;
        if (range) {
          const min = Number(range.min), max = Number(range.max), step = Number(range.step) || (max - min) / 100;
          const steps = Math.round((max - min) / step);
          const current = Math.round((range.valueAsNumber - min) / step);
          // Stride through the range (coprime with its length when possible), skipping the current value.
          const stride = [7, 5, 3, 11, 13, 1].find((s) => steps % s !== 0 && s < steps) ?? 1;
          set = (i) => {
            let k = (current + (i + 1) * stride) % (steps + 1);
            if (k === current) k = (k + 1) % (steps + 1);
            range.value = String(+(min + k * step).toFixed(10));
            range.dispatchEvent(new Event("input", {bubbles: true}));
          };
        } else if (select) {
          set = (i) => {
            select.selectedIndex = (select.selectedIndex + 1 + (i % Math.max(1, select.options.length - 1))) % select.options.length;
            select.dispatchEvent(new Event("input", {bubbles: true}));
          };
        } else if (radios.length > 1) {
          set = (i) => radios[(i + 1) % radios.length].click();
        } else {
          return `input "${usedLabel}" is not a range, select or radio`;
        }
        const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
        const times: number[] = [];
        for (let i = 0; i < changes; i++) {
          let chartChanged = false;
          let changedSince = false;
          const observer = new MutationObserver((records) => {
            for (const r of records) {
              for (const node of r.addedNodes) {
                if (!(node instanceof Element)) continue;
                const hasChart = node.matches("svg, figure") || node.querySelector("svg") !== null;
                if (hasChart && !node.closest("form") && cardMatches(cardOf(node))) {
                  chartChanged = true;
                  changedSince = true;
                }
              }
            }
          });
          observer.observe(document.body, {subtree: true, childList: true});
          const t0 = performance.now();
          set(i);
          // Wait for the chart's new SVG, then for a frame in which the chart no longer changes. The
          // latency ends at the first frame after the last change (the chart was painted by then),
          // not at the quiet frame that confirms it.
          let t1 = NaN;
          let painted = NaN;
          while (performance.now() - t0 < 10_000) {
            const frame = await nextFrame();
            if (chartChanged && !changedSince) {
              t1 = painted;
              break;
            }
            if (changedSince) painted = frame;
            changedSince = false;
          }
          observer.disconnect();
          if (Number.isNaN(t1)) return `input "${usedLabel}": the chart did not change within 10 s`;
          times.push(t1 - t0);
          // Let the rest of the page catch up before the next change.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return {usedLabel, chart, times, notes};
      },
      {label: interaction.input, chart: interaction.chart ?? "", changes: CHANGES}
    );
    if (typeof result === "string") return `${interaction.page}: ${result}`;
    const sorted = [...result.times].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return {
      page: interaction.page,
      input: result.usedLabel,
      chart: result.chart || "any chart",
      changes: sorted.length,
      p50Ms: q(0.5),
      p95Ms: q(0.95),
      maxMs: sorted.at(-1)!,
      note: result.notes.join("; ") || undefined
    };
  } finally {
    await opened.close();
  }
}

/** With `existingDist`, the builds are skipped and that dist/ is measured (for working on a page). */
export async function benchSite(floorS: number, existingDist?: string): Promise<SiteBench> {
  const notes: string[] = [];
  const work = mkdtempSync(join(tmpdir(), "bench-site-"));
  try {
    const none = {wallS: NaN, cpuS: NaN};
    let build = none;
    let emptyBuild = none;
    let dist = existingDist;
    const load = {build: NaN, browser: NaN};
    if (!dist) {
      load.build = loadavg()[0];
      const project = copyProject(join(work, "project"));
      console.error("bench: building the site at the default scale");
      build = benchBuild(project);
      console.error("bench: building an empty Framework page");
      emptyBuild = benchEmptyBuild(join(work, "empty"));
      dist = join(project, "dist");
    }
    const weights = scanBudget(dist).weights;
    const pages = builtPages(dist);

    console.error("bench: measuring pages in Chromium");
    load.browser = loadavg()[0];
    const site = await startSite({dist});
    const renders: SiteBench["renders"] = [];
    const latencies: LatencyResult[] = [];
    try {
      // Record DOM changes from navigation on, in every page this browser opens.
      const newContext = site.browser.newContext.bind(site.browser);
      site.browser.newContext = async (options) => {
        const context = await newContext(options);
        await context.addInitScript({content: RECORD_LAST_CHANGE});
        return context;
      };
      renders.push(...(await benchRenders(site, pages)));
      for (const interaction of INTERACTIONS) {
        if (!pages.includes(interaction.page)) {
          notes.push(`${interaction.page} is not in dist/: skipped`);
          continue;
        }
        const result = await benchLatency(site, interaction);
        if (typeof result === "string") notes.push(result);
        else latencies.push(result);
      }
    } finally {
      await site.close();
    }
    return {build, emptyBuild, floorS, weights, renders, latencies, notes, load};
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}

const mark = (ok: boolean) => (ok ? "met" : "MISSED");

export function siteReport(r: SiteBench): string {
  const lines: string[] = [];
  const base = {wall: r.emptyBuild.wallS + r.floorS, cpu: r.emptyBuild.cpuS + r.floorS};
  if (Number.isNaN(r.build.wallS)) lines.push("Builds skipped (--dist): measuring an existing dist/")
  else {
    lines.push(`Full-site build at the default scale (in a temporary copy of the project; load average ${r.load.build.toFixed(1)} on ${cpus().length} cores)`, "");
    lines.push("| | wall (s) | CPU user+sys (s) |", "|---|---:|---:|");
    lines.push(`| npm run build | ${r.build.wallS.toFixed(1)} | ${r.build.cpuS.toFixed(1)} |`);
    lines.push(`| empty Framework page build | ${r.emptyBuild.wallS.toFixed(1)} | ${r.emptyBuild.cpuS.toFixed(1)} |`);
    lines.push(`| raw data floor (scale 1) | ${r.floorS.toFixed(2)} | ${r.floorS.toFixed(2)} |`);
    lines.push(`| build / (empty + floor) | ${(r.build.wallS / base.wall).toFixed(1)}x | ${(r.build.cpuS / base.cpu).toFixed(1)}x |`);
    lines.push("");
    lines.push(`goal: default build <= 90 s: ${mark(r.build.wallS <= 90)} (${r.build.wallS.toFixed(1)} s wall, ${r.build.cpuS.toFixed(1)} s CPU)`);
    lines.push(`goal: default build <= 2x (empty build + raw floor): ${mark(r.build.wallS / base.wall <= 2)} (${(r.build.wallS / base.wall).toFixed(1)}x wall, ${(r.build.cpuS / base.cpu).toFixed(1)}x CPU)`);
  }
  lines.push("", "Page weight (what scripts/build.ts counts against its 10 MB budget), and navigation to all cells rendered", "");
  lines.push("| page | data (kB) | modules (kB) | total (kB) | rendered (ms) |", "|---|---:|---:|---:|---:|");
  const kb = (n: number) => (n / 1024).toFixed(0);
  const renderOf = new Map(r.renders.map((x) => [x.page, x]));
  for (const w of [...r.weights].sort((a, b) => (a.page < b.page ? -1 : 1))) {
    const rendered = renderOf.get(w.page);
    const ms = rendered ? `${rendered.renderedMs.toFixed(0)}${rendered.errors ? ` (${rendered.errors} problems)` : ""}` : "–";
    lines.push(`| ${w.page} | ${kb(w.dataBytes)} | ${kb(w.importBytes)} | ${kb(w.dataBytes + w.importBytes)} | ${ms} |`);
  }
  const slowest = [...r.renders].sort((a, b) => b.renderedMs - a.renderedMs)[0];
  lines.push("");
  if (slowest) lines.push(`goal: initial render < 2 s on every page: ${mark(slowest.renderedMs < 2000)} (slowest ${slowest.page}, ${slowest.renderedMs.toFixed(0)} ms)`);
  lines.push("", `Input change → chart updated (${CHANGES} changes each; load average ${r.load.browser.toFixed(1)} on ${cpus().length} cores when the browser runs began)`, "");
  lines.push("| page | input | chart | p50 (ms) | p95 (ms) | max (ms) |", "|---|---|---|---:|---:|---:|");
  for (const l of r.latencies) {
    lines.push(`| ${l.page} | ${l.input} | ${l.chart}${l.note ? ` (${l.note})` : ""} | ${l.p50Ms.toFixed(1)} | ${l.p95Ms.toFixed(1)} | ${l.maxMs.toFixed(1)} |`);
  }
  const worst = [...r.latencies].sort((a, b) => b.p95Ms - a.p95Ms)[0];
  lines.push("");
  if (worst) lines.push(`goal: input latency p95 <= 50 ms on every interactive page: ${mark(worst.p95Ms <= 50)} (worst ${worst.page} "${worst.input}", p95 ${worst.p95Ms.toFixed(1)} ms)`);
  for (const note of r.notes) lines.push(`note: ${note}`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // npm run bench:site [-- <raw floor s>] [-- --dist <dir>]: --dist measures an existing build only.
  const args = process.argv.slice(2);
  const at = args.indexOf("--dist");
  const dist = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const floorArg = Number(args[0]);
  const floorS = Number.isFinite(floorArg) && floorArg > 0 ? floorArg : dist ? NaN : benchWorld(1).floorS;
  console.log(siteReport(await benchSite(floorS, dist)));
}

