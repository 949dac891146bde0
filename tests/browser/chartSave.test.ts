/**
 * "Take the view away": a chart's Save menu (docs/components/chartSave.ts) saves it as a standalone
 * SVG (colours resolved, no CSS variables, the card's title on top, every layer), as a PNG at twice
 * its size, and the rows it draws as CSV. The check that every chart on every page has the menu is in
 * consistency.test.ts, which already opens every page.
 */
import {readFileSync} from "node:fs";
import {csvParse} from "d3";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startSite, type OpenedPage} from "./site.js";
import type {Locator} from "playwright-core";

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const card = (opened: OpenedPage, title: string | RegExp): Locator => opened.page.locator(".card", {has: opened.page.locator("h2", {hasText: title})}).first();

/** Opens the card's Save menu with the keyboard and saves in the format; returns the file's name and bytes. */
async function save(opened: OpenedPage, chart: Locator, format: "SVG" | "PNG" | "CSV"): Promise<{name: string; bytes: Buffer}> {
  const summary = chart.locator(".chart-save summary").first();
  await summary.focus();
  await opened.page.keyboard.press("Enter");
  const button = chart.locator(".chart-save button", {hasText: new RegExp(`^${format}$`)}).first();
  await button.waitFor({state: "visible"});
  const download = await opened.download(() => button.click());
  return {name: download.suggestedFilename(), bytes: readFileSync((await download.path())!)};
}

/** What the browser's XML parser makes of a saved SVG: parse errors, size, texts, fills, nested SVGs. */
async function inspectSvg(opened: OpenedPage, text: string) {
  return opened.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? ""),
      background: root.querySelector(":scope > rect")?.getAttribute("fill") ?? null,
      titleFill: root.querySelector(":scope > text")?.getAttribute("fill") ?? null,
      svgs: root.querySelectorAll("svg").length
    };
  }, text);
}

/** Relative luminance of an "rgb(r, g, b)" colour. */
function luminance(color: string | null): number {
  const [r, g, b] = (/rgba?\(([^)]+)\)/.exec(color ?? "")?.[1] ?? "").split(/[\s,]+/).map(Number);
  const f = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("saving a chart", () => {
  it("ops/flags.html in dark mode: SVG, PNG and CSV of its charts", async () => {
    const opened = await site.openPage("ops/flags.html", {colorScheme: "dark"});
    try {
      const volume = card(opened, "Daily flag volume by policy category");
      await expect(volume.locator(".chart-save summary").getAttribute("aria-label")).resolves.toBe("Save the chart “Daily flag volume by policy category”");

      const svg = await save(opened, volume, "SVG");
      expect(svg.name).toBe("flag-volume--daily-flag-volume-by-policy-category.svg");
      const text = svg.bytes.toString("utf8");
      expect(text).not.toContain("var(--");
      expect(text.toLowerCase()).not.toContain("currentcolor");
      // Colours in the forms every SVG reader knows (themes compute to CSS Color 4 forms).
      expect(text).not.toMatch(/color\(|oklch|oklab|color-mix|light-dark/);
      const parsed = await inspectSvg(opened, text);
      expect(parsed.error).toBeNull();
      expect(parsed.namespace).toBe("http://www.w3.org/2000/svg");
      expect(parsed.width).toBeGreaterThan(600);
      expect(parsed.height).toBeGreaterThan(200);
      // The card's title on top, the swatch legend's labels, the plot's axis labels.
      expect(parsed.texts[0]).toBe("Daily flag volume by policy category");
      expect(parsed.texts).toEqual(expect.arrayContaining(["Spam", "Harassment/hate", "Flags per day"].map((t) => expect.stringContaining(t))));
      // Dark mode: a dark background and light title.
      expect(luminance(parsed.background)).toBeLessThan(0.05);
      expect(luminance(parsed.titleFill)).toBeGreaterThan(0.5);

      const png = await save(opened, volume, "PNG");
      expect(png.name).toBe("flag-volume--daily-flag-volume-by-policy-category.png");
      expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.bytes.length).toBeGreaterThan(20_000);
      // IHDR: twice the SVG's size.
      expect(png.bytes.readUInt32BE(16)).toBe(2 * parsed.width);
      expect(png.bytes.readUInt32BE(20)).toBe(2 * parsed.height);

      // The escalation line draws one point a day over the default 90-day window.
      const escalation = await save(opened, card(opened, "Escalation rate over time"), "CSV");
      expect(escalation.name).toBe("escalation--escalation-rate-over-time.csv");
      const days = csvParse(escalation.bytes.toString("utf8"));
      expect(days.columns).toEqual(expect.arrayContaining(["date", "share"]));
      expect(days.length).toBe(90);
      expect([days[0].date, days.at(-1)!.date]).toEqual(["2025-06-03", "2025-08-31"]);

      // The severity bars: one row per bar, in the chart's labels.
      const severityCard = card(opened, /^Severity$/);
      const severity = csvParse((await save(opened, severityCard, "CSV")).bytes.toString("utf8"));
      const bars = await severityCard.locator('svg [aria-label="bar"] rect').count();
      expect(severity.length).toBe(bars);
      expect(severity.map((d) => d.key).sort()).toEqual(["critical", "high", "low", "medium"]);
      await opened.assertClean();
    } finally {
      await opened.close();
    }
  });

  it("ops/attacks.html on a phone: a layered chart saves every layer, and the CSV holds its days", async () => {
    const opened = await site.openPage("ops/attacks.html", {width: 390});
    try {
      const chart = card(opened, /^Flags on young accounts$/);
      // One menu for the layered chart (its spikes layer, drawn over it, has none).
      expect(await chart.locator(".chart-save").count()).toBe(1);
      const layers = await chart.locator(".chart-layers svg[class^='plot-']:not([class$='-ramp'])").count();
      expect(layers).toBe(2);
      const svg = await save(opened, chart, "SVG");
      expect(svg.name).toBe("signal--flags-on-young-accounts.svg");
      const parsed = await inspectSvg(opened, svg.bytes.toString("utf8"));
      expect(parsed.error).toBeNull();
      expect(parsed.svgs).toBe(layers);
      expect(luminance(parsed.background), String(parsed.background)).toBeGreaterThan(0.8);
      expect(luminance(parsed.titleFill)).toBeLessThan(0.1);
      expect(parsed.texts[0]).toBe("Flags on young accounts");
      // The menu stays inside the phone's viewport.
      const box = (await chart.locator(".chart-save").boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);

      const png = await save(opened, chart, "PNG");
      expect(png.name).toBe("signal--flags-on-young-accounts.png");
      expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.bytes.length).toBeGreaterThan(5_000);
      expect(png.bytes.readUInt32BE(16)).toBe(2 * parsed.width);

      // One row per day of the page's range, as the From and To inputs say.
      const [from, to] = await opened.page.locator('input[type="date"]').evaluateAll((inputs) => inputs.slice(0, 2).map((i) => (i as HTMLInputElement).value));
      const days = csvParse((await save(opened, chart, "CSV")).bytes.toString("utf8"));
      expect(days.columns).toEqual(["date", "value", "attack"]);
      expect(days.length).toBe((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
      expect([days[0].date, days.at(-1)!.date]).toEqual([from, to]);
      await opened.assertClean();
    } finally {
      await opened.close();
    }
  });
});
