/**
 * Opens every built page in headless Chromium and fails on anything that went wrong: console errors,
 * uncaught exceptions, failed or non-loopback requests, or Framework error cells once the page has
 * settled. Saves a full-page screenshot of each under tests/screenshots/.
 * Runs after `npm run build` (`npm run test:browser`).
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {injectedElements} from "./inert.js";
import {builtPages, startSite} from "./site.js";

const pages = builtPages();

describe("every built page", () => {
  // One browser and server for all pages; each page gets its own context.
  let site: Awaited<ReturnType<typeof startSite>>;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it("includes the home page", () => {
    expect(pages).toContain("index.html");
  });

  it.each(pages)("%s loads without errors", async (path) => {
    const opened = await site.openPage(path);
    try {
      await opened.screenshot();
      await opened.assertClean();
      const main = await opened.page.textContent("#observablehq-main");
      expect(main?.trim().length, "the page has no content").toBeGreaterThan(0);
      // Data texts carry markup on purpose (src/world/text.ts HOSTILE_PAYLOADS): none may become DOM.
      expect(await injectedElements(opened.page)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
