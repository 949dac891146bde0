/**
 * Helpers for browser tests of the built site: a static server for dist/ and headless Chromium.
 *
 *     await withSite(async (site) => {
 *       const opened = await site.openPage("index.html");
 *       await opened.page.selectOption("select", "APAC");
 *       await opened.settle();
 *       opened.assertClean();
 *     });
 *
 * The site is served under a sub-path (/workbook/ by default) so that any absolute link fails the
 * tests, and every request to a host other than the loopback server is blocked and reported.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {tmpdir} from "node:os";
import {extname, join, normalize, resolve, sep} from "node:path";
import {chromium, type Browser, type BrowserContext, type Download, type Page, type Request} from "playwright-core";
import {listFiles, ROOT} from "../../scripts/buildSteps.js";

export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "tests", "screenshots");

/** Flags for a system Chromium (Debian's package): quiet, offline, no first-run or background work. */
export const SYSTEM_CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Where it came from, for messages. */
  source: "CHROMIUM_PATH" | "/usr/bin/chromium" | "@sparticuz/chromium";
}

/**
 * Finds a Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the binary that ships
 * inside the @sparticuz/chromium package (so a machine with only Node and npm can run the tests).
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLaunch> {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH does not exist: ${env.CHROMIUM_PATH}`);
    return {executablePath: env.CHROMIUM_PATH, args: SYSTEM_CHROMIUM_ARGS, source: "CHROMIUM_PATH"};
  }
  if (existsSync("/usr/bin/chromium")) {
    return {executablePath: "/usr/bin/chromium", args: SYSTEM_CHROMIUM_ARGS, source: "/usr/bin/chromium"};
  }
  const {default: sparticuz} = await import("@sparticuz/chromium");
  // Its flags suit AWS Lambda. In --single-process mode the browser exits when its last context
  // closes, which breaks one-context-per-page tests, so that flag is left out.
  const args = sparticuz.args.filter((arg) => arg !== "--single-process");
  return {executablePath: await sparticuz.executablePath(), args, source: "@sparticuz/chromium"};
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm"
};

/**
 * A plain static server, like the hosts the site is published to: no clean-URL rewriting, a
 * directory serves its index.html, everything outside `prefix` is a 404.
 */
export async function serveStatic(dir: string, prefix = "/"): Promise<{server: Server; origin: string; close(): Promise<void>}> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = "";
    }
    if (!pathname.startsWith(prefix) || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, pathname.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-store"
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("static server has no port");
  return {
    server,
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

/** Built pages of dist/ as paths relative to it ("index.html", "kpis/daily.html"), without 404.html. */
export function builtPages(dist: string = DIST): string[] {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`no built site in ${dist}: run npm run build first`);
  return listFiles(dist).filter((f) => f.endsWith(".html") && f !== "404.html" && !f.startsWith("_"));
}

/** A page opened in its own browser context, with everything that went wrong while it ran. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Console errors, page errors, failed and external requests, in order. */
  problems: string[];
  /** Waits until the page's cells have run and its DOM has stopped changing (settlePage). */
  settle(options?: SettleOptions): Promise<void>;
  /** Texts of Framework error cells (`.observablehq--error`) on the page. */
  errorCells(): Promise<string[]>;
  /** Settles (with these options), then throws if there were problems or error cells. */
  assertClean(options?: SettleOptions): Promise<void>;
  /** Full-page PNG under tests/screenshots/ (or the given path); returns the path. */
  screenshot(name?: string): Promise<string>;
  /** Clicks something that downloads a file and returns the download. */
  download(click: () => Promise<unknown>): Promise<Download>;
  close(): Promise<void>;
}

export interface Site {
  browser: Browser;
  /** Where dist/ is served, ending in "/": e.g. http://127.0.0.1:41234/workbook/ */
  baseUrl: string;
  chromium: ChromiumLaunch;
  /** Opens a built page, e.g. "index.html", and waits for it to settle. */
  openPage(path: string, options?: OpenPageOptions): Promise<OpenedPage>;
}

export interface OpenPageOptions {
  /** Viewport width in CSS pixels (default 1200). */
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** Do not wait for the page to settle (default false). */
  noSettle?: boolean;
}

export interface SiteOptions {
  dist?: string;
  /** The sub-path the site is served from; must start and end with "/". */
  prefix?: string;
}

/** Serves dist/, launches Chromium, runs fn, and always cleans up. */
export async function withSite<T>(fn: (site: Site) => Promise<T>, options: SiteOptions = {}): Promise<T> {
  const site = await startSite(options);
  try {
    return await fn(site);
  } finally {
    await site.close();
  }
}

