/**
 * Regressions on the analyst pages (issue #16), as a reader meets them: the tooltip of a stacked or
 * normalised bar after hovering it, a date typed into the explorer's search, the period line and the
 * date range of every page.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Locator} from "playwright-core";
import {DIST, withSite, type OpenedPage} from "./site.js";

function builtWindow(): {from: string; to: string} {
  const dir = join(DIST, "_file", "data");
  const file = readdirSync(dir).find((f) => /^config\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error("no config.json in dist: run npm run build first");
  return JSON.parse(readFileSync(join(dir, file), "utf8")).window;
}

const dateInput = (opened: OpenedPage, label: string) => opened.page.locator("form", {hasText: label}).locator('input[type="date"]').first();

/** Every percent in a text, as numbers. */
const percents = (text: string) => [...text.matchAll(/(-?[\d,]+(?:\.\d+)?)%/g)].map((m) => Number(m[1].replace(/,/g, "")));

function assertSaneTip(text: string, where: string) {
  expect(text, where).not.toBe("");
  const ps = percents(text);
  expect(ps.length, `${where}: a share in ${JSON.stringify(text)}`).toBeGreaterThan(0);
  for (const p of ps) expect(p, `${where}: ${JSON.stringify(text)}`).toBeLessThanOrEqual(100);
  expect(text, where).not.toMatch(/\b(Part|part|group|key|fill|share|count)\b/);
}

describe("stacked and normalised bar tooltips", () => {
  it("mixes.html: a country bar, a weekly column and a category bar read as labels with shares <= 100%", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("mixes.html");
      const charts = [
        ["mix by country", 'g[aria-label="bar"] rect'],
        ["mix by week", 'g[aria-label="rect"] rect'],
        ["Source mix per category", 'g[aria-label="bar"] rect']
      ] as const;
      for (const [title, mark] of charts) {
        const card = opened.page.locator(".card").filter({hasText: title}).first();
        assertSaneTip(await hoverTipIn(opened, card.locator(mark), 5), `mixes: ${title}`);
      }
      await opened.assertClean();
    });
  });
  it("overview.html: the daily source share reads as a label with a share <= 100%", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("overview.html");
      const card = opened.page.locator(".card", {hasText: "Who raises the reports"});
      const area = card.locator('g[aria-label="area"] path').first();
      const text = await hoverTipIn(opened, area, 0);
      assertSaneTip(text, "overview source share");
      await opened.assertClean();
    });
  });
});

/** hoverTip for a locator of marks. */
async function hoverTipIn(opened: OpenedPage, marks: Locator, index: number): Promise<string> {
  const {page} = opened;
  const count = await marks.count();
  const mark = marks.nth(Math.min(index, count - 1));
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.boundingBox();
  if (!box) throw new Error("mark has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.locator('g[aria-label="tip"]').filter({hasText: /\S/}).first();
  await tip.waitFor({state: "visible", timeout: 5000});
  return tip.evaluate((g) => [...g.querySelectorAll("text > tspan")].map((t) => (t.textContent ?? "").replace(/\u200b/g, "")).join("\n") || g.textContent || "");
}

describe("explorer.html", () => {
  it("finds the rows of a date typed into the search", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("explorer.html");
      const {page} = opened;
      const search = page.locator("form", {hasText: "Search"}).first().locator('input[type="search"]');
      await search.fill("2025-07-14");
      await opened.settle();
      const rows = page.locator("table").first().locator("tbody tr");
      const n = await rows.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) expect(await rows.nth(i).textContent()).toContain("2025-07-14");
      await opened.assertClean();
    });
  });
});

