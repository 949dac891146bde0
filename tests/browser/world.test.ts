/**
 * The calendar-and-geography page's inputs: they are styled by Framework's inputs stylesheet, and they drive the table
 * and chart. Also checks that dark mode switches theme.
 */
import {describe, expect, it} from "vitest";
import {COUNTRIES} from "../../src/core/constants.js";
import {withSite} from "./site.js";

describe("world.html (calendar and geography)", () => {
  it("styles its inputs like Framework's and filters the table by region", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("world.html");
      const {page} = opened;

      // Framework's inputs stylesheet lays a labelled input out as a 120px label and a 240px control.
      const layout = await page.$eval("form:has(select)", (form) => {
        const label = form.querySelector("label")!;
        return {display: getComputedStyle(form).display, label: getComputedStyle(label).width, form: getComputedStyle(form).width};
      });
      expect(layout).toEqual({display: "flex", label: "120px", form: "360px"});

      // The countries table (the page also lists the scenario calendar).
      const countries = page.locator("form table", {has: page.locator("thead", {hasText: "Local time"})});
      const rows = () => countries.locator("tbody tr").count();
      expect(await rows()).toBe(COUNTRIES.length);
      await page.selectOption("form select", "APAC");
      await opened.settle();
      expect(await rows()).toBe(COUNTRIES.filter((c) => c.region === "APAC").length);

      await page.fill('form input[type="number"]', "0");
      await opened.settle();
      expect(await countries.locator("thead").textContent()).toContain("Local time at 00:00 UTC");
      const singapore = COUNTRIES.find((c) => c.code === "SG")!;
      const row = countries.locator("tbody tr", {hasText: singapore.name});
      expect(await row.textContent()).toContain(`${String(singapore.utcOffset).padStart(2, "0")}:00`);

      await opened.assertClean();
    });
  });

  it("follows a dark colour scheme", async () => {
    await withSite(async (site) => {
      const light = await site.openPage("world.html", {colorScheme: "light"});
      const dark = await site.openPage("world.html", {colorScheme: "dark"});
      const background = (p: typeof light) => p.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      // Chromium reports "rgb(255, 255, 255)", or "color(srgb 0.11 0.11 0.11)" for a color-mix().
      const luminance = (color: string) => {
        const values = color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const scale = color.startsWith("color(srgb") ? 255 : 1;
        return values.reduce((s, v) => s + v * scale, 0) / 3;
      };
      expect(luminance(await background(light))).toBeGreaterThan(200);
      expect(luminance(await background(dark))).toBeLessThan(60);
      await dark.screenshot("world-dark.png");
      await dark.assertClean();
    });
  });
});
