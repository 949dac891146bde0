/**
 * The Investigations section: moderator sessions, the "reports up 40%" investigation, the experiment
 * readout and the incident review. Each page loads clean in light and dark mode, shows figures from the
 * data, and its inputs change what it shows.
 */
import {describe, expect, it} from "vitest";
import {withSite, type OpenedPage} from "./site.js";

const text = async (opened: OpenedPage, selector: string) => ((await opened.page.locator(selector).first().textContent()) ?? "").trim();
const main = (opened: OpenedPage) => text(opened, "#observablehq-main");

describe("investigations section", () => {
  it("moderators.html filters every card by moderator", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("moderators.html");
      const {page} = opened;
      await opened.assertClean();
      const sessionsCard = page.locator(".kpi-card").first();
      const allSessions = await sessionsCard.textContent();
      expect(allSessions).toContain("Sessions, all moderators");
      // Every seed 004 feature has its card.
      const body = await main(opened);
      for (const heading of ["Item completion status", "Session duration", "Idle time by type", "Accept, reject or no decision", "Sound status", "Unique items per session", "Total item count"]) expect(body).toContain(heading);
      expect(body).toMatch(/0–30 s/);
      const svgCount = await page.locator("#observablehq-main svg").count();
      expect(svgCount).toBeGreaterThanOrEqual(10);
      const idleHeadingAll = await text(opened, "h3:has-text('idle periods')");

      await page.selectOption("form select", "R07");
      await opened.settle();
      const one = await sessionsCard.textContent();
      expect(one).toContain("Sessions, R07");
      expect(one).not.toBe(allSessions);
      expect(await text(opened, "h3:has-text('idle periods')")).not.toBe(idleHeadingAll);
      expect(await main(opened)).toContain("Selected: R07");
      await opened.screenshot("moderators-R07.png");
      await opened.assertClean();

      const dark = await site.openPage("moderators.html", {colorScheme: "dark"});
      await dark.screenshot("moderators-dark.png");
      await dark.assertClean();
    });
  });

  it("investigation.html shows its SQL and splits any week's rise", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("investigation.html");
      const {page} = opened;
      await opened.assertClean();
      const body = await main(opened);
      expect(body).toMatch(/the week of \d{4}-\d{2}-\d{2}, \+\d+\.\d%/);
      expect(body).toContain("H1.");
      expect(body).toMatch(/Supported|Not supported/);
      expect(await text(opened, "pre.sql")).toContain("FROM flags AS f");

      const selects = page.locator("form select");
      // The query picker: another query, another SQL text.
      await selects.nth(0).selectOption({index: 0});
      await opened.settle();
      expect(await text(opened, "pre.sql")).toContain("FROM daily_country");

      const heading = page.locator("h2", {hasText: "against the week before"});
      const before = await heading.textContent();
      const options = await selects.nth(1).locator("option").allTextContents();
      expect(options.length).toBeGreaterThan(10);
      await selects.nth(1).selectOption({index: 3});
      await opened.settle();
      expect(await heading.textContent()).not.toBe(before);
      // Links made at run time (the mitigations) reach built pages.
      for (const href of await page.$$eval("#observablehq-main li a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        expect((await page.request.get(href)).status(), href).toBe(200);
      }
      await opened.screenshot("investigation.png");
      await opened.assertClean();

      const dark = await site.openPage("investigation.html", {colorScheme: "dark"});
      await dark.screenshot("investigation-dark.png");
      await dark.assertClean();
    });
  });

  it("experiment.html states the rule, decides, and replays any cap", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("experiment.html");
      const {page} = opened;
      await opened.assertClean();
      const body = await main(opened);
      expect(body).toMatch(/Decision by the stated rule\s*(ship|don't ship)/i);
      expect(body).toMatch(/95% CI [+−]\d/);
      expect(body).toContain("Power and minimum detectable effects");

      const capCard = page.locator("h2", {hasText: /A cap of \d+ a day/});
      const before = await capCard.textContent();
      await page.fill('form input[type="number"]', "12");
      await page.locator('form input[type="number"]').dispatchEvent("input");
      await opened.settle();
      expect(await capCard.textContent()).toBe("A cap of 12 a day");
      expect(before).not.toBe("A cap of 12 a day");

      const axis = () => page.locator("svg text", {hasText: /New accounts' messages per day|Abusive share/}).first().textContent();
      expect(await axis()).toContain("Abusive share");
      await page.getByLabel("All messages").check();
      await opened.settle();
      expect(await axis()).toContain("New accounts' messages per day");
      await opened.screenshot("experiment.png");
      await opened.assertClean();

      const dark = await site.openPage("experiment.html", {colorScheme: "dark"});
      await dark.screenshot("experiment-dark.png");
      await dark.assertClean();
    });
  });

  it("incident.html lays out the postmortem from the data", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("incident.html");
      const {page} = opened;
      await opened.assertClean();
      const body = await main(opened);
      for (const section of ["Summary", "Timeline", "Impact", "Root cause", "Detection", "Corrective actions", "Metrics to watch"]) expect(body).toContain(section);
      expect(body).toMatch(/benign nudity items were blocked automatically/);
      const timelineRows = await page.locator("form table").first().locator("tbody tr").count();
      expect(timelineRows).toBeGreaterThanOrEqual(5);
      expect(await page.locator("a[href='./']").count()).toBeGreaterThan(0);
      for (const href of await page.$$eval("#observablehq-main a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href).filter((h) => !h.includes("#")))) {
        expect((await page.request.get(href)).status(), href).toBe(200);
      }
      await opened.screenshot("incident.png");
      const dark = await site.openPage("incident.html", {colorScheme: "dark"});
      await dark.screenshot("incident-dark.png");
      await dark.assertClean();
    });
  });
});
