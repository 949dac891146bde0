/**
 * Site benchmark, per scale (run by bench/siteRun.ts: npm run bench:site [-- scale ...] [--dist <dir>], default scale 1)
 *
 * 1. Copies the project (working tree, without node_modules, dist/ or Framework's cache) into a
 *    temporary directory and runs `WORKBOOK_SCALE=<scale> npm run build` there, so nothing in the
 *    project is touched: wall time, CPU time (user + system, children included; on a shared machine
 *    the steadier figure), peak RSS of the build's whole process tree (bench/measure.ts) and the
 *    1-minute load average at its start and end.
 * 2. Times the build of a minimal project with one empty page by the same Framework (benchEmptyBuild),
 *    once per run, to compare the default build with.
 * 3. Each page's weight as scripts/buildSteps.ts's page budget counts it (data + modules).
 * 4. In headless Chromium (tests/browser/site.ts: dist/ under a sub-path, no external requests),
 *    for every page the time from navigation to its last DOM change before the page settles (all
 *    cells rendered), and for the inputs listed in INTERACTIONS the latency from an input event to the
 *    chart having updated (a MutationObserver sees the chart's new SVG; the time is taken at the next
 *    animation frame, and a following frame with no further change to the chart confirms it), p50 and
 *    p95 over CHANGES changes. Frames come every ~16.7 ms, so latencies move in steps of about that.
 *
 * bench/goals.ts marks the goals and bench/report.ts prints the figures; `npm run bench` (bench/all.ts)
 * runs this after the world benchmark and also writes bench/results/latest.json.
 */
import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, relative, sep} from "node:path";
import type {BrowserContext} from "playwright-core";
import {frameworkEnv, observableBin, resetCache, ROOT, scanBudget, type PageWeight} from "../scripts/buildSteps.js";
import {builtPages, settlePage, startSite, type OpenedPage, type Site} from "../tests/browser/site.js";
import {runMeasured, waitForLoad, type LoadSpan, type ProcessMeasure} from "./measure.js";

/** How many input changes each latency figure is taken over. */
export const CHANGES = 30;
/**
 * How long a page may take to settle, and the default timeout of every browser action (navigation
 * included). tests/browser/site.ts waits 30 s; at scale 140 a page may load far more data than that.
 */
export const PAGE_TIMEOUT_MS = 5 * 60 * 1000;

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

export interface RenderResult {
  page: string;
  /** Navigation start → the last DOM change before the page settled; NaN when it did not settle. */
  renderedMs: number;
  /** Console errors, failed requests and error cells. */
  errors: number;
  note?: string;
}

