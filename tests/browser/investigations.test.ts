/**
 * The Investigations section: moderator sessions, the "reports up 40%" investigation, the experiment
 * readout and the incident review. Each page loads clean in light and dark mode, shows figures from the
 * data, and its inputs change what it shows.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {DIST, withSite, type OpenedPage} from "./site.js";

const text = async (opened: OpenedPage, selector: string) => ((await opened.page.locator(selector).first().textContent()) ?? "").trim();
const main = (opened: OpenedPage) => text(opened, "#observablehq-main");
/** A built data file of dist/, by its name before the content hash ("moderator_sessions.arrow"). */
function distFile(name: string): Buffer {
  const dir = join(DIST, "_file", "data");
  const [base, ext] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf("."))];
  const file = readdirSync(dir).find((f) => f.startsWith(`${base}.`) && f.endsWith(ext) && f.length === base.length + ext.length + 9);
  if (!file) throw new Error(`no built data file: ${name}`);
  return readFileSync(join(dir, file));
}
const kpiCard = (opened: OpenedPage, title: string) => opened.page.locator("#observablehq-main :is(.kpi-card, .stat-card)", {has: opened.page.locator("h2", {hasText: title})}).first();
const kpiValue = async (opened: OpenedPage, title: string) => Number(((await kpiCard(opened, title).locator(".big").textContent()) ?? "").replace(/[,%\s]/g, ""));

describe("investigations section", () => {
  it("moderators.html filters every card by moderator", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("moderators.html");
      const {page} = opened;
      await opened.assertClean();
      // The page starts on the reporting window; the team figures below are over the whole calendar.
      for (const [label, value] of [["From", "2025-03-01"], ["To", "2025-08-31"]]) {
        await page.locator("form", {has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator('input[type="date"]').first().fill(value);
      }
      await opened.settle();
      const sessionsCard = page.locator(":is(.kpi-card, .stat-card)").first();
      const allSessions = await sessionsCard.textContent();
      expect(allSessions).toContain("Sessions, all moderators");
      // Every the moderator-session dashboard feature has its card.
      const body = await main(opened);
      for (const heading of ["Item completion status", "Session duration", "Idle time by type", "Accept, reject or no decision", "Sound status", "Unique items per session", "Total item count"]) expect(body).toContain(heading);
      expect(body).toMatch(/0–30 s/);
      const svgCount = await page.locator("#observablehq-main svg").count();
      expect(svgCount).toBeGreaterThanOrEqual(10);
      const idleHeadingAll = await text(opened, "h3:has-text('idle periods')");

      // Team figures equal the published tables' sessions that start inside the calendar (the queue's
      // last cases are worked after 2025-08-31; the page's range cannot reach those days).
      const sessions = tableFromIPC(distFile("moderator_sessions.arrow"));
      const items = tableFromIPC(distFile("session_items.arrow"));
      const reviewerOf = new Map<number, string>();
      for (let i = 0; i < sessions.numRows; i++) {
        const start = new Date(Number(sessions.getChild("start_ts")!.get(i))).toISOString().slice(0, 10);
        if (start <= "2025-08-31") reviewerOf.set(Number(sessions.getChild("session_id")!.get(i)), String(sessions.getChild("reviewer_id")!.get(i)));
      }
      const expected = (who: string | null) => {
        const content = new Set<number>();
        let views = 0, muted = 0;
        for (let i = 0; i < items.numRows; i++) {
          const reviewer = reviewerOf.get(Number(items.getChild("session_id")!.get(i)));
          if (reviewer === undefined || (who && reviewer !== who)) continue;
          views++;
          if (items.getChild("sound_muted")!.get(i)) muted++;
          content.add(Number(items.getChild("content_id")!.get(i)));
        }
        return {sessions: who ? [...reviewerOf.values()].filter((r) => r === who).length : reviewerOf.size, unique: content.size, views, muted};
      };
      const team = expected(null);
      expect(await kpiValue(opened, "Sessions, all moderators")).toBe(team.sessions);
      expect(await kpiValue(opened, "Total item count")).toBe(team.unique);
      expect(await text(opened, "h3:has-text('item views:')")).toContain(`${team.views.toLocaleString("en-US")} item views: ${team.muted.toLocaleString("en-US")} muted`);

      await page.selectOption("form select", "R07");
      await opened.settle();
      const one = await sessionsCard.textContent();
      expect(one).toContain("Sessions, R07");
      // One moderator's figures equal the tables filtered to that moderator.
      const r07 = expected("R07");
      expect(await kpiValue(opened, "Sessions, R07")).toBe(r07.sessions);
      expect(await kpiValue(opened, "Total item count")).toBe(r07.unique);
      expect(await text(opened, "h3:has-text('item views:')")).toContain(`${r07.views.toLocaleString("en-US")} item views: ${r07.muted.toLocaleString("en-US")} muted`);
      expect(await text(opened, "h3:has-text('Sessions of')")).toContain("Sessions of R07");
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
      // Rings are randomised as a whole, and the intervals count randomisation units, beside per-account ones.
      const clusters = await page.locator("#cluster-analysis").innerText();
      expect(clusters).toMatch(/Rings were randomised as a whole: \d+ units/);
      expect(clusters).toContain("units = clusters (used)");

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
      // The pages it links show the incident as it says: the classifier page's cards, set as stated, read the stated figures.
      const inc = JSON.parse(distFile("incident.json").toString("utf8"));
      const classifier = inc.seeAlso.find((v: {link: string}) => v.link === "./ops/classifier");
      if (classifier) {
        expect(await page.locator("#observablehq-main li", {hasText: classifier.settings}).count()).toBe(1);
        const [, category, from, to] = /^Category (.+), From (\S+), To (\S+)$/.exec(classifier.settings)!;
        const [, wrongful, precision, blocks] = /count (\d+) benign items blocked and a precision of ([\d.]+)% \((\d+) blocks\)/.exec(classifier.shows)!;
        const ops = await site.openPage("ops/classifier.html");
        await ops.page.locator("form", {has: ops.page.locator("label", {hasText: "Category"})}).first().locator("select").selectOption({label: category});
        for (const [label, value] of [["From", from], ["To", to]]) {
          await ops.page.locator("form", {has: ops.page.locator("label", {hasText: new RegExp(`^${label}$`)})}).locator('input[type="date"]').first().fill(value);
        }
        await ops.settle();
        expect(await kpiCard(ops, "Precision at the threshold").textContent()).toContain(`: ${precision}% (`);
        expect(await kpiCard(ops, "Benign content blocked").textContent()).toContain(`(policy: ${wrongful})`);
        expect(await kpiCard(ops, "Blocked per day").textContent()).toContain(`(policy: ${blocks})`);
        await ops.assertClean();
        await ops.close();
      }
      await opened.screenshot("incident.png");
      const dark = await site.openPage("incident.html", {colorScheme: "dark"});
      await dark.screenshot("incident-dark.png");
      await dark.assertClean();
    });
  });
});
