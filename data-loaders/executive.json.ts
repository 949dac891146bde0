import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {parseConfig} from "../src/config.js";
import type {ExecutiveSummary} from "../src/report/executive.js";
import {derivedJson} from "./_publish.js";
import config from "../observablehq.config.js";

/** The home page's executive summary as of the last simulated day. Links go only to pages that exist. */
try {
  const summary = await derivedJson<ExecutiveSummary>(parseConfig(process.env), "executive.json");
  const docs = fileURLToPath(new URL("../docs/", import.meta.url));
  const exists = (link: string) => existsSync(`${docs}${link.replace(/^\.\//, "")}.md`);
  // Links made at run time are not rewritten by Framework: give them the .html that static hosts need.
  for (const item of [...summary.priorities, ...summary.incidents]) item.link = exists(item.link) ? `${item.link}.html` : "";
  // The analyst's walk, in sidebar order, so the home page links to every page that exists.
  const walk = (config.pages as {name: string; pages: {name: string; path: string}[]}[]).map((section) => ({
    name: section.name,
    pages: section.pages.filter((p) => exists(`.${p.path}`)).map((p) => ({name: p.name, link: `.${p.path}.html`}))
  })).filter((section) => section.pages.length > 0);
  process.stdout.write(JSON.stringify({...summary, walk}, null, 2));
} catch (error) {
  process.stderr.write(`loader executive.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
