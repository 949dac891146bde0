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
    // Each row's link says which day it opens, not only "open the flags".
    expect(await row.locator("a").getAttribute("aria-label")).toBe(`Open the flags of ${(await row.locator("td").nth(1).innerText()).trim()}`);
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

describe("drill-through from the queue's backlog", () => {
  it("an Open card on the review queue page opens the cases open at the end of the range", async () => {
    const opened = await site.openPage("ops/queue.html");
    const card = opened.page.locator(".stat-card").filter({has: opened.page.locator("h2", {hasText: /^Open (high|medium|low)$/})}).filter({has: opened.page.locator("a.drill")}).first();
    const value = Number((await card.locator(".big").innerText()).replace(/,/g, ""));
    expect(value).toBeGreaterThan(0);
    expect(await follow(opened.page, card.locator("a.drill"))).toBe(value);
    expect(opened.page.url()).toContain("open=on");
    await opened.assertClean();
    await opened.close();
  });
});

describe("drill-through from a bar", () => {
  it("a country's segment of the source mix opens exactly its flags", async () => {
    const opened = await site.openPage("mixes.html?region=apac&mix=source");
    const segment = opened.page.locator("svg a").filter({has: opened.page.locator("[aria-label*='open them']")}).nth(2);
    const label = (await segment.locator("[aria-label]").first().getAttribute("aria-label")) ?? "";
    const value = Number(/\(([\d,]+) of [\d,]+\)/.exec(label)?.[1].replace(/,/g, ""));
    expect(value).toBeGreaterThan(0);
    expect(await follow(opened.page, segment)).toBe(value);
    expect(opened.page.url()).toMatch(/country=[\w-]+/);
    expect(opened.page.url()).toMatch(/source=[\w-]+/);
    await opened.assertClean();
    await opened.close();
  });
});

describe("drill-through from a rate and from a decomposition", () => {
  it("the QA pass rate card opens the audited decisions of the moderator's sessions, and those that failed", async () => {
    const opened = await site.openPage("moderators.html?moderator=r03&period=custom&from=2025-05-01&to=2025-05-31");
    const card = opened.page.locator(".stat-card").filter({has: opened.page.locator("h2", {hasText: "QA pass rate"})});
    // The card's note: "<correct> of <checked> decisions agree with the truth".
    const [, correct, checked] = /([\d,]+) of ([\d,]+) decisions agree/.exec(await card.innerText())!.map((x) => Number(x.replace(/,/g, "")));
    expect(checked).toBeGreaterThan(correct);
    expect(await follow(opened.page, card.locator("a.drill").first())).toBe(checked);
    // Dated as the moderators page dates them, by the start of the session that decided each case.
    expect(opened.page.url()).toContain("dates=day-its-session-started");
    expect(opened.page.url()).toContain("reviewer=r03");
    await opened.page.goBack();
    await settlePage(opened.page);
    expect(await follow(opened.page, card.locator("a.drill").nth(1))).toBe(checked - correct);
    await opened.assertClean();
    await opened.close();
  });

  it("each part of the investigation's split of a week's reports opens exactly its reports, in both weeks", async () => {
    const opened = await site.openPage("investigation.html");
    const parts = opened.page.locator("#rise-parts + ul li");
    expect(await parts.count()).toBe(3);
    // Each part links its reports in the week before and the week shown; a count of 0 is text, not a link.
    const links = opened.page.locator("#rise-parts + ul a");
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (const k of [0, 2, count - 1]) {
      const link = links.nth(k);
      expect(await link.getAttribute("aria-label")).toMatch(/^Open the [\d,]+ reports of the week of \d{4}-\d{2}-\d{2}: /);
      const value = Number((await link.innerText()).replace(/,/g, ""));
      expect(value).toBeGreaterThan(0);
      expect(await follow(opened.page, link)).toBe(value);
      await opened.page.goBack();
      await settlePage(opened.page);
    }
    await opened.assertClean();
    await opened.close();
  });
});

