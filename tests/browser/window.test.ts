/**
 * The reporting window (WORKBOOK_FROM..WORKBOOK_TO, published as data/config.json) is where the
 * analyst and ops pages' date inputs start.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parseConfig} from "../../src/config.js";
import {END_DATE, START_DATE} from "../../src/core/constants.js";
import {DIST, withSite} from "./site.js";

function builtConfig(): {window: {from: string; to: string}; calendar: {start: string; end: string}} {
  const dir = join(DIST, "_file", "data");
  const file = readdirSync(dir).find((f) => /^config\.[0-9a-f]+\.json$/.test(f));
  if (!file) throw new Error("no config.json in dist: run npm run build first");
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

describe("the reporting window", () => {
  it("config.json publishes the build's window and calendar", () => {
    const config = builtConfig();
    const {from, to} = parseConfig(process.env);
    expect(config.window).toEqual({from, to});
    expect(config.calendar).toEqual({start: START_DATE, end: END_DATE});
  });

  it.each(["overview.html", "explorer.html"])("%s starts its date inputs on the window", async (path) => {
    const {window} = builtConfig();
    await withSite(async (site) => {
      const opened = await site.openPage(path);
      const value = (label: string) => opened.page.locator("form", {hasText: label}).locator('input[type="date"]').first().inputValue();
      expect(await value("From")).toBe(window.from);
      expect(await value("To")).toBe(window.to);
      await opened.assertClean();
    });
  });

  it.each(["ops/flags.html", "ops/classifier.html", "ops/queue.html", "ops/attacks.html"])("%s starts its From and To inputs on the window", async (path) => {
    const {window} = builtConfig();
    await withSite(async (site) => {
      const opened = await site.openPage(path);
      const {page} = opened;
      // The date inputs sit in an Inputs.form: the last form holding the label is the input's own.
      const value = (label: string) => page.locator("form", {has: page.locator("label", {hasText: new RegExp(`^${label}$`)})}).last().locator('input[type="date"]').inputValue();
      expect(await value("From")).toBe(window.from);
      expect(await value("To")).toBe(window.to);
      await opened.assertClean();
    });
  });
});
