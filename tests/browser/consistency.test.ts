/**
 * Every built page, as a reader on a desktop and on a phone, in light and dark mode, sees it:
 * - on the desktop in light mode, a clean first visit: no console or page error, no failed or external
 *   request, no error cell, no data markup turned into DOM, some content, and a screenshot; and every
 *   page reachable from the home page through the links that pass collected;
 * - the layout checks of layout.ts (nothing wider than the viewport, no clipped chart label, chart
 *   labels at WCAG AA contrast, sideways scrolling only with a visible cue), at both widths in both
 *   modes. Each width is a fresh load; the dark check switches the loaded page's colour scheme, as a
 *   reader's system does, because the site's colours are CSS alone (docs/style.css picks the theme by
 *   prefers-color-scheme, and no page or component reads the scheme from script);
 * - every chart (a Plot SVG, or any SVG of at least 100 × 60 px) has a Save menu (chartSave.ts), with an
 *   accessible name that names it;
 * - one number, one definition: every KPI card ([data-kpi]) with the same id, window and place shows
 *   the same unrounded value on every page, and every card titled with a dictionary name is one.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {KPI_DEFINITIONS} from "../../src/metrics/definitions.js";
import {injectedElements} from "./inert.js";
import {LAYOUT_CHECK} from "./layout.js";
import {builtPages, settlePage, startSite, watchPage} from "./site.js";
import type {BrowserContext, Page} from "playwright-core";

const pages = builtPages();
/** Each width is loaded fresh, in light mode, then checked again in dark mode. */
const WIDTHS = [1280, 390] as const;

interface Card {
  page: string;
  kpi: string | null;
  title: string;
  from?: string;
  to?: string;
  place?: string;
  value?: string;
}

let site: Awaited<ReturnType<typeof startSite>>;
const cards: Card[] = [];
/** The links of each page, as the first pass saw them (absolute URLs). */
const links = new Map<string, string[]>();

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function visit(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(`page error: ${e.message}`);
  page.on("pageerror", onError);
  await page.goto(new URL(path, site.baseUrl).href, {waitUntil: "load"});
  await settlePage(page, {fromLastChange: true});
  page.off("pageerror", onError);
  return [...errors, ...(await errorCells(page))];
}

function errorCells(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (els) => els.map((e) => `error cell: ${(e.textContent ?? "").trim()}`));
}

/**
 * Switches the loaded page to dark mode and runs the layout checks again, with its error cells and any
 * page error the switch caused; leaves the page in light mode.
 */
async function darkProblems(page: Page): Promise<string[]> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(`page error: ${e.message}`);
  page.on("pageerror", onError);
  try {
    await page.emulateMedia({colorScheme: "dark"});
    await settlePage(page);
    const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
    if (!dark) return ["the page did not switch to dark mode"];
    return [...errors, ...(await errorCells(page)), ...((await page.evaluate(LAYOUT_CHECK)) as string[])];
  } finally {
    page.off("pageerror", onError);
    await page.emulateMedia({colorScheme: "light"});
  }
}

/**
 * The first visit at 1280 px, in a fresh context: the page loads cleanly (console and page errors,
 * failed or non-loopback requests, error cells), has content and no injected markup, and passes the
 * layout checks in light and dark mode; leaves a full-page screenshot (light) under tests/screenshots/
 * and records the page's cards and links.
 */
async function firstVisit(path: string) {
  const opened = await site.openPage(path, {width: WIDTHS[0], colorScheme: "light"});
  try {
    const light = (await opened.page.evaluate(LAYOUT_CHECK)) as string[];
    const unsaved = await chartsWithoutSave(opened.page);
    cards.push(...(await collectCards(opened.page, path)));
    links.set(path, await opened.page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href)));
    // The test has only read the page since it settled: its quiet counts from its last change.
    const clean = await opened.assertClean({fromLastChange: true}).then(() => [], (error: Error) => [error.message]);
    const content = (await opened.page.textContent("#observablehq-main"))?.trim().length ?? 0;
    const injected = await injectedElements(opened.page);
    await opened.screenshot();
    const before = opened.problems.length;
    const dark = await darkProblems(opened.page);
    return {clean, content, injected, unsaved, layout: {light, dark: [...opened.problems.slice(before), ...dark]}};
  } finally {
    await opened.close();
  }
}

/** The layout checks at 390 px in light and dark mode, on one page that visits each built page in turn. */
async function narrowVisit(page: Page, path: string) {
  const light = [...(await visit(page, path)), ...((await page.evaluate(LAYOUT_CHECK)) as string[])];
  return {light, dark: await darkProblems(page)};
}

/** Both results, once both have finished (so that a failure of one leaves nothing running into the next test). */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === "rejected") throw x.reason;
  if (y.status === "rejected") throw y.reason;
  return [x.value, y.value];
}

