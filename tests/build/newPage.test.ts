/**
 * Forking a page end to end: `npm run new-page` in a copy of the project, a build, and the new page
 * opened in the browser with no errors, reachable from the sidebar.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {startSite} from "../browser/site.js";
import {projectCopies} from "./project.js";
import {run, tail} from "./run.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("npm run new-page", () => {
  const copies = projectCopies();
  afterAll(() => copies.removeAll());

  it("rejects a bad name and an existing page", async () => {
    const dir = copies.copy();
    const bad = await run(npm, ["run", "-s", "new-page", "--", "Not A Name", "Title"], {cwd: dir});
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('invalid page name: "Not A Name"');
    const taken = await run(npm, ["run", "-s", "new-page", "--", "data-dictionary", "Title"], {cwd: dir});
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain("page exists: docs/data-dictionary.md");
  });

  it("copies the template, registers it in the sidebar, builds, and the page opens cleanly", async () => {
    // Only the home page and the Deep dives section are built: the fork is what this test is about.
    const dir = copies.copy({bare: true, deepDives: true});
    const made = await run(npm, ["run", "-s", "new-page", "--", "spam-in-brazil", "Spam in Brazil"], {cwd: dir});
    expect(made.code, tail(made)).toBe(0);
    expect(readFileSync(join(dir, "docs", "spam-in-brazil.md"), "utf8")).toContain("# Spam in Brazil");
    expect(readFileSync(join(dir, "observablehq.config.ts"), "utf8")).toContain('{name: "Spam in Brazil", path: "/spam-in-brazil"}');
    const built = await run(npm, ["run", "build"], {cwd: dir});
    expect(built.code, tail(built)).toBe(0);
    expect(existsSync(join(dir, "dist", "spam-in-brazil.html"))).toBe(true);
    const site = await startSite({dist: join(dir, "dist")});
    try {
      const home = await site.openPage("index.html");
      const link = home.page.locator('#observablehq-sidebar a[href$="spam-in-brazil.html"]');
      expect(await link.count()).toBe(1);
      const opened = await site.openPage("spam-in-brazil.html");
      expect(await opened.page.locator("h1").first().textContent()).toBe("Spam in Brazil");
      // The template's input drives its chart: choosing another country changes the peak card.
      const peak = () => opened.page.locator(".card .big").nth(1).textContent();
      const before = await opened.page.locator(".card p").first().textContent();
      const options = await opened.page.locator("form select option").allTextContents();
      await opened.page.selectOption("form select", options[options.length - 1]);
      await opened.settle();
      expect(await opened.page.locator(".card p").first().textContent()).not.toBe(before);
      expect(await peak()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await opened.screenshot("forked-page.png");
      await opened.assertClean();
    } finally {
      await site.close();
    }
  });
});
