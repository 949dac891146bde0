/**
 * The DSA transparency page as a reader uses it: its statement count is the number of records in the
 * NDJSON download, every download link fetches, and every record in the download passes the
 * Transparency Database's rules.
 */
import {describe, expect, it} from "vitest";
import {validateStatements} from "../../src/dsa/validateStatements.js";
import {withSite} from "./site.js";

describe("transparency page", () => {
  it("counts the statements the NDJSON download holds, and every download fetches", async () => {
    await withSite(async (site) => {
      const opened = await site.openPage("transparency.html");
      await opened.settle();
      const shown = await opened.page.evaluate(() => {
        const card = [...document.querySelectorAll(".card")].find((c) => c.querySelector("h2")?.textContent === "Statements of reasons");
        const links = [...document.querySelectorAll("a[download]")].map((a) => ({href: (a as HTMLAnchorElement).href, name: a.getAttribute("download")}));
        return {count: card?.querySelector(".big")?.textContent ?? "", links};
      });
      expect(shown.links.map((l) => l.name).sort()).toEqual(["dsa_report.csv", "statements_of_reasons.csv", "statements_of_reasons.ndjson"]);
      const bodies: Record<string, string> = {};
      for (const link of shown.links) {
        const response = await fetch(link.href);
        expect(response.status, link.name!).toBe(200);
        bodies[link.name!] = await response.text();
      }
      const records = bodies["statements_of_reasons.ndjson"].trim().split("\n").map((line) => JSON.parse(line));
      expect(shown.count.replace(/,/g, "")).toBe(String(records.length));
      expect(validateStatements(records)).toEqual([]);
      // The CSV has a header and one line per statement (no field holds a line break).
      expect(bodies["statements_of_reasons.csv"].trim().split("\r\n")).toHaveLength(records.length + 1);
      await opened.assertClean();
      await opened.close();
    });
  });
});