describe(`every page at ${WIDTHS.join(" and ")} px, light then dark`, () => {
  let context: BrowserContext;
  let narrow: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({viewport: {width: WIDTHS[1], height: 900}, colorScheme: "light", serviceWorkers: "block"});
    narrow = await context.newPage();
    await watchPage(narrow);
  });
  afterAll(async () => {
    await context?.close();
  });
  it.each(pages)(`%s loads cleanly, and at ${WIDTHS.join(" and ")} px in light and dark mode nothing overflows, is clipped, lacks contrast or scrolls without a cue`, async (path) => {
    // The two widths are separate loads in separate contexts, so they run side by side.
    const [wide, phone] = await bothSettled(firstVisit(path), narrowVisit(narrow, path));
    expect(wide.clean, "a clean first visit").toEqual([]);
    expect(wide.content, "the page has no content").toBeGreaterThan(0);
    // Data texts carry markup on purpose (src/world/text.ts HOSTILE_PAYLOADS): none may become DOM.
    expect(wide.injected).toEqual([]);
    expect({[`${WIDTHS[0]} px`]: wide.layout, [`${WIDTHS[1]} px`]: phone}).toEqual({[`${WIDTHS[0]} px`]: {light: [], dark: []}, [`${WIDTHS[1]} px`]: {light: [], dark: []}});
    expect(wide.unsaved, "charts without a Save menu").toEqual([]);
  });
});

/** Charts on the page without a Save menu (a layered chart has one for all its layers), or whose menu is unnamed. */
function chartsWithoutSave(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missing: string[] = [];
    for (const svg of document.querySelectorAll("#observablehq-main svg")) {
      if (svg.parentElement?.closest("svg")) continue;
      const plot = /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "");
      const box = svg.getBoundingClientRect();
      if (!plot && (box.width < 100 || box.height < 60)) continue; // legend swatches, ramps, icons
      const holder = svg.closest(".chart-layers") ?? svg.closest(".chart-frame");
      const summary = holder?.querySelector(".chart-save > summary");
      const where = (svg.closest(".card")?.querySelector("h2")?.textContent ?? "a chart outside a card").trim();
      if (!summary) missing.push(`no Save menu: ${where}`);
      else if (!/^Save the chart “.+”$/.test(summary.getAttribute("aria-label") ?? "")) missing.push(`unnamed Save menu: ${where}`);
    }
    return missing;
  });
}

function collectCards(page: Page, path: string): Promise<Card[]> {
  return page.$$eval(
    ".card, [data-kpi]",
    (els, path) =>
      els.map((el) => {
        const e = el as HTMLElement;
        const title = (e.querySelector("h2, h3")?.textContent ?? "").trim();
        return {page: path, kpi: e.dataset.kpi ?? null, title, from: e.dataset.from, to: e.dataset.to, place: e.dataset.place, value: e.dataset.value};
      }),
    path
  );
}

