/**
 * Drill-through: a figure that counts flags opens the case view on exactly those flags, so the case
 * view's count equals the figure clicked (the case table holds every flag at the test scale).
 */
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {settlePage, startSite, type Site} from "./site.js";

let site: Site & {close(): Promise<void>};
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => site?.close());

/** Follows a drill-through link with the keyboard, as a reader without a mouse would, and reads the case count. */
async function follow(page: Page, link: ReturnType<Page["locator"]>): Promise<number> {
  await link.focus();
  await Promise.all([page.waitForURL(/\/cases\.html\?/), page.keyboard.press("Enter")]);
  await settlePage(page);
  return Number((await page.locator("#case-count").innerText()).replace(/,/g, ""));
}

describe("drill-through to the case view", () => {
  it.each(["reports", "enforcements", "appeals"])("the %s card on the KPI overview opens exactly its flags", async (kpi) => {
    const opened = await site.openPage("overview.html?region=apac&from=2025-06-01&to=2025-06-30");
    const card = opened.page.locator(`.kpi-card[data-kpi="${kpi}"]`);
    const value = Number(await card.getAttribute("data-value"));
    expect(value).toBeGreaterThan(0);
    expect(await follow(opened.page, card.locator("a.drill"))).toBe(value);
    expect(opened.page.url()).toContain("region=apac");
    await opened.assertClean();
    await opened.close();
  });

  it("a flagged anomaly day opens the flags its value counts", async () => {
    const opened = await site.openPage("anomalies.html?series=category-spam");
    const row = opened.page.locator("form[class*='-table'] tbody tr").first();
    const value = Number((await row.locator("td").nth(2).innerText()).replace(/,/g, ""));
    expect(value).toBeGreaterThan(0);
    expect(await follow(opened.page, row.locator("a"))).toBe(value);
    expect(opened.page.url()).toContain("category=spam");
    await opened.assertClean();
    await opened.close();
  });

  it("an attack day on the attack page opens that day's flags", async () => {
    const opened = await site.openPage("ops/attacks.html");
    const table = opened.page.locator("table").filter({has: opened.page.locator("th", {hasText: "Attack (truth)"})});
    const row = table.locator("tbody tr").filter({hasText: "TP"}).first();
    const headers = await table.locator("thead tr").first().evaluate((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()));
    const value = Number((await row.locator("td").nth(headers.indexOf("Flags")).innerText()).replace(/,/g, ""));
    expect(value).toBeGreaterThan(0);
    expect(await follow(opened.page, row.locator("a"))).toBe(value);
    await opened.assertClean();
    await opened.close();
  });

  it("a week-by-category heatmap cell on the flags page opens its flags", async () => {
    const opened = await site.openPage("ops/flags.html?region=emea");
    // Plot wraps each linked cell in an <a>; the cell inside carries its accessible name.
    const cell = opened.page.locator("svg a").filter({has: opened.page.locator("[aria-label]")}).nth(3);
    const label = (await cell.locator("[aria-label]").first().getAttribute("aria-label")) ?? "";
    const value = Number(/: ([\d,]+) flags/.exec(label)?.[1].replace(/,/g, ""));
    expect(value).toBeGreaterThan(0);
    expect(await follow(opened.page, cell)).toBe(value);
    expect(opened.page.url()).toContain("region=emea");
    await opened.assertClean();
    await opened.close();
  });
});