describe("anomalies.html", () => {
  it("leaves the warm-up days out and counts no drop as explained", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("anomalies.html");
      const {page} = opened;
      const table = page.locator("table").first();
      const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
      // Columns by their headers (the table also has a drill-through column).
      const headers = await table.locator("thead tr").first().evaluate((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()));
      const zAt = headers.indexOf("z");
      const scenarioAt = headers.indexOf("Known scenario");
      expect(zAt).toBeGreaterThan(0);
      const dates = rows.map((cells) => cells.find((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.trim())) ?? "");
      expect(dates.length).toBeGreaterThan(0);
      // The 7-day window is full from the eighth day on.
      for (const d of dates) expect(d >= "2025-03-08", d).toBe(true);
      const n = (id: string) => page.locator(`#${id}`).textContent().then(Number);
      const explained = await n("explained-count");
      // Explained days are rises on a scenario day: the table's rows with a positive z and a scenario.
      const rises = rows.filter((cells) => {
        const z = Number(cells[zAt]?.replace("−", "-"));
        return z > 0 && !/none known/.test(cells[scenarioAt] ?? "");
      });
      expect(explained).toBe(rises.length);
      expect((await n("unexplained-count")) + explained).toBe(await n("flagged-count"));
      await opened.assertClean();
    });
  });
});

describe("periods and date ranges", () => {
  it.each(["overview.html", "mixes.html", "anomalies.html", "explorer.html", "moderators.html", "deep-dive-template.html", "world.html"])("%s states its period at the top", async (path) => {
    await withSite(async (site) => {
      const opened = await site.openPage(path);
      const note = opened.page.locator(".period-note").first();
      await expect(note.textContent()).resolves.toMatch(/^Period: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(\d+ days?, UTC\)/);
      // Above every chart: the first figure or card comes after it.
      const first = await opened.page.evaluate(() => {
        const note = document.querySelector(".period-note")!;
        const chart = document.querySelector("main svg, main .card");
        return !chart || !!(note.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(first).toBe(true);
      await opened.assertClean();
    });
  });

  it.each(["mixes.html", "moderators.html"])("%s starts From/To on the reporting window and follows them", async (path) => {
    const window = builtWindow();
    await withSite(async (site) => {
      const opened = await site.openPage(path);
      expect(await dateInput(opened, "From").inputValue()).toBe(window.from);
      expect(await dateInput(opened, "To").inputValue()).toBe(window.to);
      const note = opened.page.locator(".period-note").first();
      expect(await note.getAttribute("data-from")).toBe(window.from);
      const cards = async () => (await opened.page.locator(".card").allTextContents()).join("|");
      const before = await cards();
      await dateInput(opened, "From").fill("2025-08-01");
      // The recompute may start after the DOM has been quiet for settle's half second on a loaded machine.
      await expect.poll(() => note.getAttribute("data-from"), {timeout: 30_000}).toBe("2025-08-01");
      await opened.settle();
      expect(await cards()).not.toBe(before);
      await opened.assertClean();
    });
  });

  it("moderators.html: the QA card shows its denominator and 95% interval, and marks a small sample", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("moderators.html");
      const qa = () => opened.page.locator("#moderator-cards .card", {hasText: "QA pass rate"}).textContent();
      expect(await qa()).toMatch(/[\d,]+ of [\d,]+ decisions agree with the truth \(95% CI [\d.]+–[\d.]+%\)/);
      await dateInput(opened, "From").fill("2025-08-31");
      await opened.page.locator("form", {hasText: "Moderator"}).locator("select").selectOption({index: 1});
      await opened.settle();
      const text = (await qa()) ?? "";
      const checked = Number(/of ([\d,]+) decisions/.exec(text)?.[1].replace(/,/g, "") ?? NaN);
      expect(checked).toBeGreaterThanOrEqual(0);
      expect(/small sample/.test(text), text).toBe(checked < 30);
      await opened.assertClean();
    });
  });
});

describe("overview.html country table", () => {
  it("names its columns by the KPI dictionary: appeal overturn rate, median response time", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("overview.html");
      const headers = (await opened.page.locator("table thead th").allTextContents()).map((t) => t.trim());
      expect(headers).toContain("Appeal overturn rate");
      expect(headers).toContain("Median response time");
      expect(headers.join("|")).not.toMatch(/Appeal success/);
      await expect(opened.page.locator("main").textContent()).resolves.toContain("median of the country-days' median response times");
      await opened.assertClean();
    });
  });
});