/** Every figure of the site at one scale. */
export interface SiteBench {
  scale: number;
  /** `npm run build` at this scale; null when an existing dist/ was measured (--dist). */
  build: ProcessMeasure | null;
  weights: PageWeight[];
  renders: RenderResult[];
  latencies: LatencyResult[];
  /** Interactions that could not be measured, and why. */
  notes: string[];
  /** 1-minute load average when the browser runs began and ended. */
  browserLoad: LoadSpan;
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

/** `WORKBOOK_SCALE=<scale> npm run build` in a copy of the project (default seed, window and privacy). */
export function benchBuild(dir: string, scale: number): Promise<ProcessMeasure> {
  const env: NodeJS.ProcessEnv = {...process.env, WORKBOOK_SCALE: String(scale)};
  for (const name of ["WORKBOOK_SEED", "WORKBOOK_FROM", "WORKBOOK_TO", "WORKBOOK_PRIVACY", "WORKBOOK_PSEUDONYM_KEY"]) delete env[name];
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return runMeasured(npm, ["run", "--silent", "build"], dir, env, `WORKBOOK_SCALE=${scale} npm run build`);
}

/** A project with one empty page, built by the same Framework with the same offline settings. */
export function benchEmptyBuild(dir: string): Promise<ProcessMeasure> {
  mkdirSync(join(dir, "docs"), {recursive: true});
  writeFileSync(join(dir, "docs", "index.md"), "");
  writeFileSync(join(dir, "observablehq.config.ts"), 'export default {root: "docs", title: "Empty", globalStylesheets: [], footer: "", search: false};\n');
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  resetCache(dir);
  return runMeasured(process.execPath, [observableBin(), "build"], dir, frameworkEnv(process.env, dir), "empty Framework build");
}

/** The empty Framework build in a temporary directory of its own. */
export async function benchEmptyBuildOnce(): Promise<ProcessMeasure> {
  const work = mkdtempSync(join(tmpdir(), "bench-empty-"));
  try {
    return await benchEmptyBuild(join(work, "empty"));
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}

/** Opens a page without the helpers' 30 s settle limit and settles it within PAGE_TIMEOUT_MS. */
async function openSettled(site: Site, path: string): Promise<OpenedPage> {
  const opened = await site.openPage(path, {noSettle: true});
  try {
    await settlePage(opened.page, {timeoutMs: PAGE_TIMEOUT_MS});
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

/** Navigation → last DOM change before the page settles, in ms, for every built page. */
async function benchRenders(site: Site, pages: string[]): Promise<RenderResult[]> {
  const out: RenderResult[] = [];
  for (const path of pages) {
    let opened: OpenedPage | undefined;
    try {
      opened = await openSettled(site, path);
      const renderedMs = await opened.page.evaluate(() => (window as unknown as {__benchLastChange: number}).__benchLastChange ?? NaN);
      out.push({page: path, renderedMs, errors: (await opened.errorCells()).length + opened.problems.length});
    } catch (error) {
      out.push({page: path, renderedMs: NaN, errors: 1, note: (error as Error).message.split("\n")[0]});
    } finally {
      await opened?.close();
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
  let opened: OpenedPage;
  try {
    opened = await openSettled(site, interaction.page);
  } catch (error) {
    return `${interaction.page}: did not settle (${(error as Error).message.split("\n")[0]})`;
  }
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

/** Every new browser context records DOM changes from navigation on and waits up to PAGE_TIMEOUT_MS. */
function instrument(site: Site): void {
  const newContext = site.browser.newContext.bind(site.browser);
  site.browser.newContext = async (options): Promise<BrowserContext> => {
    const context = await newContext(options);
    context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await context.addInitScript({content: RECORD_LAST_CHANGE});
    return context;
  };
}

/** Render times and input latencies of a built dist/, in headless Chromium. */
async function benchBrowser(dist: string): Promise<Pick<SiteBench, "renders" | "latencies" | "notes" | "browserLoad">> {
  const pages = builtPages(dist);
  const notes: string[] = [];
  const latencies: LatencyResult[] = [];
  const start = loadavg()[0];
  const site = await startSite({dist});
  try {
    instrument(site);
    const renders = await benchRenders(site, pages);
    for (const interaction of INTERACTIONS) {
      if (!pages.includes(interaction.page)) {
        notes.push(`${interaction.page} is not in dist/: "${interaction.input ?? "first range input"}" skipped`);
        continue;
      }
      const result = await benchLatency(site, interaction);
      if (typeof result === "string") notes.push(result);
      else latencies.push(result);
    }
    return {renders, latencies, notes, browserLoad: {start, end: loadavg()[0]}};
  } finally {
    await site.close();
  }
}

export interface SiteOptions {
  /** Measure this dist/ instead of building (its scale is taken as given). */
  dist?: string;
  /** Wait up to this long for the load to fall below 1 before the build and before the browser runs. */
  waitS?: number;
}

/** The site at one scale: built in a temporary copy of the project, or an existing dist/ measured. */
export async function benchSite(scale: number, {dist, waitS = 0}: SiteOptions = {}): Promise<SiteBench> {
  const work = mkdtempSync(join(tmpdir(), "bench-site-"));
  try {
    let build: ProcessMeasure | null = null;
    if (!dist) {
      const project = copyProject(join(work, "project"));
      await waitForLoad(waitS, `the build at scale ${scale}`);
      console.error(`bench: building the site at scale ${scale}`);
      build = await benchBuild(project, scale);
      dist = join(project, "dist");
    }
    await waitForLoad(waitS, `the browser runs at scale ${scale}`);
    console.error(`bench: measuring the pages built at scale ${scale} in Chromium`);
    const measured = await benchBrowser(dist);
    return {scale, build, weights: scanBudget(dist).weights, ...measured};
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}
