/**
 * The world's hostile texts show literally. The pages that list the world's texts (the data explorer
 * and the automation page's dedup groups; the review queue's case card is checked with a fixture in
 * science.test.ts) are searched for every payload of src/world/text.ts that the page's data holds:
 * the payload must then be in the table's text exactly as written (`<img src=x onerror=...>` as
 * characters on screen), no element, attribute or handler may have been injected, and no dialog may
 * have opened.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadArrow, toRows} from "../../src/io/readArrow.js";
import {HOSTILE_PAYLOADS} from "../../src/world/text.js";
import {injectedElements} from "./inert.js";
import {DIST, withSite} from "./site.js";

/** The texts of a column of a built Arrow file, e.g. ("science", "dedup_groups", "snippet"). */
async function texts(dir: string, stem: string, column: string): Promise<string[]> {
  const folder = join(DIST, "_file", "data", dir);
  const file = readdirSync(folder).find((f) => new RegExp(`^${stem}\\.[0-9a-f]+\\.arrow$`).test(f));
  if (!file) throw new Error(`no ${stem}.arrow in dist: run npm run build first`);
  return toRows(await loadArrow(readFileSync(join(folder, file)), stem)).map((r) => String(r[column]));
}

// The world appends a payload to about 3% of spam: at the default scale every one of them occurs in the
// explorer's texts. The automation page lists a bounded part of the distinct texts (the largest groups
// and those clustered, src/science/boundRows.ts), and a text with a payload is rarely copied exactly,
// so only some payloads are among them.
const PAGES = [
  {page: "explorer.html", data: ["", "flag_texts", "snippet"], search: "Search texts", header: "Text", least: 20},
  {page: "science/automation.html", data: ["science", "dedup_groups", "snippet"], search: "Search distinct texts", header: "Representative text (as posted)", least: 10}
] as const;

describe("hostile texts render literally", () => {
  it.each(PAGES)("$page shows every payload in its data as literal text", async ({page: path, data, search, header, least}) => {
    const all = await texts(data[0], data[1], data[2]);
    const present = HOSTILE_PAYLOADS.filter((p) => all.some((t) => t.includes(p)));
    expect(present.length, `payloads in ${data[1]}`).toBeGreaterThanOrEqual(least);
    await withSite(async (site) => {
      const opened = await site.openPage(path);
      const {page} = opened;
      const input = page.locator(`input[type="search"][placeholder="${search}"]`);
      const table = page.locator("table").filter({has: page.locator("th", {hasText: header})});
      expect(await table.count()).toBe(1);
      const missing: string[] = [];
      for (const payload of present) {
        // Inputs.search keeps a row when each whitespace-separated term starts a word of the text.
        await input.fill(payload);
        await input.dispatchEvent("input");
        const shown = await page
          .waitForFunction(([selector, text]) => Array.from(document.querySelectorAll(selector)).some((t) => (t.textContent ?? "").includes(text)), ["table tbody", payload] as const, {timeout: 10_000})
          .then(() => true, () => false);
        if (!shown) missing.push(payload);
        else expect(await table.locator("tbody").textContent(), payload).toContain(payload);
      }
      expect(missing, "payloads not shown as text").toEqual([]);
      expect(await injectedElements(page)).toEqual([]);
      await opened.assertClean(); // no dialog, console error or failed request on the way
    });
  });
});
