/**
 * Privacy mode over the whole site, built as a platform builds it: the default world exported in the
 * import format without its ground truth (no attacks, rings or benign events; flags without their
 * truth columns), then `npm run build` with WORKBOOK_DATA and WORKBOOK_PRIVACY=1 in a copy of the
 * project. Every file of its dist/ (pages, modules, Arrow, CSV, JSON, whatever a loader wrote) is
 * scanned for the world's raw identifiers, for unkeyed hashes of them, and for counts from 1 to 10 in
 * country-level cells; tests/contracts/privacy.test.ts checks the published tables themselves, and this
 * catches a loader, page or module that bypasses them. Then every page is opened in Chromium: none has
 * an error cell, and the sections that need the missing ground truth say which columns would enable them.
 */
import {createHash} from "node:crypto";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, describe, expect, it} from "vitest";
import {parseConfig} from "../../src/config.js";
import {exportFiles} from "../../src/io/import/exportTables.js";
import {simulate} from "../../src/world/simulate.js";
import {buildTables} from "../../src/world/tables.js";
import {builtPages, startSite} from "../browser/site.js";
import {withoutGroundTruth} from "../support/groundTruth.js";
import {projectCopies} from "./project.js";
import {rawIdentifiers, scanCountryCells, scanIdentifiers} from "./privacyScan.js";
import {run, tail} from "./run.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const KEY = "build-test-key-not-a-secret-42";

