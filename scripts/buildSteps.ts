/**
 * The steps of `npm run build` and `npm run dev` around Observable Framework, as functions so that
 * they can be tested. scripts/build.ts and scripts/dev.ts put them together.
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, posix, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";

/** The project root: the directory holding observablehq.config.ts. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/[\\/]$/, "");

/**
 * Versions for the libraries that Framework's client bundle can load lazily (Framework asks the npm
 * registry for their "latest" version during every build). Seeding Framework's version cache with
 * them keeps the build offline and keeps dist/_observablehq/*.js the same from one month to the next.
 * The pages never load these: they import libraries by package name from node_modules.
 */
export const FRAMEWORK_NPM_PINS = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3@7.9.2",
  "d3-dsv@3.0.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react@19.3.1",
  "react-dom@19.3.1",
  "topojson-client@3.1.0"
] as const;

/**
 * Clears Framework's cache. `observable build` reuses a cached loader output even when the loader's
 * inputs in src/ have changed, so a build that keeps the cache can publish stale data.
 * The npm version pins are then written back into the fresh cache.
 */
export function resetCache(root: string = ROOT): void {
  const cache = join(root, "docs", ".observablehq", "cache");
  rmSync(cache, {recursive: true, force: true});
  for (const pin of FRAMEWORK_NPM_PINS) mkdirSync(join(cache, "_npm", pin), {recursive: true});
}

/** The environment for Framework and its loaders: UTC, C locale, no telemetry, local binaries first. */
export function frameworkEnv(env: NodeJS.ProcessEnv, root: string = ROOT): NodeJS.ProcessEnv {
  const bin = join(root, "node_modules", ".bin");
  return {
    ...env,
    TZ: "UTC",
    LANG: "C",
    LC_ALL: "C",
    OBSERVABLE_TELEMETRY_DISABLE: "1",
    // Commands that loaders and scripts run (tsx, observable) come from the project's node_modules.
    PATH: env.PATH ? `${bin}${process.platform === "win32" ? ";" : ":"}${env.PATH}` : bin
  };
}

/** Path of Framework's command-line entry point, run with this Node. */
export function observableBin(root: string = ROOT): string {
  return join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
}

/**
 * The time to stamp on every file in dist/, in milliseconds: SOURCE_DATE_EPOCH (seconds) when set,
 * else the time of the HEAD commit, else 0. The same commit then builds to the same bytes anywhere.
 */
export function sourceDateMs(env: NodeJS.ProcessEnv, root: string = ROOT): number {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw) {
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw) * 1000)) {
      throw new Error(`invalid SOURCE_DATE_EPOCH: ${JSON.stringify(env.SOURCE_DATE_EPOCH)} (expected whole seconds since 1970-01-01 UTC)`);
    }
    return Number(raw) * 1000;
  }
  try {
    const out = execFileSync("git", ["-C", root, "log", "-1", "--format=%ct"], {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]});
    const seconds = Number(out.trim());
    return Number.isSafeInteger(seconds) && seconds >= 0 ? seconds * 1000 : 0;
  } catch {
    return 0; // not a git checkout, or no commit yet
  }
}

const LAST_MODIFIED = /"lastModified":\d+/g;

/**
 * Replaces the loader-output mtimes that Framework embeds in each `registerFile(...)` call
 * (`"lastModified":<ms>`) with a fixed time. Returns the text and how many were replaced.
 */
export function fixLastModified(text: string, ms: number): {text: string; count: number} {
  let count = 0;
  const fixed = text.replace(LAST_MODIFIED, () => (count++, `"lastModified":${ms}`));
  return {text: fixed, count};
}

/** Every file under dir, as paths relative to dir with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

/** Built pages and local modules: the files in which Framework writes registerFile(...) calls. */
function isStampedFile(file: string): boolean {
  return file.endsWith(".html") || (file.startsWith("_import/") && file.endsWith(".js"));
}

/** Rewrites the embedded mtimes in dist; returns how many were replaced. */
export function stampDist(dist: string, ms: number): number {
  let total = 0;
  for (const file of listFiles(dist).filter(isStampedFile)) {
    const path = join(dist, file);
    const {text, count} = fixLastModified(readFileSync(path, "utf8"), ms);
    if (count > 0) writeFileSync(path, text);
    total += count;
  }
  return total;
}

export interface PageError {
  page: string;
  message: string;
}

