/**
 * The round trip, table by table: seed 7's published tables exported in the import format (`npm run
 * export`'s CSV files), read back by the folder reader, validated and assembled, equal the published
 * tables the simulation builds, every column of every table. (tests/build/roundTrip.test.ts goes on to
 * every file a build derives from them, from the files and from a real PostgreSQL server.)
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readImportFolder} from "../../../../data-loaders/_importFiles.js";
import {dateRange} from "../../../../src/core/calendar.js";
import {SCHEMAS, type TableName} from "../../../../src/io/contracts.js";
import {IMPORT_TABLES} from "../../../../src/io/import/contract.js";
import {exportFiles, exportTables} from "../../../../src/io/import/exportTables.js";
import {absentColumns} from "../../../../src/io/import/quality.js";
import {checkTable, rowCount, type Columns} from "../../../../src/io/schema.js";
import {validateImport, type ImportResult} from "../../../../src/io/import/validate.js";
import {assembleTables} from "../../../../src/world/fromImport/assemble.js";
import {FLAG_TRUTH, TRUTH_TABLES, withoutGroundTruth} from "../../../support/groundTruth.js";
import {sharedTables} from "../../../support/sharedWorlds.js";

/** Columns as plain arrays, null where a value is null (NaN in a numeric column, as src/io/schema.ts has it: the Arrow file holds null). */
const plain = (columns: Record<string, ArrayLike<unknown>>) => Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Array.from(v, (x) => (typeof x === "number" && Number.isNaN(x) ? null : x))]));

/** Simulation parameters no platform has: published null from an import, and read by no page. */
const PARAMETERS: Partial<Record<TableName, string>> = {reviewers: "speed"};

describe("seed 7 through its export files and back", () => {
  const tables = sharedTables({seed: 7, scale: 1});
  const dir = mkdtempSync(join(tmpdir(), "workbook-roundtrip-"));
  let result: ImportResult;
  let assembled: ReturnType<typeof assembleTables>;
  let given: Record<string, Columns>;

  beforeAll(async () => {
    for (const [name, text] of Object.entries(exportFiles(tables, {seed: 7, scale: 1}))) writeFileSync(join(dir, name), text);
    const back = await readImportFolder(dir);
    result = validateImport(back.raws, {mapping: back.mapping, problems: back.problems});
    given = Object.fromEntries(result.tables.map((t) => [t.table, t.accepted]));
    assembled = assembleTables(given, dateRange());
  }, 240_000);
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("writes one file per import table, as the manifest lists them, and the load script", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest.tables.map((t: {table: string}) => t.table)).toEqual(IMPORT_TABLES.map((t) => t.name));
    expect(manifest.tables.map((t: {table: string; rows: number}) => [t.table, t.rows])).toEqual(result.tables.map((t) => [t.table, t.read]));
    expect(readFileSync(join(dir, "load.sql"), "utf8")).toContain("\\copy");
  });

  it("reads every row of every table, with no finding at all", () => {
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.tables).toHaveLength(IMPORT_TABLES.length);
    for (const t of result.tables) expect({table: t.table, accepted: t.acceptedRows.length, rejected: t.rejected.length}).toEqual({table: t.table, accepted: t.read, rejected: 0});
  });

  it("lets go of its own copy of the imported flag columns once the flag tables are built, not of the caller's", () => {
    expect(assembled.moderator_sessions.session_id.length).toBeGreaterThan(0);
    expect(Object.keys(given.flags)).toEqual(result.tables.find((t) => t.table === "flags")!.columns);
  });

  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    it(`assembles ${name} equal to the simulation's${PARAMETERS[name] ? ` (but ${PARAMETERS[name]}, a simulation parameter, null)` : ""}`, () => {
      const native = plain(tables[name]);
      const built = plain(assembled[name]);
      expect(Object.keys(built)).toEqual(Object.keys(native));
      expect(native[Object.keys(native)[0]].length, "a table with rows").toBeGreaterThan(0);
      for (const column of Object.keys(native).filter((c) => c !== PARAMETERS[name])) expect({column, values: built[column]}).toEqual({column, values: native[column]});
      // Null: NaN in a float column, null in the Arrow file.
      if (PARAMETERS[name]) expect(built[PARAMETERS[name]!].every((v) => v === null || Number.isNaN(v))).toBe(true);
    });
  }
});

describe("seed 7 without its ground truth: no attacks, rings or benign events, and flags without their truth columns", () => {
  const tables = sharedTables({seed: 7, scale: 1});
  const supplied = exportTables(withoutGroundTruth(tables));
  const assembled = assembleTables(supplied, dateRange());

  it("lists what the data lacks: every column of the three truth tables and the flags' three truth columns", () => {
    const absent = absentColumns({tables: Object.entries(supplied).map(([table, accepted]) => ({table, columns: Object.keys(accepted)}) as ImportResult["tables"][number])});
    expect(absent.filter((c) => c.startsWith("flags."))).toEqual(FLAG_TRUTH.map((c) => `flags.${c}`));
    expect(new Set(absent.map((c) => c.split(".")[0]))).toEqual(new Set(["flags", ...TRUTH_TABLES]));
  });

  it("publishes no attacks and no benign events, and the flags' truth as null, every table within its contract", () => {
    expect(rowCount(assembled.attacks)).toBe(0);
    expect(rowCount(assembled.benign_events)).toBe(0);
    for (const c of FLAG_TRUTH) expect(new Set(Array.from(assembled.flags[c] as ArrayLike<unknown>)), c).toEqual(new Set([null]));
    for (const name of Object.keys(SCHEMAS) as TableName[]) expect(checkTable(SCHEMAS[name], assembled[name], assembled), name).toEqual([]);
  });

  it("knows the rings from the accounts' ring_id: each ring the users name, with its accounts", () => {
    const native = plain(tables.rings);
    const named = new Set(Array.from(tables.users.ring_id as ArrayLike<string | null>).filter((r) => r !== null));
    const rings = plain(assembled.rings);
    expect(rings.ring_id).toEqual([...named].sort());
    const accounts = new Map(native.ring_id.map((id, i) => [id, native.accounts[i]]));
    expect(rings.ring_id.map((id) => accounts.get(id))).toEqual(rings.accounts);
    expect(new Set(rings.purpose)).toEqual(new Set([null]));
  });
});
