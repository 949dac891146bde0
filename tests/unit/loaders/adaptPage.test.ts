import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";
import {ROOT} from "../../../scripts/buildSteps.js";
import {adaptMarkdown, PAGES} from "../../../data-loaders/_adaptPage.js";
import {EVENT_LOG_NEED, SHIFT_NEED} from "../../../src/io/import/needs.js";

const PAGE = `---
title: Queue
---

# Review queue

Intro with \${data.cases} cases.

<!-- needs SHIFT_NEED -->
## Staffing

\`\`\`js
const staffing = queueStaffing(data);
\`\`\`

Load of \${staffing.load}.
<!-- end needs -->

## Backlog

Backlog \${data.backlog}.
`;

const SHIFTS = SHIFT_NEED.columns;

/** The page loaders under docs/ (name.md.ts), as their page paths. */
function pageLoaders(dir = join(ROOT, "docs")): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isSymbolicLink() || e.name.startsWith(".")) return [];
    if (e.isDirectory()) return pageLoaders(path);
    return e.name.endsWith(".md.ts") ? [relative(join(ROOT, "docs"), path).replace(/\.md\.ts$/, "")] : [];
  });
}

describe("adaptMarkdown", () => {
  it("adaptMarkdown(page, absent) keeps a section whose columns the data has, without its markers", () => {
    const kept = adaptMarkdown(PAGE, ["events.event_id"], "../");
    expect(kept).toBe(PAGE.replace("<!-- needs SHIFT_NEED -->\n", "").replace("<!-- end needs -->\n", ""));
  });

  it("adaptMarkdown replaces a section the data cannot feed by its heading and a card with the columns it lacks, and imports the card once", () => {
    const cut = adaptMarkdown(PAGE, [SHIFTS[1]], "../");
    expect(cut).not.toContain("staffing.load");
    expect(cut).not.toContain("queueStaffing");
    expect(cut).toContain(`## Staffing\n\n\`\`\`js\ndisplay(unfedCard("Not built from this data", {...unfedNeeds.SHIFT_NEED, columns: ["${SHIFTS[1]}"]}));\n\`\`\``);
    expect(cut).toContain("Backlog ${data.backlog}.");
    expect(cut.match(/import \{needsCard as unfedCard\} from "\.\.\/components\/needsCard\.js";/g)).toHaveLength(1);
    expect(cut).toContain('import * as unfedNeeds from "../lib/io/import/needs.js";');
  });

  it("adaptMarkdown gives a page the data cannot feed at all its front matter, title, card and a link to data quality, and nothing else", () => {
    const lacking = adaptMarkdown(PAGE, ["events.event_id", "cohort.user_id"], "./", "EVENT_LOG_NEED");
    expect(lacking.startsWith("---\ntitle: Queue\n---\n\n# Review queue\n\n```js\n")).toBe(true);
    expect(lacking).toContain('{...unfedNeeds.EVENT_LOG_NEED, columns: ["events.event_id","cohort.user_id"]}');
    expect(lacking).toContain("[data quality](./data-quality)");
    expect(lacking).not.toContain("${data");
    expect(adaptMarkdown(PAGE, [], "./", "EVENT_LOG_NEED")).toBe(adaptMarkdown(PAGE, [], "./"));
  });

  it("adaptMarkdown names an unknown need", () => {
    expect(() => adaptMarkdown("# T\n<!-- needs NO_SUCH_NEED -->\nx\n<!-- end needs -->\n", [], "./")).toThrow("no need NO_SUCH_NEED");
  });

  it("every page loader has its page under pages/, and every page there has a loader; each adapts to data without the event log", () => {
    const loaders = pageLoaders().sort();
    const pages = readdirSync(PAGES, {recursive: true, encoding: "utf8"}).filter((f) => f.endsWith(".md")).map((f) => f.replace(/\.md$/, "")).sort();
    expect(loaders).toEqual(pages);
    for (const page of pages) {
      const markdown = readFileSync(join(PAGES, `${page}.md`), "utf8");
      const root = page.includes("/") ? "../" : "./";
      expect(() => adaptMarkdown(markdown, EVENT_LOG_NEED.columns, root), page).not.toThrow();
    }
  });
});