describe("every page is reachable", () => {
  it("reaches every built page through links alone, starting at the home page", () => {
    expect(links.size, "the first pass collected each page's links").toBe(pages.length);
    const base = new URL(site.baseUrl);
    const seen = new Set<string>(["index.html"]);
    const bare: string[] = [];
    const queue = ["index.html"];
    while (queue.length) {
      const path = queue.shift()!;
      for (const href of links.get(path) ?? []) {
        const url = new URL(href);
        if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) continue;
        const rest = url.pathname.slice(base.pathname.length);
        // A static host serves only the file: a page link must name it with .html.
        if (path === "index.html" && rest !== "" && !rest.endsWith(".html") && pages.includes(`${rest}.html`)) bare.push(`index → ${rest}`);
        const target = rest === "" ? "index.html" : rest.endsWith(".html") ? rest : `${rest}.html`;
        if (pages.includes(target) && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    expect(pages.filter((p) => !seen.has(p))).toEqual([]);
    expect(bare, "home-page links without .html").toEqual([]);
  });
});

describe("one number, one definition across pages", () => {
  const names = new Map<string, string>();
  for (const def of KPI_DEFINITIONS) for (const name of [def.name, ...(def.aliases ?? [])]) names.set(name.toLowerCase(), def.id);

  it("every card titled with a dictionary name carries data-kpi, with that KPI's id and name", () => {
    expect(cards.length, "the first visits at 1280 px collected the cards").toBeGreaterThan(0);
    const wrong = cards.filter((c) => names.has(c.title.toLowerCase()) && c.kpi !== names.get(c.title.toLowerCase()));
    expect(wrong.map((c) => `${c.page}: "${c.title}" carries ${c.kpi ?? "no data-kpi"}`)).toEqual([]);
    const misnamed = cards.filter((c) => c.kpi && KPI_DEFINITIONS.find((d) => d.id === c.kpi)?.name !== c.title);
    expect(misnamed.map((c) => `${c.page}: data-kpi ${c.kpi} titled "${c.title}"`)).toEqual([]);
  });

  it("cards with the same KPI, window and place carry the same value on every page", () => {
    const kpiCards = cards.filter((c) => c.kpi);
    const groups = new Map<string, Card[]>();
    for (const c of kpiCards) {
      expect(c.from, `${c.page} ${c.kpi}: data-from`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.to, `${c.page} ${c.kpi}: data-to`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const key = `${c.kpi} ${c.from}..${c.to} ${c.place}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const disagreements: string[] = [];
    let pairs = 0;
    for (const [key, group] of groups) {
      for (let i = 1; i < group.length; i++) {
        pairs++;
        const a = Number(group[0].value), b = Number(group[i].value);
        const same = group[0].value === group[i].value || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
        if (!same) disagreements.push(`${key}: ${group[0].page} ${group[0].value} vs ${group[i].page} ${group[i].value}`);
      }
    }
    const crossPage = [...groups.values()].filter((g) => new Set(g.map((c) => c.page)).size > 1).length;
    console.log(`consistency: ${kpiCards.length} KPI cards on ${new Set(kpiCards.map((c) => c.page)).size} pages, ${new Set(kpiCards.map((c) => c.kpi)).size} KPI ids, ${groups.size} (id, window, place) groups, ${crossPage} of them on more than one page, ${pairs} pairs compared`);
    expect(disagreements).toEqual([]);
  });
});

describe("the same KPI over the home page's window, on every page with a date range", () => {
  /** Pages whose From/To inputs move their cards. */
  const RANGED = ["overview.html", "mixes.html", "moderators.html", "ops/flags.html", "ops/classifier.html", "ops/queue.html", "ops/attacks.html"];

  async function setDate(page: Page, label: "From" | "To", value: string): Promise<void> {
    await page.locator("form", {has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator('input[type="date"]').first().fill(value);
  }

  /** Moves each ranged page to a window and compares its cards with the reference page's cards over it. */
  async function compareOver(reference: string): Promise<{window: string; compared: number; disagreements: string[]}> {
    const ref = await site.openPage(reference);
    const refCards = (await collectCards(ref.page, reference)).filter((c) => c.kpi);
    await ref.close();
    expect(refCards.length, `${reference} has KPI cards`).toBeGreaterThan(0);
    const {from, to} = refCards[0];
    const byKey = new Map(refCards.map((c) => [`${c.kpi} ${c.from} ${c.to} ${c.place}`, c]));
    let compared = 0;
    const disagreements: string[] = [];
    const comparePage = async (path: string) => {
      const opened = await site.openPage(path);
      try {
        await setDate(opened.page, "From", from!);
        await setDate(opened.page, "To", to!);
        await opened.settle();
        for (const c of await collectCards(opened.page, path)) {
          const r = byKey.get(`${c.kpi} ${c.from} ${c.to} ${c.place}`);
          if (!c.kpi || !r) continue;
          compared++;
          if (Math.abs(Number(c.value) - Number(r.value)) > 1e-9 * Math.max(1, Math.abs(Number(r.value)))) disagreements.push(`${c.kpi} ${c.from}..${c.to}: ${path} ${c.value} vs ${reference} ${r.value}`);
        }
      } finally {
        await opened.close();
      }
    };
    // Each page in its own context, two at a time.
    for (let i = 0; i < RANGED.length; i += 2) await bothSettled(comparePage(RANGED[i]), RANGED[i + 1] ? comparePage(RANGED[i + 1]) : Promise.resolve());
    console.log(`consistency: ${compared} cards on ranged pages compared with ${reference}'s over ${from}..${to}`);
    return {window: `${from}..${to}`, compared, disagreements};
  }

  it("moving each page's range to the home page's 30 days gives the home page's values", async () => {
    const {compared, disagreements} = await compareOver("index.html");
    expect(compared).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });

  it("moving each page's range to the whole half-year gives the KPI dictionary's values", async () => {
    const {compared, disagreements} = await compareOver("kpi-dictionary.html");
    expect(compared).toBeGreaterThan(0);
    expect(disagreements).toEqual([]);
  });
});

describe("a KPI card says what it is", () => {
  it("hovering or focusing a card shows its definition and window, and its name opens its dictionary entry", async () => {
    const opened = await site.openPage("overview.html");
    try {
      const {page} = opened;
      const card = page.locator('[data-kpi="enforcement_rate"]').first();
      const tip = card.locator(".kpi-definition");
      expect(await tip.isVisible()).toBe(false);
      await card.hover();
      expect(await tip.isVisible()).toBe(true);
      const from = await card.getAttribute("data-from");
      const to = await card.getAttribute("data-to");
      expect(await tip.textContent()).toContain(`Numerator: sum of daily_country.enforcements. Denominator: sum of daily_country.reports.`);
      expect(await tip.textContent()).toContain(`Window: ${from} to ${to}`);
      await page.mouse.move(0, 0);
      await card.focus();
      expect(await tip.isVisible()).toBe(true);
      // A share's change is in percentage points, with the counts and interval it rests on.
      expect(await card.locator(".kpi-change").textContent()).toMatch(/[+−±]\d+\.\d pp vs /);
      expect(await card.locator(".kpi-basis").textContent()).toMatch(/^[\d,]+ of [\d,]+; 95% CI \d+\.\d–\d+\.\d%$/);
      await card.locator("h2 a").click();
      await page.waitForURL(/kpi-dictionary\.html#kpi-enforcement_rate$/);
      await settlePage(page);
      expect(await page.locator("details#kpi-enforcement_rate").getAttribute("open")).not.toBeNull();
    } finally {
      await opened.close();
    }
  });
});
