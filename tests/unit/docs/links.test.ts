/**
 * Links built from data go through one gate (docs/components/dataLink.ts, which uses src/io/safeHref.ts):
 * a page or component that sets an href from anything but a file attachment, a blob of its own, or a
 * fixed relative path fails here, so a new page cannot reintroduce a raw `a.href = row.link`.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";
import {ROOT} from "../../../scripts/buildSteps.js";

const DOCS = join(ROOT, "docs");
/** The pages that adapt to the data, published by page loaders in docs/ (data-loaders/_adaptPage.ts). */
const PAGES = join(ROOT, "pages");

/** Pages and components, without Framework's cache and the data/lib symlinks. */
function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isSymbolicLink() || e.name.startsWith(".")) return [];
    if (e.isDirectory()) return sources(path);
    return /\.(md|ts|js)$/.test(e.name) ? [path] : [];
  });
}

/** Where an href gets its value: `x.href = v`, `{href: v}`, `{href}` shorthand, `href=${v}` in a template. */
const SETTERS = [/\.href\s*=(?!=)\s*([^;\n]+)/g, /[{,]\s*href\s*:\s*([^,}\n]+)/g, /[{,]\s*href\s*[,}]()/g, /href=\$\{([^}]+)\}/g, /setAttribute\(\s*["']href["']\s*,\s*([^)\n]+)/g];

/** Values that cannot carry a scheme from the data. */
const SAFE_VALUES = [
  /^FileAttachment\([^)]*\)\.href$/, // a file of this build
  /^URL\.createObjectURL\(/, // a blob the page made itself
  /^`(?:\.\.?\/|#)[^`]*`$/, // a fixed relative path, whatever it interpolates after it
  /^"(?:\.\.?\/|#)[^"]*"$/,
  /^new URL\(`\.\.?\/[^`]*`, import\.meta\.url\)\.href$/, // a fixed path relative to the module itself
  /^\([^)]*\)\s*=>\s*safeHref\(/ // a channel whose every value passes the gate (src/io/safeHref.ts)
];

/** Each place in `text` that sets an href from a value that could come from data, as "line: value". */
function rawHrefs(text: string): string[] {
  const lines = text.split("\n");
  const raw: string[] = [];
  for (const pattern of SETTERS) {
    for (const match of text.matchAll(pattern)) {
      const value = (match[1] ?? "").trim();
      const line = text.slice(0, match.index).split("\n").length;
      // Reading an href back (to revoke the blob) is not setting one.
      if (/URL\.revokeObjectURL\(\s*\w+\.href\s*\)/.test(lines[line - 1])) continue;
      if (!SAFE_VALUES.some((safe) => safe.test(value))) raw.push(`${line}: href from ${value || "a shorthand property"}`);
    }
  }
  return raw;
}

describe("links built from data", () => {
  const files = [...sources(DOCS), ...sources(PAGES)];

  it("rawHrefs finds links set from data and passes file attachments, blobs and fixed paths", () => {
    expect(rawHrefs("a.href = link;\nb.href = `${p.link}.html`;\nObject.assign(a, {href, textContent: t});\nhtml`<a href=${row.url}>`;\nel.setAttribute('href', x);\nc = {href: r.link};")).toHaveLength(6);
    expect(rawHrefs('a.href = FileAttachment("data/x.arrow").href;\na.href = URL.createObjectURL(blob);\nURL.revokeObjectURL(a.href);\nd.href = `./data-dictionary#table-${n}`;\nif (a.href == b) x();\ne.href = new URL(`../../kpi-dictionary.html#kpi-${id}`, import.meta.url).href;\nPlot.cell(d, {href: (d: Row) => safeHref(link(d))});')).toEqual([]);
  });

  it("dataLink (safeHref) is the only way a page sets an href from data", () => {
    expect(files.length).toBeGreaterThan(20);
    const raw: string[] = [];
    for (const file of files) {
      const name = relative(file.startsWith(PAGES) ? PAGES : DOCS, file);
      if (name === join("components", "dataLink.ts")) continue;
      raw.push(...rawHrefs(readFileSync(file, "utf8")).map((r) => `${name}:${r}`));
    }
    expect(raw).toEqual([]);
  });

  it("the pages that link from data import dataLink, themselves or through the component that builds their links", () => {
    const importsDataLink = (source: string) => /import \{[^}]*\bdataLink\b[^}]*\} from "\.\.?\/(?:components\/)?dataLink\.js"/.test(source);
    expect(importsDataLink('import {fileLink} from "./download.js";')).toBe(false);
    for (const page of ["index.md", "datasets.md", "incident.md", "investigation.md", join("science", "summary.md")]) {
      const text = readFileSync(join(existsSync(join(DOCS, page)) ? DOCS : PAGES, page), "utf8");
      const components = [...text.matchAll(/^import [^;\n]* from "\.\.?\/components\/(\w+)\.js";?$/gm)].map((m) => readFileSync(join(DOCS, "components", `${m[1]}.ts`), "utf8"));
      expect([text, ...components].some(importsDataLink), page).toBe(true);
    }
  });
});