describe("the privacy scans", () => {
  it("scanIdentifiers and scanCountryCells find planted raw ids, unkeyed hashes and small country cells", () => {
    const dir = mkdtempSync(join(tmpdir(), "workbook-scan-"));
    try {
      mkdirSync(join(dir, "_file"));
      const file = (name: string, text: string) => writeFileSync(join(dir, "_file", name), text);
      const digest = (algorithm: string, id: string) => createHash(algorithm).update(id).digest();
      file("a.json", JSON.stringify({rows: [{country: "Singapore", reports: 3, report_rate: 0.2}, {country: "Vietnam", reports: 0}, {country: "Vietnam", reports: null}], by: {Indonesia: 7, Thailand: 12}}));
      file("b.js", `const a = "xU0000042"; const b = "${digest("sha1", "D0000007").toString("hex").slice(0, 16)}";`);
      file("c.csv", "date,country,reports\n2025-03-01,Thailand,11\n2025-03-02,Thailand,9\n2025-03-03,Thailand,\n");
      file("d.html", `<p>${digest("md5", "100.0.42.0/24").toString("base64url")} and 100.0.42.0</p><p>x${digest("sha256", "P000123").toString("hex").toUpperCase()}</p>`);
      file("e.csv", "flag_id,country,reports\n1,Thailand,1\n"); // item-level rows are microdata, not a breakdown
      const ids = scanIdentifiers(dir, new Set(["U0000042", "D0000007", "P000123", "100.0.42.0/24", "U0000099"]));
      expect(ids.found.map((f) => f.replace(/ as .*/, "")).sort()).toEqual(
        ["_file/b.js: U0000042", "_file/b.js: sha1(D0000007)", "_file/d.html: 100.0.42.0", "_file/d.html: md5(100.0.42.0/24)", "_file/d.html: sha256(P000123)"].sort()
      );
      const cells = scanCountryCells(dir);
      expect(cells.small.sort()).toEqual(["_file/a.json .by Indonesia=7", "_file/a.json .rows[0] reports=3", "_file/c.csv line 3 reports=9"]);
      expect(cells.breakdowns.sort()).toEqual(["_file/a.json", "_file/c.csv"]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe("npm run build in privacy mode, from a platform's import without ground truth", () => {
  const copies = projectCopies();
  afterAll(() => copies.removeAll());
  let dist = "";

  it("publishes no raw identifier, no unkeyed hash of one and no country-level count from 1 to 10 in any file of dist/", async () => {
    const dir = copies.copy();
    // The world of this build, without privacy: every identifier it would publish.
    const config = parseConfig({});
    const tables = buildTables(simulate(config));
    const data = join(dir, "import");
    mkdirSync(data);
    for (const [name, text] of Object.entries(exportFiles(withoutGroundTruth(tables), {seed: config.seed, scale: config.scale}))) writeFileSync(join(data, name), text);
    const env: NodeJS.ProcessEnv = {...process.env, WORKBOOK_DATA: data, WORKBOOK_PRIVACY: "1", WORKBOOK_PSEUDONYM_KEY: KEY};
    const result = await run(npm, ["run", "build"], {cwd: dir, env});
    expect(result.code, tail(result)).toBe(0);
    expect(result.stdout).toContain("privacy mode (pseudonymised identifiers, suppressed small cells)");
    dist = join(dir, "dist");

    const ids = rawIdentifiers(tables);
    expect(ids.size).toBeGreaterThan(10_000);
    // Privacy mode is on: the published accounts are pseudonyms.
    const usersFile = readdirSync(join(dist, "_file", "data")).find((f) => /^users\.[0-9a-f]+\.arrow$/.test(f))!;
    const published = tableFromIPC(readFileSync(join(dist, "_file", "data", usersFile))).getChild("user_id")!.toArray() as string[];
    expect(published.length).toBeGreaterThan(1000);
    expect(published.every((u) => /^p_[\w-]{16}$/.test(u))).toBe(true);

    const scan = scanIdentifiers(dist, ids);
    console.log(`privacy build: ${scan.files} files of dist/ (${(scan.bytes / 1024 / 1024).toFixed(1)} MB) scanned for ${scan.identifiers} raw identifiers and the SHA-256/SHA-1/MD5 of ${scan.hashed}: ${scan.found.length} found`);
    expect(scan.files).toBeGreaterThan(100);
    expect(scan.found).toEqual([]);

    const cells = scanCountryCells(dist);
    console.log(`privacy build: ${cells.files} data files, ${cells.breakdowns.length} with country-level breakdowns (${cells.breakdowns.join(", ")}), ${cells.cells} count cells: ${cells.small.length} from 1 to 10`);
    expect(cells.breakdowns.some((f) => /daily_country\.[0-9a-f]+\.arrow$/.test(f))).toBe(true);
    expect(cells.small.slice(0, 20)).toEqual([]);
  }, 1_200_000);

  it("opens every page without an error cell, and each section that needs the missing truth says which columns", async () => {
    expect(dist, "the build above").not.toBe("");
    const site = await startSite({dist});
    const needs = async (path: string) => {
      const opened = await site.openPage(path);
      const found = await opened.page.$$eval(".needs-data", (cards) => cards.map((c) => (c as HTMLElement).dataset.needs ?? ""));
      return {opened, found};
    };
    try {
      const broken: string[] = [];
      for (const path of builtPages(dist)) {
        const opened = await site.openPage(path);
        for (const cell of await opened.errorCells()) broken.push(`${path}: ${cell.slice(0, 160)}`);
        await opened.close();
      }
      expect(broken).toEqual([]);
      const attacks = await needs("ops/attacks.html");
      expect(attacks.found.filter((n) => n.startsWith("attacks.attack_id")).length, "one card for the scores, the attack table and the day table").toBe(1);
      // Each section that would show scores points to that card instead of repeating it.
      const pointers = async (opened: typeof attacks.opened) => opened.page.$$eval("p.needs-pointer a", (links) => links.map((a) => a.getAttribute("href")));
      expect(await pointers(attacks.opened)).toEqual(["#attack-truth", "#attack-truth", "#attack-truth", "#attack-truth"]);
      expect(attacks.found).toContain("benign_events.event_id benign_events.signal benign_events.start_date benign_events.end_date");
      expect(await attacks.opened.page.locator("main").textContent()).not.toMatch(/\bNaN\b|False alarm \(FP\)/);
      await attacks.opened.close();
      const classifier = await needs("ops/classifier.html");
      // The drift section's card says what the truth would enable; calibration and auto-blocking point to it; the precision KPI card says it in a line.
      expect(classifier.found).toEqual(["flags.is_violation", "flags.is_violation"]);
      expect(await pointers(classifier.opened)).toEqual(["#violation-truth", "#violation-truth"]);
      await classifier.opened.close();
      const anomalies = await needs("anomalies.html");
      expect(anomalies.found, "the attack days card; the known events are the simulation's, exported").toEqual(["attacks.attack_id attacks.start_date attacks.end_date"]);
      await anomalies.opened.close();
      const flags = await needs("ops/flags.html");
      expect(flags.found).toEqual(["flags.coordinated"]);
      expect(await flags.opened.page.locator('[data-kpi="coordinated_share"] .big').textContent()).toBe("–");
      await flags.opened.close();
    } finally {
      await site.close();
    }
  }, 600_000);
});
