import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {
  describeFailure,
  findBrokenLinks,
  findPageErrors,
  fixLastModified,
  frameworkEnv,
  pageWeight,
  sourceDateMs
} from "../../../scripts/buildSteps.js";

describe("fixLastModified", () => {
  it("fixLastModified(text, ms) replaces every embedded mtime", () => {
    const page =
      'registerFile("./data/a.arrow", {"name":"./data/a.arrow","path":"./_file/data/a.1.arrow","lastModified":1795279020058,"size":4});\n' +
      'registerFile("./data/b.arrow", {"name":"./data/b.arrow","path":"./_file/data/b.2.arrow","lastModified":17,"size":5});';
    const {text, count} = fixLastModified(page, 1000);
    expect(count).toBe(2);
    expect(text).toContain('"lastModified":1000,"size":4');
    expect(text).toContain('"lastModified":1000,"size":5');
    expect(text).not.toContain("1795279020058");
  });

  it("fixLastModified(text without files, ms) leaves it alone", () => {
    expect(fixLastModified("<p>lastModified: 12</p>", 0)).toEqual({text: "<p>lastModified: 12</p>", count: 0});
  });
});

describe("sourceDateMs", () => {
  it("sourceDateMs({SOURCE_DATE_EPOCH}) is that time in ms", () => {
    expect(sourceDateMs({SOURCE_DATE_EPOCH: "1700000000"})).toBe(1_700_000_000_000);
    expect(sourceDateMs({SOURCE_DATE_EPOCH: "0"})).toBe(0);
  });

  it.each(["-1", "1.5", "soon", "1e9"])("sourceDateMs rejects SOURCE_DATE_EPOCH=%j", (value) => {
    expect(() => sourceDateMs({SOURCE_DATE_EPOCH: value})).toThrow(/^invalid SOURCE_DATE_EPOCH: /);
  });

  it("sourceDateMs({}) outside a git checkout is 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "workbook-nogit-"));
    try {
      expect(sourceDateMs({}, dir)).toBe(0);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe("frameworkEnv", () => {
  it("frameworkEnv(env) pins UTC, the C locale and telemetry, and keeps the rest", () => {
    const env = frameworkEnv({PATH: "/usr/bin", WORKBOOK_SEED: "7", TZ: "Asia/Singapore"}, "/p");
    expect(env).toMatchObject({TZ: "UTC", LANG: "C", LC_ALL: "C", OBSERVABLE_TELEMETRY_DISABLE: "1", WORKBOOK_SEED: "7"});
    expect(env.PATH!.startsWith(join("/p", "node_modules", ".bin"))).toBe(true);
    expect(env.PATH!.endsWith("/usr/bin")).toBe(true);
  });
});

describe("findPageErrors", () => {
  it("findPageErrors(html) finds a cell that did not parse", () => {
    const html = '<div class="observablehq--inspect observablehq--error">SyntaxError: Unexpected token (1:4)</div>';
    expect(findPageErrors(html)).toEqual(["SyntaxError: Unexpected token (1:4)"]);
  });

  it("findPageErrors(html) finds an inline expression error and decodes entities", () => {
    const html = '<p>x <span class="observablehq--inspect observablehq--error" style="display: block;">SyntaxError: non-local import: &quot;../x.js&quot; (1:0)</span></p>';
    expect(findPageErrors(html)).toEqual(['SyntaxError: non-local import: "../x.js" (1:0)']);
  });

  it("findPageErrors(html) finds a non-local import outside an error element", () => {
    expect(findPageErrors('define({body: () => { throw new SyntaxError("non-local import: ../../x.js"); }});')).toHaveLength(1);
  });

  it("findPageErrors(clean page) is empty", () => {
    expect(findPageErrors('<div class="observablehq observablehq--block"><!--:a5e9c5c0:--></div>')).toEqual([]);
  });
});

describe("describeFailure", () => {
  it("describeFailure(output) names the loader that failed", () => {
    const output = [
      "copy docs/data/ok.arrow → load /data/ok.arrow → success in 12ms",
      "copy docs/data/broken.json → load /data/broken.json → [missing] /x/docs/data/broken.json.ts:1",
      "Error: boom",
      "error in 358ms: loader exited with code 1",
      "Unexpected error: loader exited with code 1"
    ].join("\n");
    expect(describeFailure(output)).toBe("loader for /data/broken.json failed: loader exited with code 1");
  });

  it("describeFailure(output) explains a download attempt", () => {
    expect(describeFailure("Error: getaddrinfo ENOTFOUND cdn.jsdelivr.net\nUnexpected error: fetch failed")).toMatch(/import libraries by package name/);
  });

  it("describeFailure(output) falls back to Framework's message", () => {
    expect(describeFailure("\u001b[31mUnexpected error: something\u001b[39m")).toBe("something");
    expect(describeFailure("")).toBe("see the output above");
  });
});

describe("findBrokenLinks", () => {
  const dist = mkdtempSync(join(tmpdir(), "workbook-links-"));
  afterAll(() => rmSync(dist, {recursive: true, force: true}));
  mkdirSync(join(dist, "ops", "queue"), {recursive: true});
  mkdirSync(join(dist, "_file"), {recursive: true});
  for (const file of ["index.html", "kpis.html", "ops/index.html", "ops/queue/sla.html", "_file/a b.csv"]) {
    writeFileSync(join(dist, file), "");
  }

  it("findBrokenLinks(dist, page, html) accepts links to files that exist", () => {
    const html =
      '<a href="./">home</a><a href="./kpis.html#weekly">k</a><a href="ops/">ops</a><a href="./ops/queue/sla.html?x=1">s</a>' +
      '<a href="#top">top</a><a href="https://observablehq.com/">o</a><a href="mailto:a@b.c">m</a><img src="data:,">' +
      '<a href="./_file/a%20b.csv">csv</a><a href="./kpis.html?a=1&amp;b=2">q</a>';
    expect(findBrokenLinks(dist, "index.html", html)).toEqual([]);
    expect(findBrokenLinks(dist, "ops/queue/sla.html", '<a href="../../">home</a><a href="../">ops</a>')).toEqual([]);
  });

  it("findBrokenLinks(dist, page, html) reports missing, root-absolute and escaping links", () => {
    const html = '<a href="./missing.html">x</a><a href="/kpis.html">y</a><a href="../outside.html">z</a><a href="./missing.html">x</a>';
    expect(findBrokenLinks(dist, "index.html", html)).toEqual([
      "./missing.html",
      "/kpis.html (root-absolute)",
      "../outside.html (outside the site)"
    ]);
  });

  it("findBrokenLinks ignores links inside scripts", () => {
    expect(findBrokenLinks(dist, "index.html", '<script type="module">html`<a href="${url}">`; import("./x.js")</script>')).toEqual([]);
  });

  it("findBrokenLinks(dist, page, html) resolves relative to the page's directory", () => {
    expect(findBrokenLinks(dist, "ops/index.html", '<a href="./kpis.html">k</a>')).toEqual(["./kpis.html"]);
  });
});

describe("pageWeight", () => {
  it("pageWeight(dist, page, html) counts loaded files and preloaded modules, not download links", () => {
    const dist = mkdtempSync(join(tmpdir(), "weight-"));
    mkdirSync(join(dist, "_node"), {recursive: true});
    writeFileSync(join(dist, "_node", "m.js"), "x".repeat(100));
    const html = [
      '<link rel="modulepreload" href="./_node/m.js">',
      'registerFile("./data/a.arrow", {"name":"./data/a.arrow","size":1000})',
      'registerFile("./data/b.arrow", {"name":"./data/b.arrow","size":5000})',
      'registerFile("./data/c.json", {"name":"./data/c.json","size":7})',
      'FileAttachment("./data/a.arrow").arrayBuffer()',
      'FileAttachment("./data/b.arrow").href',
      'FileAttachment("./data/c.json").json()'
    ].join("\n");
    expect(pageWeight(dist, "page.html", html)).toEqual({page: "page.html", dataBytes: 1007, importBytes: 100});
    rmSync(dist, {recursive: true, force: true});
  });

  it("pageWeight counts a file a component module reads, not one it only links to", () => {
    const dist = mkdtempSync(join(tmpdir(), "weight-"));
    mkdirSync(join(dist, "_import", "components"), {recursive: true});
    const attachment = (name: string, member: string) => `FileAttachment({"name":"../../data/${name}","mimeType":undefined,"path":"../../_file/data/${name}","size":1}, import.meta.url).${member}`;
    const module = [attachment("d.arrow", "href"), attachment("e.arrow", "arrayBuffer()"), attachment("f.csv", "href")].join(";\n");
    writeFileSync(join(dist, "_import", "components", "cards.js"), module);
    const html = [
      '<link rel="modulepreload" href="../_import/components/cards.js">',
      'registerFile("../data/d.arrow", {"name":"../data/d.arrow","size":3000})',
      'registerFile("../data/e.arrow", {"name":"../data/e.arrow","size":200})',
      'registerFile("../data/f.csv", {"name":"../data/f.csv","size":40})',
      'FileAttachment("../data/f.csv").text()'
    ].join("\n");
    // d.arrow is only linked (not counted); e.arrow is read by the module and f.csv by the page (counted).
    expect(pageWeight(dist, "ops/page.html", html)).toEqual({page: "ops/page.html", dataBytes: 240, importBytes: Buffer.byteLength(module)});
    rmSync(dist, {recursive: true, force: true});
  });
});
