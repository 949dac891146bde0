/**
 * The Operations pages (docs/ops/): each opens cleanly in light and dark mode, and each input
 * recomputes the page from the data already loaded and visibly changes it. On the attack page the
 * displayed recall and precision are checked against a recomputation from the published flags.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {evaluateDays} from "../../src/detect/evaluateDays.js";
import {spikes} from "../../src/detect/rollingZ.js";
import {loadArrow, toRows} from "../../src/io/readArrow.js";
import {OPS_RANGE, WORLD_RANGE, rangeDates} from "../../src/ops/range.js";
import {DIST, startSite, tempDir} from "./site.js";

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const PAGES = ["ops/flags.html", "ops/classifier.html", "ops/queue.html", "ops/attacks.html", "ops/weekly.html"];

/** The big value of the KPI or stat card titled `title` (inside `scope`, a CSS selector). */
async function kpi(page: Page, title: string, scope = "#observablehq-main"): Promise<string> {
  const card = page.locator(`${scope} :is(.kpi-card, .stat-card)`, {has: page.locator("h2", {hasText: title})}).first();
  return ((await card.locator(".big").textContent()) ?? "").trim();
}
const number = (text: string) => Number(text.replace(/[,%h\s]|min/g, "").replace("−", "-"));
/** The form of the input labelled `label`. */
const field = (page: Page, label: string) => page.locator("form", {has: page.locator("label", {hasText: label})}).first();
async function setNumber(page: Page, label: string, value: number | string): Promise<void> {
  await field(page, label).locator('input[type="number"]').fill(String(value));
}
async function setDate(page: Page, label: "From" | "To", value: string): Promise<void> {
  await page.locator("form", {has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator('input[type="date"]').first().fill(value);
}

describe("ops pages", () => {
  it.each(PAGES)("%s loads cleanly in light and dark mode", async (path) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const opened = await site.openPage(path, {colorScheme});
      try {
        await opened.screenshot(`${path.replace(/\.html$/, "").replace(/\W+/g, "-")}-${colorScheme}.png`);
        await opened.assertClean();
      } finally {
        await opened.close();
      }
    }
  });

  it("flags: region, category and date inputs filter the whole page, and the download's counts add up to the card", async () => {
    const opened = await site.openPage("ops/flags.html");
    const {page} = opened;
    // The dictionary's Reports while no category is left out; a count of the chosen categories' flags after.
    const all = number(await kpi(page, "Reports"));
    expect(all).toBeGreaterThan(30_000);
    // Inputs recompute from the rows already loaded: no data file is fetched again.
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/_file/data/")) fetched.push(request.url());
    });
    await field(page, "Region").locator("select").selectOption({label: "APAC"});
    await opened.settle();
    const apac = number(await kpi(page, "Reports"));
    expect(apac).toBeLessThan(all);
    await field(page, "Categories").locator("label", {hasText: "Spam"}).locator("input").uncheck();
    await opened.settle();
    const noSpam = number(await kpi(page, "Flags in the chosen categories"));
    expect(noSpam).toBeLessThan(apac);
    expect(await page.locator("#observablehq-main").textContent()).toContain("APAC, Harassment/hate, Nudity");
    await setDate(page, "From", "2025-08-01");
    await opened.settle();
    expect(number(await kpi(page, "Flags in the chosen categories"))).toBeLessThan(noSpam);
    expect(await page.locator("#observablehq-main").textContent()).toContain("2025-08-01 to 2025-08-31 (31 days, UTC)");
    const shown = number(await kpi(page, "Flags in the chosen categories"));
    const dir = tempDir();
    try {
      const download = await opened.download(() => page.locator("button[data-format=csv]").first().click());
      const file = join(dir.path, "flag_mix.csv");
      await download.saveAs(file);
      const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
      const columns = header.split(",").map((h) => h.trim());
      expect(columns).toEqual(["date", "region", "category", "severity", "route", "action", "coordinated", "n"]);
      // One row per combination of values, with the number of flags it stands for: they add up to the card.
      expect(lines.reduce((sum, line) => sum + Number(line.split(",").at(-1)), 0)).toBe(shown);
      expect(lines.every((line) => line.split(",")[1] === "APAC" && line.split(",")[2] !== "spam")).toBe(true);
    } finally {
      dir.remove();
    }
    expect(fetched).toEqual([]);
    await opened.assertClean();
    await opened.close();
  });

  it("classifier: the drift threshold, the category and the auto-block threshold recompute the cards", async () => {
    const opened = await site.openPage("ops/classifier.html");
    const {page} = opened;
    const alerts = number(await kpi(page, "Days under the alert threshold"));
    await setNumber(page, "Drift alert threshold", 0.85);
    await opened.settle();
    expect(number(await kpi(page, "Days under the alert threshold"))).toBeGreaterThan(alerts);
    const precision = number(await kpi(page, "Precision at the threshold"));
    const recall = number(await kpi(page, "Recall at the threshold"));
    await setNumber(page, "Auto-block at score", 0.6);
    await opened.settle();
    expect(number(await kpi(page, "Recall at the threshold"))).toBeGreaterThan(recall);
    expect(number(await kpi(page, "Precision at the threshold"))).toBeLessThan(precision);
    const scored = number(await kpi(page, "True violations scored"));
    await field(page, "Category").locator("select").selectOption({label: "Spam"});
    await opened.settle();
    expect(number(await kpi(page, "True violations scored"))).toBeLessThan(scored);
    await opened.assertClean();
    await opened.close();
  });

  it("queue: reviewers working the queue drive the Erlang C cards, and the range and TTA scope recompute the rest", async () => {
    const opened = await site.openPage("ops/queue.html");
    const {page} = opened;
    const needed = number(await kpi(page, "Smallest count meeting the targets"));
    // Seed 42's offered load over the window is about 2.8 Erlangs (cases open 28 minutes): 4 reviewers meet the targets.
    expect(needed).toBeGreaterThan(3);
    const utilisation = number(await kpi(page, "Predicted utilisation"));
    await setNumber(page, "Reviewers working the queue", needed + 3);
    await opened.settle();
    expect(number(await kpi(page, "Predicted utilisation"))).toBeLessThan(utilisation);
    await setNumber(page, "Reviewers working the queue", 2);
    await opened.settle();
    // Fewer reviewers than the offered load: no finite wait, and the card says why.
    expect(await kpi(page, "Predicted P90 wait")).toBe("–");
    expect(await page.locator(".stat-card", {has: page.locator("h2", {hasText: "Predicted utilisation"})}).textContent()).toContain("grows without bound");
    // The route choice moves the per-severity breakdown; the dictionary's TTA cards keep their definition.
    const ttaChart = () => page.locator(".card", {has: page.locator("h2", {hasText: "Time to action by severity"})}).locator("svg").last().innerHTML();
    const breakdown = await ttaChart();
    const p50 = await kpi(page, "Time to action, high severity (P50)");
    await page.locator("form", {has: page.locator("label", {hasText: "Time to action of"})}).locator("input[type=radio]").nth(1).check();
    await opened.settle();
    expect(await ttaChart()).not.toBe(breakdown);
    expect(await kpi(page, "Time to action, high severity (P50)")).toBe(p50);
    const open = await kpi(page, "Open high");
    await setDate(page, "To", "2025-07-31");
    await opened.settle();
    expect(await kpi(page, "Open high")).not.toBe(open);
    await opened.assertClean();
    await opened.close();
  });

  it("attacks: raising k flags fewer days, and recall and precision match a recomputation from flags.arrow", async () => {
    // Independent of the page: daily flags from the published flags table, the T&S ops dashboard's rule, the truth.
    const dataDir = join(DIST, "_file", "data");
    const file = readdirSync(dataDir).find((f) => /^flags\.[0-9a-f]+\.arrow$/.test(f))!;
    const flags = toRows(await loadArrow(readFileSync(join(dataDir, file)), file));
    const dates = rangeDates(WORLD_RANGE);
    const index = new Map(dates.map((d, i) => [d, i]));
    const volume = new Array(dates.length).fill(0);
    const truth = new Array(dates.length).fill(false);
    for (const f of flags) {
      const i = index.get((f.date as Date).toISOString().slice(0, 10))!;
      volume[i]++;
      if (f.attack_id !== null) truth[i] = true;
    }
    const expected = (k: number, window = 7) => evaluateDays(spikes(volume, window, k), truth, dates.indexOf(OPS_RANGE.from), dates.length - 1);

    const opened = await site.openPage("ops/attacks.html");
    const {page} = opened;
    const shown = async () => ({
      days: number(await kpi(page, "Days flagged", "#baseline-cards")),
      recall: number(await kpi(page, "Recall", "#baseline-cards")),
      precision: number(await kpi(page, "Precision", "#baseline-cards"))
    });
    const at15 = await shown();
    const e15 = expected(1.5);
    expect(at15).toEqual({days: e15.tp + e15.fp, recall: Math.round(100 * e15.recall), precision: Math.round(100 * e15.precision)});
    await setNumber(page, "k (standard deviations)", 2.5);
    await opened.settle();
    const at25 = await shown();
    const e25 = expected(2.5);
    expect(at25.days).toBeLessThan(at15.days);
    expect(at25).toEqual({days: e25.tp + e25.fp, recall: Math.round(100 * e25.recall), precision: Math.round(100 * e25.precision)});

    // The layered detector has its own inputs; at its defaults it finds at least 8 of the 9 attack days.
    const layeredDays = number(await kpi(page, "Days flagged", "#layered-cards"));
    await setNumber(page, "k (standard deviations)", 1.5);
    await opened.settle();
    expect(number(await kpi(page, "Recall", "#layered-cards"))).toBeGreaterThanOrEqual(Math.floor((100 * 8) / 9));
    await setNumber(page, "Signals that alarm alone", 4);
    await setNumber(page, "Signal threshold", 8);
    await opened.settle();
    expect(number(await kpi(page, "Days flagged", "#layered-cards"))).not.toBe(layeredDays);
    const table = await page.locator("#observablehq-main").textContent();
    expect(table).toContain("Recall, 20 worlds pooled");
    // The window moves the alarm line (the chart changes) and the cards follow the recomputation.
    const chart = () => page.locator(".card", {has: page.locator("h2", {hasText: "Volume detector against ground truth"})}).locator("svg").last().innerHTML();
    const before = await chart();
    await setNumber(page, "Window (days)", 14);
    await opened.settle();
    expect(await chart()).not.toBe(before);
    const e14 = expected(1.5, 14);
    expect(await shown()).toEqual({days: e14.tp + e14.fp, recall: Math.round(100 * e14.recall), precision: Math.round(100 * e14.precision)});
    await opened.assertClean();
    await opened.close();
  });

  it("weekly: shows the five sections of the report and every fact", async () => {
    const opened = await site.openPage("ops/weekly.html");
    const {page} = opened;
    const titles = await page.locator("#weekly-report h2").allTextContents();
    expect(titles).toEqual(["Top risks", "Category to watch", "Classifier health", "Staffing recommendation", "Metric to watch next week"]);
    expect(await page.locator("#weekly-report li").count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator("#observablehq-main").textContent()).toContain("No LLM key was configured at build time");
    await opened.assertClean();
    await opened.close();
  });
});
