import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";

/**
 * Forking a page: the pure part of `npm run new-page -- <name> "<title>"`. It checks the name and the
 * title, makes the page from the template, and registers it in the sidebar's "Deep dives" section.
 */

export const MARKER = "// new-page: pages are added above this line";
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkPageName(name: string | undefined): string {
  if (!name || !NAME.test(name)) throw new Error(`invalid page name: ${JSON.stringify(name ?? "")} (expected lowercase words joined by hyphens, e.g. spam-in-brazil)`);
  return name;
}

export function checkTitle(title: string | undefined): string {
  const t = (title ?? "").trim();
  if (!t || /[\r\n]/.test(t) || t.length > 80) throw new Error(`invalid title: ${JSON.stringify(title ?? "")} (expected one line of 1 to 80 characters)`);
  return t;
}

/** The template with its title replaced and a note of where it came from. */
export function pageFromTemplate(template: string, title: string): string {
  const yamlTitle = JSON.stringify(title);
  let page = template.replace(/^title: .*$/m, `title: ${yamlTitle}`);
  page = page.replace(/^# .*$/m, `# ${title.replace(/[<>]/g, "")}`);
  if (page === template) throw new Error("invalid template: no title line to replace");
  return page;
}

/** The config with an entry for the page inserted before the marker. */
export function registerPage(config: string, name: string, title: string): string {
  const at = config.indexOf(MARKER);
  if (at < 0) throw new Error(`observablehq.config.ts has no "${MARKER}" line in its Deep dives section`);
  if (config.includes(`path: "/${name}"`)) throw new Error(`page already registered: /${name}`);
  const lineStart = config.lastIndexOf("\n", at) + 1;
  const indent = config.slice(lineStart, at);
  return `${config.slice(0, lineStart)}${indent}{name: ${JSON.stringify(title)}, path: "/${name}"},\n${config.slice(lineStart)}`;
}

export interface NewPagePlan {
  pagePath: string;
  page: string;
  config: string;
}

export function planNewPage(root: string, nameArg: string | undefined, titleArg: string | undefined): NewPagePlan {
  const name = checkPageName(nameArg);
  const title = checkTitle(titleArg);
  const pagePath = join(root, "docs", `${name}.md`);
  if (existsSync(pagePath)) throw new Error(`page exists: docs/${name}.md`);
  const template = readFileSync(join(root, "docs", "deep-dive-template.md"), "utf8");
  const config = registerPage(readFileSync(join(root, "observablehq.config.ts"), "utf8"), name, title);
  return {pagePath, page: pageFromTemplate(template, title), config};
}
