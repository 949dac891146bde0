/**
 * Regressions of issue #16 on the Operations pages (flags, classifier, queue, attacks): what a reader
 * sees after hovering a bar, moving the range, or opening a page on a phone.
 */
import type {Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startSite} from "./site.js";

let site: Awaited<ReturnType<typeof startSite>>;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

const PAGES = ["ops/flags.html", "ops/classifier.html", "ops/queue.html", "ops/attacks.html"];

async function setDate(page: Page, label: "From" | "To", value: string): Promise<void> {
  await page.locator("form", {has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator('input[type="date"]').first().fill(value);
}

/** Hovers the centre of `mark` and returns the text of the Plot tip that appears in `chart`. */
async function hoverTip(page: Page, chart: Locator, mark: Locator): Promise<string> {
  await mark.scrollIntoViewIfNeeded();
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = chart.locator('[aria-label="tip"]').first();
  await expect.poll(async () => ((await tip.textContent()) ?? "").length, {timeout: 5000}).toBeGreaterThan(0);
  return (await tip.textContent()) ?? "";
}

const card = (page: Page, title: string | RegExp) => page.locator(".card", {has: page.locator("h2", {hasText: title})}).first();
const percents = (text: string) => [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)%/g)].map((m) => Number(m[1].replace(/,/g, "")));

