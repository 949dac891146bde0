/**
 * The round trip through a build: seed 7 exported in the import format (`npm run export`), then the
 * world cache written from those files (WORKBOOK_DATA) and from the simulation (WORKBOOK_SEED=7): every
 * file the loaders publish from (the 31 tables as Arrow and CSV, the derived JSON the pages read, the
 * science pipeline's outputs) is byte-identical, except the data-quality file, which names the source,
 * and the reviewers table, whose `speed` is a simulation parameter no platform has (null from an import;
 * no page reads it). Every page reads only these files (through the loaders), so every page shows the
 * same figures.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {writeWorld} from "../../data-loaders/_writeWorld.js";
import {parseConfig} from "../../src/config.js";
import {exportFiles} from "../../src/io/import/exportTables.js";
import {loadArrow, toRows} from "../../src/io/readArrow.js";
import {simulate} from "../../src/world/simulate.js";
import {buildTables} from "../../src/world/tables.js";


const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)).map((f) => join(name, f)) : [name])).sort();

describe("seed 7, built natively and from its export", () => {
  const root = mkdtempSync(join(tmpdir(), "workbook-roundtrip-build-"));
  const [exported, native, imported] = ["export", "native", "imported"].map((d) => join(root, d));
  const config = parseConfig({WORKBOOK_SEED: "7"});

  beforeAll(async () => {
    const tables = buildTables(simulate(config));
    mkdirSync(exported);
    for (const [name, text] of Object.entries(exportFiles(tables, {seed: 7, scale: 1}))) writeFileSync(join(exported, name), text);
    await writeWorld(config, {}, native, {source: {kind: "simulation"}, rejects: "stop"});
    await writeWorld(config, {}, imported, {source: {kind: "files", dir: exported}, rejects: "stop"});
  }, 600_000);
  afterAll(() => rmSync(root, {recursive: true, force: true}));

  it("writes the same files", () => {
    expect(files(imported)).toEqual(files(native));
    expect(files(native).length).toBeGreaterThan(60);
  });

  it("writes every file byte for byte the same, but the data-quality file and the reviewers' speed", async () => {
    const differ = files(native).filter((f) => !readFileSync(join(native, f)).equals(readFileSync(join(imported, f))));
    expect(differ).toEqual(["data_quality.json", "reviewers.arrow", "reviewers.csv"]);
    const reviewers = async (dir: string) => toRows(await loadArrow(readFileSync(join(dir, "reviewers.arrow")), "reviewers"));
    const [a, b] = [await reviewers(native), await reviewers(imported)];
    expect(b.map(({speed, ...rest}) => rest)).toEqual(a.map(({speed, ...rest}) => rest));
    expect(new Set(b.map((r) => r.speed))).toEqual(new Set([null]));
    const quality = (dir: string) => JSON.parse(readFileSync(join(dir, "data_quality.json"), "utf8"));
    expect(quality(imported).source).toEqual({kind: "files", label: "export"});
    expect(quality(imported).totals).toEqual({...quality(native).totals, warnings: 0});
  });
});