/** Serves dist/ and launches Chromium; for beforeAll/afterAll. Prefer withSite elsewhere. */
export async function startSite({dist = DIST, prefix = "/workbook/"}: SiteOptions = {}): Promise<Site & {close(): Promise<void>}> {
  builtPages(dist);
  const launch = await findChromium();
  const server = await serveStatic(dist, prefix);
  const opened = new Set<OpenedPage>();
  let browser: Browser;
  try {
    browser = await chromium.launch({executablePath: launch.executablePath, args: launch.args, headless: true});
  } catch (error) {
    await server.close();
    throw new Error(`cannot launch Chromium from ${launch.source} (${launch.executablePath}): ${(error as Error).message}`);
  }
  return {
    browser,
    baseUrl: `${server.origin}${prefix}`,
    chromium: launch,
    async openPage(path, options = {}) {
      const page = await openPage(browser, new URL(path.replace(/^\//, ""), `${server.origin}${prefix}`).href, options);
      opened.add(page);
      return page;
    },
    async close() {
      for (const page of opened) await page.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    }
  };
}

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

async function openPage(browser: Browser, url: string, options: OpenPageOptions): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: {width: options.width ?? 1200, height: options.height ?? 900},
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
    serviceWorkers: "block"
  });
  const page = await context.newPage();
  await watchPage(page);
  const problems: string[] = [];
  // Every request goes through here: anything not served by the loopback server is refused.
  await context.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === "data:" || target.protocol === "blob:" || isLoopback(target)) return route.continue();
    problems.push(`external request: ${route.request().method()} ${target.href}`);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  // An alert, confirm or prompt means injected script ran.
  page.on("dialog", (dialog) => {
    problems.push(`dialog opened (injected script ran?): ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed";
    if (reason.includes("ERR_BLOCKED_BY_CLIENT")) return; // already reported as external
    problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });

  const settle = (options?: SettleOptions) => settlePage(page, options);
  const errorCells = () =>
    page.$$eval(".observablehq--error", (elements) => elements.map((e) => (e.textContent ?? "").trim()));
  const opened: OpenedPage = {
    page,
    context,
    url,
    problems,
    settle,
    errorCells,
    async assertClean(options) {
      await settle(options);
      const cells = await errorCells();
      const all = [...problems, ...cells.map((c) => `error cell: ${c}`)];
      if (all.length > 0) throw new Error(`${url}:\n  ${all.join("\n  ")}`);
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, {recursive: true});
      const path = name && name.includes(sep) ? name : join(SCREENSHOTS, name ?? screenshotName(url));
      await page.screenshot({path, fullPage: true, animations: "disabled"});
      return path;
    },
    async download(click) {
      const [download] = await Promise.all([page.waitForEvent("download"), click()]);
      return download;
    },
    close: () => context.close()
  };
  // Chromium can fail the navigation itself on an error status (net::ERR_HTTP_RESPONSE_CODE_FAILURE).
  const response = await page.goto(url, {waitUntil: "load"}).catch((error: Error) => {
    problems.push(`navigation failed: ${url} (${error.message.split("\n")[0]})`);
    return null;
  });
  if (response && !response.ok()) problems.push(`HTTP ${response.status()}: ${url}`);
  if (response && !options.noSettle) await settle({fromLastChange: true});
  return opened;
}

/** "http://…/workbook/kpis/daily.html" → "kpis-daily.png". */
function screenshotName(url: string): string {
  const path = new URL(url).pathname.replace(/^\/[^/]+\//, "").replace(/\.html$/, "") || "index";
  return `${path.replace(/\/$/, "/index").replace(/[^\w.-]+/g, "-")}.png`;
}

/**
 * What settlePage watches on a page (see watchPage): the requests in flight and when the network last
 * changed, on this side; the time of the last DOM change, in the page (MUTATION_CLOCK).
 */
interface Watch {
  inflight: Set<Request>;
  /** Date.now() of the last request started or ended. */
  lastNetwork: number;
}
const watches = new WeakMap<Page, Watch>();

/**
 * Runs in every document before its own scripts: keeps `__settleLastChange`, the epoch time in ms of the
 * document's last DOM change, from its first node on.
 */
const MUTATION_CLOCK = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  window.__settleLastChange = now();
  new MutationObserver(() => (window.__settleLastChange = now())).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})()`;

/**
 * Lets settlePage see every request of `page` and every DOM change of its documents from their start.
 * openPage calls it; call it on a page of your own before its first navigation.
 */
export async function watchPage(page: Page): Promise<void> {
  if (watches.has(page)) return;
  const watch: Watch = {inflight: new Set(), lastNetwork: Date.now()};
  watches.set(page, watch);
  page.on("request", (request) => {
    watch.inflight.add(request);
    watch.lastNetwork = Date.now();
  });
  const ended = (request: Request) => {
    watch.inflight.delete(request);
    watch.lastNetwork = Date.now();
  };
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  await page.addInitScript(MUTATION_CLOCK);
}

export interface SettleOptions {
  /** How long nothing may have happened (default 500 ms). */
  quietMs?: number;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Count the quiet from the document's last DOM change even if that came before this call (default
   * false). Right only when nothing can have started work that has not shown yet: just after the page
   * loaded, or when the test has only read the page since it last settled. By default the quiet starts
   * no earlier than the call, so that work an action started (an input event, a click) is waited for.
   */
  fromLastChange?: boolean;
}

/**
 * In the page, as a string so that any runner (vitest, tsx) passes it unchanged: resolves once no cell
 * is loading, the DOM has not changed for quietMs (counted from no earlier than floor, epoch ms), and
 * fonts are loaded.
 */
const DOM_QUIET = String.raw`({floor, quietMs, timeoutMs}) => new Promise((resolve, reject) => {
  const now = () => performance.timeOrigin + performance.now();
  if (window.__settleLastChange === undefined) {
    // A page watched only after this document started: its changes are seen from now on.
    window.__settleLastChange = now();
    new MutationObserver(() => (window.__settleLastChange = now())).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  }
  const start = now();
  const tick = () => {
    const t = now();
    const loading = document.querySelector("observablehq-loading");
    if (!loading && t - Math.max(window.__settleLastChange, floor) >= quietMs) document.fonts.ready.then(() => resolve());
    else if (t - start > timeoutMs) reject(new Error("page did not settle in " + timeoutMs + " ms" + (loading ? " (a cell is still loading)" : "")));
    else setTimeout(tick, 20);
  };
  tick();
})`;

/**
 * Framework runs cells asynchronously after load, and `resize` charts render after a layout pass.
 * Settled means, all at once: no request in flight and none started or ended for quietMs, no
 * `observablehq-loading` placeholder left, no DOM change for quietMs, and fonts loaded. On a page
 * that watchPage does not watch (one not opened through openPage), it waits as it always did: for
 * Playwright's network idle, then for a quiet DOM from the call on, then for network idle again.
 */
export async function settlePage(page: Page, {quietMs = 500, timeoutMs = 30_000, fromLastChange = false}: SettleOptions = {}): Promise<void> {
  const watch = watches.get(page);
  if (!watch) return settleUnwatched(page, quietMs, timeoutMs);
  const start = Date.now();
  const floor = fromLastChange ? 0 : start;
  for (;;) {
    const left = timeoutMs - (Date.now() - start);
    if (left <= 0) throw new Error(`page did not settle in ${timeoutMs} ms (in flight: ${[...watch.inflight].map((r) => r.url()).join(", ") || "nothing"})`);
    try {
      await page.evaluate(`(${DOM_QUIET})(${JSON.stringify({floor, quietMs, timeoutMs: left})})`);
    } catch (error) {
      // The page navigated meanwhile (a link, or Chromium's error page after a failed load): settle the new document.
      if (!/Execution context was destroyed|navigat/i.test((error as Error).message)) throw error;
      await page.waitForLoadState("load", {timeout: left});
      continue;
    }
    // The DOM is quiet; the network must be quiet as long, at the same time. If it is not, wait and look again.
    const wait = watch.inflight.size > 0 ? 20 : quietMs - (Date.now() - watch.lastNetwork);
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, left)));
  }
}

async function settleUnwatched(page: Page, quietMs: number, timeoutMs: number): Promise<void> {
  await page.waitForLoadState("networkidle", {timeout: timeoutMs});
  await page.evaluate(
    ({quietMs, timeoutMs}) =>
      new Promise<void>((resolve, reject) => {
        const start = performance.now();
        let last = performance.now();
        const observer = new MutationObserver(() => (last = performance.now()));
        observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
        const tick = () => {
          const now = performance.now();
          const loading = document.querySelector("observablehq-loading");
          if (!loading && now - last >= quietMs) {
            observer.disconnect();
            document.fonts.ready.then(() => resolve());
          } else if (now - start > timeoutMs) {
            observer.disconnect();
            reject(new Error(`page did not settle in ${timeoutMs} ms${loading ? " (a cell is still loading)" : ""}`));
          } else {
            setTimeout(tick, 50);
          }
        };
        tick();
      }),
    {quietMs, timeoutMs}
  );
  await page.waitForLoadState("networkidle", {timeout: timeoutMs});
}

/** A fresh temporary directory (removed by the caller), e.g. for downloads. */
export function tempDir(prefix = "workbook-browser-"): {path: string; remove(): void} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {path, remove: () => rmSync(path, {recursive: true, force: true})};
}
