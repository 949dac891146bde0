import {readFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import * as NEEDS from "../src/io/import/needs.js";
import {lacking, type Need} from "../src/io/import/needs.js";
import {produce, run} from "./_registry.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DOCS = join(ROOT, "docs");
/** The Markdown of the pages that adapt to the data: pages/<path>.md, outside the root Framework builds every page of. */
export const PAGES = join(ROOT, "pages");

/** The needs a page or a section can depend on, by their exported names in src/io/import/needs.ts. */
export type PageNeed = {[K in keyof typeof NEEDS]: (typeof NEEDS)[K] extends Need ? K : never}[keyof typeof NEEDS];

/** A section that needs what the data may lack: from `<!-- needs NAME -->` to `<!-- end needs -->`. */
const SECTION = /<!-- needs (\w+) -->\n([\s\S]*?)<!-- end needs -->\n?/g;

const needOf = (name: string): Need => {
  const need = (NEEDS as Record<string, unknown>)[name];
  if (!need || typeof need !== "object" || !("columns" in need)) throw new Error(`adaptPage: no need ${name} in src/io/import/needs.ts`);
  return need as Need;
};

/** A cell that shows the card of a need, with the columns the data lacks (unfedImports defines its names). */
function cardCell(name: string, columns: readonly string[]): string {
  return `\`\`\`js\ndisplay(unfedCard("Not built from this data", {...unfedNeeds.${name}, columns: ${JSON.stringify(columns)}}));\n\`\`\`\n`;
}

/** The imports the cards need, under names no page uses. */
function unfedImports(root: string): string {
  return `\n\`\`\`js\nimport {needsCard as unfedCard} from "${root}components/needsCard.js";\nimport * as unfedNeeds from "${root}lib/io/import/needs.js";\n\`\`\`\n`;
}

/**
 * A page as this build's data can feed it (`absent`: the import columns it lacks, as data_quality.json
 * lists them; `root` leads from the page to the site's root, "./" or "../"):
 * - when the page needs `whole` and the data lacks it, the page's front matter and title, then a card
 *   (docs/components/needsCard.ts) that says which columns would enable it and what a platform usually
 *   has instead, and a link to the data-quality page;
 * - else the page, with each section between `<!-- needs NAME -->` and `<!-- end needs -->` kept as it
 *   is when the data has what it needs, or replaced by that card (a heading the section opens with stays).
 */
export function adaptMarkdown(markdown: string, absent: readonly string[], root: string, whole?: PageNeed): string {
  const wholeLack = whole ? lacking(needOf(whole), absent) : null;
  if (whole && wholeLack) {
    const front = /^---\n[\s\S]*?\n---\n/.exec(markdown)?.[0] ?? "";
    const title = /^# .+$/m.exec(markdown)?.[0];
    if (!title) throw new Error("adaptPage: the page has no title line (# ...)");
    return `${front}\n${title}\n\n${cardCell(whole, wholeLack.columns)}\nWhat the data holds, table by table, and what it lacks: [data quality](${root}data-quality).\n${unfedImports(root)}`;
  }
  let cut = false;
  const adapted = markdown.replace(SECTION, (_, name: string, body: string) => {
    const lack = lacking(needOf(name), absent);
    if (!lack) return body;
    cut = true;
    const heading = /^#{2,6} .+\n/.exec(body)?.[0] ?? "";
    return `${heading}\n${cardCell(name, lack.columns)}\n`;
  });
  return cut ? `${adapted}${unfedImports(root)}` : adapted;
}

/**
 * A page loader (docs/<path>.md.ts) for a page that the data may not feed, in whole or in part: it
 * publishes the page's Markdown (pages/<path>.md) as adaptMarkdown adapts it to this build's data.
 * Relative links, imports and FileAttachment paths in it are the page's, as they would be in docs/.
 */
export async function adaptPage(loaderUrl: string, whole?: PageNeed): Promise<void> {
  const loader = fileURLToPath(loaderUrl);
  const page = relative(DOCS, loader).replace(/\.md\.ts$/, "");
  const depth = page.split("/").length - 1;
  await run(`${page}.md`, async () => {
    const markdown = readFileSync(join(PAGES, `${page}.md`), "utf8");
    const {absent} = JSON.parse(Buffer.from(await produce("data_quality.json")).toString("utf8")) as {absent: string[]};
    return adaptMarkdown(markdown, absent, depth ? "../".repeat(depth) : "./", whole);
  });
}