describe("ops pages: issue #16 regressions", () => {
  it("flags: the severity bar's tip reads as a sentence with a share under 100%", async () => {
    const opened = await site.openPage("ops/flags.html");
    const {page} = opened;
    const chart = card(page, /^Severity$/);
    const tip = await hoverTip(page, chart, chart.locator('svg [aria-label="bar"] > *').first());
    expect(tip).toMatch(/of flags/);
    expect(percents(tip).length).toBeGreaterThan(0);
    for (const p of percents(tip)) expect(p).toBeLessThanOrEqual(100);
    expect(tip).not.toMatch(/\b(key|Part|group|share|fill)\b/);
    await opened.assertClean();
    await opened.close();
  });

  it("flags: a 7-day range counts the latest week and the week before, and the daily chart ticks whole days", async () => {
    const opened = await site.openPage("ops/flags.html");
    const {page} = opened;
    await setDate(page, "From", "2025-08-11");
    await setDate(page, "To", "2025-08-17");
    await opened.settle();
    // The first card counts the range's flags (the dictionary's Reports).
    const flags = Number(((await page.locator("#observablehq-main .grid .card .big").first().textContent()) ?? "").replace(/,/g, ""));
    expect(flags).toBeGreaterThan(1000);
    const weekNote = (await card(page, "Latest week vs the week before").textContent()) ?? "";
    const [, latest, previous] = weekNote.match(/([\d,]+) flags in the week to 2025-08-17, ([\d,]+) the week before/) ?? [];
    expect(Number(latest?.replace(/,/g, ""))).toBe(flags);
    expect(Number(previous?.replace(/,/g, ""))).toBeGreaterThan(1000);
    const ticks = await card(page, "Daily flag volume by policy category").locator('svg [aria-label="x-axis tick label"] text').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect(t).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
    expect(ticks.join(" ")).not.toMatch(/AM|PM/);
    await opened.assertClean();
    await opened.close();
  });

  it("flags: the cards are the dictionary's KPIs, the flags table agrees with Reports, and shares change in pp", async () => {
    const opened = await site.openPage("ops/flags.html");
    const {page} = opened;
    const ids = await page.locator("#flag-counts [data-kpi], #flag-shares [data-kpi]").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.kpi));
    expect(ids).toEqual(["reports", "escalation_rate", "auto_block_share", "human_review_share", "coordinated_share"]);
    const reports = Number(await page.locator('[data-kpi="reports"]').getAttribute("data-value"));
    const basis = (await page.locator('[data-kpi="escalation_rate"] .kpi-basis').textContent()) ?? "";
    expect(basis).toMatch(/95% CI/);
    expect(Number(basis.match(/of ([\d,]+)/)![1].replace(/,/g, ""))).toBe(reports);
    for (const id of ["escalation_rate", "auto_block_share", "human_review_share", "coordinated_share"]) {
      expect(await page.locator(`[data-kpi="${id}"] .kpi-change`).textContent()).toMatch(/ pp /);
    }
    // A category filter narrows the shares' scope: their place says so, and no card claims the all-category Reports.
    await page.locator("form", {has: page.locator("label", {hasText: "Categories"})}).locator("label", {hasText: "Spam"}).locator("input").uncheck();
    await opened.settle();
    expect(await page.locator('[data-kpi="reports"]').count()).toBe(0);
    expect(await page.locator('[data-kpi="escalation_rate"]').getAttribute("data-place")).toMatch(/^all; categories: /);
    await opened.assertClean();
    await opened.close();
  });

  it("queue: time-to-action and SLA cards carry the dictionary's definitions", async () => {
    const opened = await site.openPage("ops/queue.html");
    const {page} = opened;
    for (const id of ["tta_high_p50", "tta_high_p90", "ttr_standard", "backlog_health", "qa_pass_rate"]) {
      await expect.poll(() => page.locator(`[data-kpi="${id}"]`).count()).toBe(1);
    }
    const titles = await page.locator(".card h2").allTextContents();
    expect(titles.filter((t) => /High severity TTA|SLA breach rate/.test(t))).toEqual([]);
    await opened.assertClean();
    await opened.close();
  });

  it("queue: at 390 px nothing is wider than the phone and the TTA target labels sit inside their chart", async () => {
    const opened = await site.openPage("ops/queue.html", {width: 390});
    const {page} = opened;
    // Wider than the phone and not inside something that scrolls or clips it.
    const wide = await page.evaluate(() => {
      const contained = (e: Element) => {
        for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
        return false;
      };
      return [...document.querySelectorAll("#observablehq-main *")].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !contained(e)).map((e) => `${e.tagName}.${e.className}`).slice(0, 5);
    });
    expect(wide).toEqual([]);
    const clipped = await page.evaluate(() => {
      const out: string[] = [];
      for (const svg of document.querySelectorAll("#observablehq-main svg")) {
        const box = svg.getBoundingClientRect();
        for (const t of svg.querySelectorAll("text")) {
          const r = t.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(t.textContent ?? "");
        }
      }
      return out;
    });
    expect(clipped).toEqual([]);
    await opened.assertClean();
    await opened.close();
  });

  it("attacks: recall and precision show their counts and 95% Wilson intervals", async () => {
    const opened = await site.openPage("ops/attacks.html");
    const {page} = opened;
    for (const scope of ["#baseline-cards", "#layered-cards"]) {
      for (const title of ["Recall", "Precision"]) {
        const text = (await page.locator(`${scope} .card`, {has: page.locator("h2", {hasText: new RegExp(`^${title}`)})}).first().textContent()) ?? "";
        expect(text).toMatch(/\d+ of \d+/);
        expect(text).toMatch(/95% CI \d+(\.\d)?–\d+(\.\d)?%/);
      }
    }
    const summary = (await page.locator("#observablehq-main").textContent()) ?? "";
    expect(summary).not.toMatch(/recall (\d+)% |precision (\d+)% /);
    await opened.assertClean();
    await opened.close();
  });

  it("attacks: the wide attack table takes the page's width and scrolls horizontally where it does not fit", async () => {
    for (const width of [1280, 390]) {
      const opened = await site.openPage("ops/attacks.html", {width});
      const {page} = opened;
      const table = page.locator("table", {has: page.locator("th", {hasText: "Ring accounts"})}).first();
      const box = await table.evaluate((t) => {
        const main = document.querySelector("#observablehq-main")!.getBoundingClientRect();
        for (let e = t.parentElement; e; e = e.parentElement) {
          if (getComputedStyle(e).overflowX === "auto" || getComputedStyle(e).overflowX === "scroll") {
            const r = e.getBoundingClientRect();
            return {width: r.width, right: r.right, scrolls: e.scrollWidth > e.clientWidth, table: t.getBoundingClientRect().width, main: main.width};
          }
        }
        return null;
      });
      expect(box).not.toBeNull();
      // The table is not held to a 640 px paragraph: it gets the main column, and scrolls only when wider.
      expect(box!.width).toBeGreaterThanOrEqual(Math.min(box!.table, box!.main) - 1);
      expect(box!.right).toBeLessThanOrEqual(width);
      await opened.assertClean();
      await opened.close();
    }
  });

  it("classifier: detection precision is the dictionary's, and the threshold's precision and recall show intervals", async () => {
    const opened = await site.openPage("ops/classifier.html");
    const {page} = opened;
    expect(await page.locator('[data-kpi="detection_precision"]').count()).toBe(1);
    for (const title of ["Precision at the threshold", "Recall at the threshold"]) {
      expect(await card(page, title).textContent()).toMatch(/of [\d,]+; 95% CI/);
    }
    await opened.assertClean();
    await opened.close();
  });

  it.each(PAGES)("%s states its period at the top and holds at 390 px in dark mode", async (path) => {
    const opened = await site.openPage(path, {width: 390, colorScheme: "dark"});
    const {page} = opened;
    const note = page.locator("#observablehq-main .period-note").first();
    expect(await note.textContent()).toMatch(/^Period: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    const h1 = (await page.locator("#observablehq-main h1").first().boundingBox())!;
    const firstCard = (await page.locator("#observablehq-main .card").first().boundingBox())!;
    expect((await note.boundingBox())!.y).toBeGreaterThan(h1.y);
    expect((await note.boundingBox())!.y).toBeLessThan(firstCard.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await opened.assertClean();
    await opened.close();
  });
});