describe("the case view by keyboard", () => {
  const TABLE = "table[aria-label^='Cases']";
  /** The focused element's row index in the case table's body, or -1 when focus is elsewhere. */
  const focusedRow = (page: Page) => page.evaluate((sel) => {
    const tr = document.activeElement;
    return tr instanceof HTMLTableRowElement && tr.closest(sel) ? tr.sectionRowIndex : -1;
  }, TABLE);
  const loadedRows = (page: Page) => page.locator(`${TABLE} tbody tr`).count();

  it("Tab reaches the table in one stop, ArrowDown moves to the next row, End to the last row loaded (which loads more), Home back", async () => {
    const opened = await site.openPage("cases.html?from=2025-06-01&to=2025-06-30");
    const {page} = opened;
    await page.getByLabel("Account").focus();
    let tabs = 0;
    while ((await focusedRow(page)) < 0 && tabs < 40) (await page.keyboard.press("Tab"), tabs++);
    expect(await focusedRow(page)).toBe(0);
    // One tab stop for the whole table: its links and other rows are out of the tab order.
    expect(await page.locator(`${TABLE} [tabindex="0"]`).count()).toBe(1);
    expect(await page.locator(`${TABLE} tbody a[tabindex="-1"]`).count()).toBe(await loadedRows(page));
    await page.keyboard.press("ArrowDown");
    expect(await focusedRow(page)).toBe(1);
    const loaded = await loadedRows(page);
    expect(loaded).toBeLessThan(Number((await page.locator("#case-count").innerText()).replace(/,/g, "")));
    await page.keyboard.press("End");
    expect(await focusedRow(page)).toBe(loaded - 1);
    // The last row loaded is scrolled into view, below the sticky header, and Inputs.table loads the next rows.
    await expect.poll(() => loadedRows(page)).toBeGreaterThan(loaded);
    const more = await loadedRows(page);
    await page.keyboard.press("End");
    expect(await focusedRow(page)).toBe(more - 1);
    const visible = await page.evaluate(() => {
      const tr = document.activeElement as HTMLElement;
      const form = tr.closest("form")!;
      const top = form.getBoundingClientRect().top + form.clientTop;
      const r = tr.getBoundingClientRect();
      // Within a few pixels: rows loaded after it may widen a column and so make it a little taller.
      return r.top >= top && r.bottom <= top + form.clientHeight + 4;
    });
    expect(visible).toBe(true);
    await page.keyboard.press("Home");
    expect(await focusedRow(page)).toBe(0);
    await opened.assertClean();
    await opened.close();
  });

  it("Enter on a row opens its account's cases, which list its linked accounts, each linking back", async () => {
    const opened = await site.openPage("cases.html?from=2025-03-01&to=2025-08-31");
    const {page} = opened;
    const headers = await page.locator(`${TABLE} thead th`).allInnerTexts();
    const column = headers.findIndex((h) => h.trim() === "Linked accounts");
    expect(column).toBeGreaterThan(0);
    // Sorted by linked accounts, most first (a second click reverses the order): the first row's account has some.
    const th = page.locator(`${TABLE} thead th`).nth(column);
    await th.click();
    await th.click();
    const row = page.locator(`${TABLE} tbody tr`).first();
    const linkedCount = Number(await row.locator("td").nth(column).innerText());
    expect(linkedCount).toBeGreaterThan(0);
    const account = await row.locator("a").first().innerText();
    await row.focus();
    await Promise.all([page.waitForURL(new RegExp(`account=${account}`)), page.keyboard.press("Enter")]);
    await settlePage(page);
    const card = page.locator("#linked-accounts");
    await expect.poll(() => card.locator("li a").count()).toBe(linkedCount);
    const ids = await card.locator("li a").allInnerTexts();
    expect(new Set(ids).size).toBe(linkedCount);
    expect(ids).not.toContain(account);
    // Linked is symmetric: the first linked account's own view lists this account.
    await Promise.all([page.waitForURL(new RegExp(`account=${ids[0]}`)), card.locator("li a").first().click()]);
    await settlePage(page);
    await expect.poll(() => page.locator("#linked-accounts li a").allInnerTexts()).toContain(account);
    await opened.assertClean();
    await opened.close();
  });
});
