/** The inert-text check itself: it passes text rendered with textContent and catches markup that became DOM. */
import {describe, expect, it} from "vitest";
import {HOSTILE_PAYLOADS} from "../../src/world/text.js";
import {injectedElements} from "./inert.js";
import {withSite} from "./site.js";

describe("injectedElements", () => {
  it(`finds nothing when all ${HOSTILE_PAYLOADS.length} payloads render as text, and finds them as markup`, async () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(20);
    await withSite(async (site) => {
      const page = await site.browser.newPage();
      try {
        await page.setContent("<main></main>");
        await page.evaluate((payloads) => {
          for (const p of payloads) document.querySelector("main")!.append(Object.assign(document.createElement("p"), {textContent: p}));
        }, [...HOSTILE_PAYLOADS]);
        expect(await injectedElements(page)).toEqual([]);
        expect(await page.textContent("main")).toContain('<img src=x onerror="alert(1)">');
        page.on("dialog", (d) => void d.dismiss().catch(() => {}));
        await page.evaluate((payloads) => {
          const div = document.createElement("div");
          div.innerHTML = payloads.join("\n");
          document.body.append(div);
          // (The meta refresh would navigate this fixture away: it is checked by the page tests instead.)
        }, HOSTILE_PAYLOADS.filter((p) => !p.includes("http-equiv")));
        const found = await injectedElements(page);
        expect(found).toContain("<img onerror>");
        expect(found).toContain("<iframe>");
        expect(found.length).toBeGreaterThanOrEqual(8);
      } finally {
        await page.close();
      }
    });
  });
});