const ERROR_ELEMENT = /<(div|span)\b[^>]*\bclass="[^"]*\bobservablehq--error\b[^"]*"[^>]*>([\s\S]*?)<\/\1>/g;

/**
 * Errors that Framework writes into a page instead of failing the build: a cell that does not parse,
 * or an import from outside the root ("non-local import"), which it ships as a SyntaxError.
 */
export function findPageErrors(html: string): string[] {
  const errors: string[] = [];
  for (const match of html.matchAll(ERROR_ELEMENT)) errors.push(decodeEntities(match[2].replace(/<[^>]*>/g, "")).trim());
  if (errors.length === 0 && html.includes("non-local import")) {
    const line = html.split("\n").find((l) => l.includes("non-local import"))!;
    errors.push(line.trim().slice(0, 200));
  }
  return errors;
}

/** Scans every built page (dist/**\/*.html) for shipped errors. */
export function scanDist(dist: string): PageError[] {
  const found: PageError[] = [];
  for (const page of listFiles(dist).filter((f) => f.endsWith(".html"))) {
    for (const message of findPageErrors(readFileSync(join(dist, page), "utf8"))) found.push({page, message});
  }
  return found;
}

/**
 * Local links and resources in a page (`href` and `src` outside scripts) that do not resolve to a file
 * in dist, and root-absolute ones ("/x"), which break when the site is served from a sub-path.
 * Framework only warns about these.
 */
export function findBrokenLinks(dist: string, page: string, html: string): string[] {
  const broken: string[] = [];
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  for (const match of markup.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
    const link = decodeEntities(match[1]);
    if (link === "" || link.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith("//")) continue;
    if (link.startsWith("/")) {
      broken.push(`${link} (root-absolute)`);
      continue;
    }
    let path = link.replace(/[?#].*$/, "");
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep it encoded
    }
    let target = posix.normalize(posix.join(posix.dirname(page), path));
    if (target.startsWith("../") || target === "..") {
      broken.push(`${link} (outside the site)`);
      continue;
    }
    if (path.endsWith("/") || target === ".") target = posix.join(target, "index.html");
    const file = join(dist, ...target.split("/"));
    if (!existsSync(file) || !statSync(file).isFile()) broken.push(link);
  }
  return [...new Set(broken)];
}

/** Broken local links in every built page. */
export function scanLinks(dist: string): PageError[] {
  const found: PageError[] = [];
  for (const page of listFiles(dist).filter((f) => f.endsWith(".html"))) {
    for (const link of findBrokenLinks(dist, page, readFileSync(join(dist, page), "utf8"))) {
      found.push({page, message: `broken link ${link}`});
    }
  }
  return found;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * A one-line reason for a failed `observable build`, from its output. Framework's own last line
 * ("Unexpected error: loader exited with code 1") does not say which loader failed.
 */
export function describeFailure(output: string): string {
  const lines = output.split(/\r?\n/).map(stripAnsi);
  if (lines.some((l) => /cdn\.jsdelivr\.net|registry\.npmjs\.org|fetch failed|ENOTFOUND/.test(l))) {
    return (
      "Framework tried to download a library; import libraries by package name " +
      '(import * as Plot from "@observablehq/plot"), not with npm: or the implicit globals, ' +
      'and read files with FileAttachment("x").arrayBuffer(), not .arrow() or .csv()'
    );
  }
  let loading: string | undefined;
  for (const line of lines) {
    const load = /\bload (\/\S+) →/.exec(line);
    if (load) loading = load[1];
    const error = /^error in [\d.]+\s*m?s: (.*)$/.exec(line.trim());
    if (error) return loading ? `loader for ${loading} failed: ${error[1]}` : error[1];
  }
  const unexpected = lines.find((l) => l.startsWith("Unexpected error: "));
  if (unexpected) return unexpected.slice("Unexpected error: ".length);
  return "see the output above";
}

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** The most a page may load at the default scale: its data files plus its JavaScript modules. */
export const PAGE_BUDGET_BYTES = 10 * 1024 * 1024;

export interface PageWeight {
  page: string;
  dataBytes: number;
  importBytes: number;
}

/**
 * What a page loads: the files it registers (FileAttachment), except those it only links to for
 * download (every use, in the page or in a component module it preloads, is `.href`), plus the modules
 * it preloads.
 */
export function pageWeight(dist: string, page: string, html: string): PageWeight {
  const modules = preloadedModules(dist, page, html);
  const moduleSources = modules.map((file) => readFileSync(file, "utf8"));
  let dataBytes = 0;
  for (const match of html.matchAll(/registerFile\((".*?"), (\{.*?\})\)/g)) {
    const name = JSON.parse(match[1]) as string;
    const {size} = JSON.parse(match[2]) as {size?: number};
    const uses = fileUses(name, html, moduleSources);
    const linkOnly = uses.length > 0 && uses.every((u) => u === ".href");
    if (!linkOnly) dataBytes += size ?? 0;
  }
  const importBytes = modules.reduce((total, file) => total + statSync(file).size, 0);
  return {page, dataBytes, importBytes};
}

/** The local module files a page preloads. */
function preloadedModules(dist: string, page: string, html: string): string[] {
  return [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)]
    .map((match) => join(dist, ...posix.normalize(posix.join(posix.dirname(page), match[1])).split("/")))
    .filter((file) => existsSync(file));
}

/**
 * How a registered file is used: the member read after each FileAttachment of it ("" when none), in the
 * page (`FileAttachment("./data/x.arrow")`) and in its component modules, where the build inlines the
 * attachment (`FileAttachment({"name":"../../data/x.arrow",…}, import.meta.url)`).
 */
function fileUses(name: string, html: string, moduleSources: readonly string[]): string[] {
  const inPage = new RegExp(`FileAttachment\\(${escapeRegExp(JSON.stringify(name))}\\)(\\.\\w+)?`, "g");
  const path = escapeRegExp(name.replace(/^(?:\.\.?\/)+/, ""));
  const inModule = new RegExp(`FileAttachment\\(\\{"name":"(?:\\.\\.?\\/)*${path}"[^}]*\\}, import\\.meta\\.url\\)(\\.\\w+)?`, "g");
  return [html, ...moduleSources].flatMap((source, i) => [...source.matchAll(i === 0 ? inPage : inModule)].map((u) => u[1] ?? ""));
}

/** Pages whose data and imports exceed the budget. */
export function scanBudget(dist: string, budget: number = PAGE_BUDGET_BYTES): {weights: PageWeight[]; over: PageWeight[]} {
  const weights = listFiles(dist)
    .filter((f) => f.endsWith(".html") && f !== "404.html")
    .map((page) => pageWeight(dist, page, readFileSync(join(dist, page), "utf8")));
  return {weights, over: weights.filter((w) => w.dataBytes + w.importBytes > budget)};
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
