/**
 * The build itself: `npm run build` succeeds on the real project, is byte-reproducible, and fails
 * loudly (non-zero exit, a message naming the culprit) on bad configuration and on a broken loader.
 * Runs as its own vitest invocation (`npm run test:build`) before the browser tests, which use dist/.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {listFiles, ROOT, sourceDateMs} from "../../scripts/buildSteps.js";
import {formatManifest, hashDist} from "../../scripts/hash-dist.js";
import {projectCopies} from "./project.js";
import {run, tail} from "./run.js";

const DIST = join(ROOT, "dist");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function env(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {...process.env, ...overrides};
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete result[key];
  return result;
}

describe("npm run build", () => {
  it("rejects an invalid WORKBOOK_SEED before touching dist/", async () => {
    const marker = join(DIST, ".untouched");
    mkdirSync(DIST, {recursive: true});
    writeFileSync(marker, "");
    const result = await run(npm, ["run", "build"], {cwd: ROOT, env: env({WORKBOOK_SEED: "-3"})});
    expect(result.code, tail(result)).not.toBe(0);
    expect(result.stderr).toContain(
      'error: invalid WORKBOOK_SEED: "-3" (expected an integer from 0 to 9007199254740991; default 42)'
    );
    expect(existsSync(marker), "the build deleted dist/ before validating").toBe(true);
  });

  it("rejects an invalid WORKBOOK_SCALE", async () => {
    const result = await run(npm, ["run", "build"], {cwd: ROOT, env: env({WORKBOOK_SCALE: "0"})});
    expect(result.code, tail(result)).not.toBe(0);
    expect(result.stderr).toContain('error: invalid WORKBOOK_SCALE: "0" (expected a number in (0, 250]; default 1)');
  });

  it("rejects an invalid reporting window (WORKBOOK_FROM, WORKBOOK_TO)", async () => {
    const bad = await run(npm, ["run", "build"], {cwd: ROOT, env: env({WORKBOOK_FROM: "2025-02-30"})});
    expect(bad.code, tail(bad)).not.toBe(0);
    expect(bad.stderr).toContain('error: invalid WORKBOOK_FROM: "2025-02-30" (expected a UTC date YYYY-MM-DD from 2025-03-01 to 2025-08-31; default 2025-06-03)');
    const short = await run(npm, ["run", "build"], {cwd: ROOT, env: env({WORKBOOK_FROM: "2025-08-20", WORKBOOK_TO: "2025-08-31"})});
    expect(short.code, tail(short)).not.toBe(0);
    expect(short.stderr).toMatch(/^error: invalid reporting window: WORKBOOK_FROM "2025-08-20" to WORKBOOK_TO "2025-08-31" is 12 days \(expected .* at least 28 days .*within 2025-03-01 to 2025-08-31;[^\n]*\)$/m);
  });

  // The stamp the build would take from the HEAD commit, fixed now: a commit landing between the two
  // builds would otherwise (rightly) change it.
  const stamp = sourceDateMs(process.env);
  const stamped = env({SOURCE_DATE_EPOCH: String(stamp / 1000)});
  let first: Map<string, string> | undefined;

  it("exits 0 and writes dist/", async () => {
    const result = await run(npm, ["run", "build"], {cwd: ROOT, env: {...stamped, TZ: "UTC", LANG: "C", LC_ALL: "C"}});
    expect(result.code, tail(result)).toBe(0);
    expect(existsSync(join(DIST, "index.html"))).toBe(true);
    expect(result.stdout).toMatch(/workbook: built \d+ pages? into dist\//);
    const home = readFileSync(join(DIST, "index.html"), "utf8");
    expect(home).toContain(`"lastModified":${stamp},`);
    expect(home).not.toMatch(new RegExp(`"lastModified":(?!${stamp},)`));
    first = hashDist(DIST);
  });

  it("gives identical dist/ file hashes on a second build in another time zone and locale", async () => {
    expect(first, "the first build failed").toBeDefined();
    // The first build ran in the caller's zone and locale (UTC under npm test); this one far from it.
    const elsewhere = {...stamped, TZ: "Pacific/Chatham", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8"};
    const result = await run(npm, ["run", "build"], {cwd: ROOT, env: elsewhere});
    expect(result.code, tail(result)).toBe(0);
    const second = hashDist(DIST);
    expect(formatManifest(second)).toBe(formatManifest(first!));
    expect(second.size).toBeGreaterThan(0);
  });
});

describe("npm run build in a copy of the project", () => {
  const copies = projectCopies();
  afterAll(() => copies.removeAll());
  const copyProject = () => copies.copy({bare: true});

  it("exits non-zero, naming the loader, when a loader throws", async () => {
    const dir = copyProject();
    writeFileSync(join(dir, "data-loaders", "broken.json.ts"), 'throw new Error("deliberate loader failure");\n');
    writeFileSync(
      join(dir, "docs", "broken.md"),
      '# Broken\n\n```js\nconst broken = FileAttachment("data/broken.json").json();\n```\n\n${broken}\n'
    );
    const result = await run(npm, ["run", "build"], {cwd: dir});
    expect(result.code, tail(result)).not.toBe(0);
    expect(result.stderr).toContain("deliberate loader failure");
    expect(result.stderr).toMatch(/error: observable build failed \(exit \d+\): loader for \/data\/broken\.json failed/);
  });

  it("exits non-zero, naming the pages, on an import from outside the root or a broken link", async () => {
    const dir = copyProject();
    // Framework builds this page with exit 0 but ships "SyntaxError: non-local import" in it.
    writeFileSync(join(dir, "docs", "outside.md"), '# Outside\n\n```js\nimport {ROOT} from "../scripts/buildSteps.js";\n```\n');
    // Through the docs/lib symlink is local, and so are src/'s own .js imports of .ts files.
    writeFileSync(join(dir, "docs", "inside.md"), '# Inside\n\n```js\nimport {dateRange} from "./lib/core/calendar.js";\n```\n\n${dateRange().length}\n');
    // Framework only warns about a link to a page that does not exist.
    writeFileSync(join(dir, "docs", "links.md"), "# Links\n\n[Home](./index) and [nowhere](./no-such-page)\n");
    const result = await run(npm, ["run", "build"], {cwd: dir});
    expect(result.code, tail(result)).not.toBe(0);
    expect(result.stderr).toMatch(/error: dist\/outside\.html ships a build error: .*non-local import/);
    expect(result.stderr).toContain("error: dist/links.html: broken link ./no-such-page.html");
    expect(result.stderr).not.toContain("inside.html");
    const modules = listFiles(join(dir, "dist", "_import"));
    expect(modules.some((f) => /^lib\/core\/calendar\.\w+\.js$/.test(f)), modules.join(", ")).toBe(true);
    expect(modules.some((f) => /^lib\/core\/constants\.\w+\.js$/.test(f)), modules.join(", ")).toBe(true);
  });

  it("exits non-zero, naming the page, when a page loads more than the 10 MB budget", async () => {
    const dir = copyProject();
    writeFileSync(join(dir, "data-loaders", "heavy.bin.ts"), "process.stdout.write(new Uint8Array(11 * 1024 * 1024));\n");
    writeFileSync(join(dir, "docs", "heavy.md"), '# Heavy\n\n```js\nconst bytes = await FileAttachment("data/heavy.bin").arrayBuffer();\n```\n\n${bytes.byteLength}\n');
    // A page that only links the same file for download is within budget.
    writeFileSync(join(dir, "docs", "link.md"), '# Link\n\n<a href=${FileAttachment("data/heavy.bin").href} download>heavy</a>\n');
    const result = await run(npm, ["run", "build"], {cwd: dir});
    expect(result.code, tail(result)).not.toBe(0);
    expect(result.stderr).toMatch(/error: dist\/heavy\.html is over the 10\.0 MB page budget \(data 11\.0 MB/);
    expect(result.stderr).not.toContain("link.html");
  });
});
