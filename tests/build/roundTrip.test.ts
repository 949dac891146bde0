/**
 * The round trip through a build: seed 7 exported in the import format (`npm run export`), then the
 * world cache written from the simulation (WORKBOOK_SEED=7), from those files (WORKBOOK_DATA) and from a
 * real PostgreSQL server the export's load.sql filled (WORKBOOK_DATABASE_URL, WORKBOOK_SCHEMA): every
 * file the loaders publish from (the 31 tables as Arrow and CSV, the derived JSON the pages read, the
 * science pipeline's outputs) is byte-identical, except the data-quality file, which names the source,
 * and the reviewers table, whose `speed` is a simulation parameter no platform has (null from an import;
 * no page reads it). Every page reads only these files (through the loaders), so every page shows the
 * same figures.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {writeWorld} from "../../data-loaders/_writeWorld.js";
import {parseConfig} from "../../src/config.js";
import {EXPORT_SCHEMA, exportFiles} from "../../src/io/import/exportTables.js";
import {loadArrow, toRows} from "../../src/io/readArrow.js";
import {simulate} from "../../src/world/simulate.js";
import {buildTables} from "../../src/world/tables.js";
import {postgresBinDir, startPostgres, type PostgresServer} from "../support/postgres.js";


const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)).map((f) => join(name, f)) : [name])).sort();

describe("seed 7, built natively and from its export", () => {
  const root = mkdtempSync(join(tmpdir(), "workbook-roundtrip-build-"));
  const [exported, native, imported, database] = ["export", "native", "imported", "database"].map((d) => join(root, d));
  let server: PostgresServer | undefined;
  const config = parseConfig({WORKBOOK_SEED: "7"});

  beforeAll(async () => {
    const tables = buildTables(simulate(config));
    mkdirSync(exported);
    for (const [name, text] of Object.entries(exportFiles(tables, {seed: 7, scale: 1}))) writeFileSync(join(exported, name), text);
    await writeWorld(config, {}, native, {source: {kind: "simulation"}, rejects: "stop"});
    await writeWorld(config, {}, imported, {source: {kind: "files", dir: exported}, rejects: "stop"});
    // Loaded as a platform would load it: psql runs the export's own load.sql in its folder.
    server = await startPostgres();
    await promisify(execFile)(join(postgresBinDir(), "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server.url, "-f", "load.sql"], {cwd: exported});
    await writeWorld(config, {}, database, {source: {kind: "database", url: server.url, schema: EXPORT_SCHEMA}, rejects: "stop"});
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(root, {recursive: true, force: true});
  });

  it("writes the same files from the simulation, the files and the database", () => {
    expect(files(native).length).toBeGreaterThan(60);
    expect(files(imported)).toEqual(files(native));
    expect(files(database)).toEqual(files(native));
  });

  const reviewers = async (dir: string) => toRows(await loadArrow(readFileSync(join(dir, "reviewers.arrow")), "reviewers"));
  const quality = (dir: string) => JSON.parse(readFileSync(join(dir, "data_quality.json"), "utf8"));

  /**
   * A database has no row order: the reader reads each table in key order, so the two small tables whose
   * published order is not their key's (benign events in scenario order, monthly actives in the
   * country list's order) come back with the same rows in another order.
   */
  const UNORDERED: Record<string, readonly string[]> = {files: [], database: ["benign_events", "monthly_active"]};
  const rows = async (dir: string, table: string) => toRows(await loadArrow(readFileSync(join(dir, `${table}.arrow`)), table)).map((r) => JSON.stringify(r)).sort();

  for (const [label, dir, source] of [["files", imported, {kind: "files", label: "export"}], ["database", database, {kind: "database", label: EXPORT_SCHEMA}]] as const) {
    it(`from the ${label}: every file byte for byte the simulation's, but the data-quality file and the reviewers' speed${UNORDERED[label].length ? " (and two tables' row order)" : ""}`, async () => {
      const unordered = (f: string) => UNORDERED[label].includes(f.replace(/\.(arrow|csv)$/, ""));
      const differ = files(native).filter((f) => !readFileSync(join(native, f)).equals(readFileSync(join(dir, f))));
      expect(differ.filter((f) => !unordered(f))).toEqual(["data_quality.json", "reviewers.arrow", "reviewers.csv"]);
      for (const table of UNORDERED[label]) expect(await rows(dir, table), table).toEqual(await rows(native, table));
      const [a, b] = [await reviewers(native), await reviewers(dir)];
      expect(b.map(({speed, ...rest}) => rest)).toEqual(a.map(({speed, ...rest}) => rest));
      expect(new Set(b.map((r) => r.speed))).toEqual(new Set([null]));
      expect(quality(dir).source).toEqual(source);
      expect(quality(dir).totals).toEqual({...quality(native).totals, warnings: 0});
    });
  }
});
