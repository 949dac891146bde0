/**
 * Regressions on the analyst pages (issue #16), as a reader meets them: the tooltip of a stacked or
 * normalised bar after hovering it, a date typed into the explorer's search, the period line and the
 * date range of every page.
 */
import {describe, expect, it} from "vitest";
import type {Locator} from "playwright-core";
import {withSite, type OpenedPage} from "./site.js";

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
