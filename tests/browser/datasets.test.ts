/**
 * The datasets page: every published table and every derived table has a card whose Arrow link
 * downloads a file that parses to the row count the card states, and every CSV link answers.
 */
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {SCHEMAS} from "../../src/io/contracts.js";
import {withSite} from "./site.js";

describe("datasets.html", () => {
  it("lists every table with a working Arrow download of the stated size", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("datasets.html");
      const {page} = opened;
      const cards = await page.locator(".card.dataset").evaluateAll((els) =>
        els.map((el) => ({
          id: el.id,
          facts: el.querySelector("p")!.textContent!,
          links: [...el.querySelectorAll("a[download]")].map((a) => ({href: (a as HTMLAnchorElement).href, text: a.textContent!}))
        }))
      );
      // The world's tables, then the derived ones (13 at this writing: science outputs and the moderator QA).
      for (const name of Object.keys(SCHEMAS)) expect(cards.map((c) => c.id)).toContain(`dataset-${name}`);
      const derived = cards.filter((c) => !(c.id.replace(/^dataset-/, "") in SCHEMAS));
      expect(derived.length).toBeGreaterThanOrEqual(13);
      for (const card of cards) {
        const rows = Number(card.facts.match(/^([\d,]+) rows/)![1].replace(/,/g, ""));
        expect(rows, card.id).toBeGreaterThan(0);
        const arrow = card.links.find((l) => l.text.startsWith("Arrow"))!;
        const response = await page.request.get(arrow.href);
        expect(response.status(), arrow.href).toBe(200);
        expect(tableFromIPC(await response.body()).numRows, card.id).toBe(rows);
        for (const csv of card.links.filter((l) => l.text.startsWith("CSV"))) expect((await page.request.get(csv.href)).status(), csv.href).toBe(200);
      }
      await opened.assertClean();
    });
  });
});
