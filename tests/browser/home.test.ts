/**
 * The executive summary: its figures come from the data, its links lead into the walk, and the
 * sidebar search finds pages by their content. (That every page is reachable from it through links
 * alone is checked by consistency.test.ts, which visits every page anyway.)
 */
import {describe, expect, it} from "vitest";
import {withSite} from "./site.js";

describe("index.html (executive summary)", () => {
  it("shows the posture, priorities with numbers, KPI cards and the walk", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("index.html");
      const {page} = opened;
      expect(await page.locator("h1").first().textContent()).toBe("Trust & Safety Workbook");
      expect((await page.locator(".big").first().textContent())?.toLowerCase()).toMatch(/elevated|guarded|stable/);
      const priorities = await page.locator("#observablehq-main ol li").allTextContents();
      expect(priorities.length).toBeGreaterThanOrEqual(1);
      for (const p of priorities) expect(p).toMatch(/\d/);
      expect(await page.locator(".kpi-card").count()).toBe(8);
      await opened.screenshot("index.png");
      const dark = await site.openPage("index.html", {colorScheme: "dark"});
      await dark.screenshot("index-dark.png");
      await dark.assertClean();
      await opened.assertClean();
    });
  });

  it("the sidebar search finds a page by a word in its text and opens it", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("index.html");
      const {page} = opened;
      // "Erlang" appears in the staffing what-if of the queue page and in the weekly summary.
      await page.locator("#observablehq-search input").fill("Erlang");
      const results = page.locator("#observablehq-search-results a");
      await results.first().waitFor({timeout: 10_000});
      const hrefs = await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.some((h) => h.endsWith("ops/queue.html"))).toBe(true);
      await page.locator('#observablehq-search-results a[href$="ops/queue.html"]').first().click();
      await page.waitForURL(/ops\/queue\.html$/);
      expect(await page.locator("h1").first().textContent()).toBe("Review queue and staffing");
      await opened.assertClean();
    });
  });
});
