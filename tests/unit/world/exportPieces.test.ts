import {describe, expect, it} from "vitest";
import {IMPORT_TABLES} from "../../../src/io/import/contract.js";
import {drainCsv, exportCsv, exportFiles, type PublishedPieces} from "../../../src/io/import/exportTables.js";
import {exportPieces, indexPieces} from "../../../src/world/exportPieces.js";
import {buildTables} from "../../../src/world/tables.js";
import {sharedTables, sharedWorld} from "../../support/sharedWorlds.js";

/** An export's CSV files in memory, by table (exportCsv drained), written in chunks of 5,000 rows. */
function csvFiles(pieces: PublishedPieces, tables = IMPORT_TABLES): Record<string, string> {
  const texts: Record<string, string[]> = {};
  drainCsv(exportCsv(pieces, 5000, tables), {write: (table, text) => (texts[table] ??= []).push(text), end: () => {}});
  return Object.fromEntries(Object.entries(texts).map(([table, parts]) => [table, parts.join("")]));
}

describe("indexPieces(n, size, build)", () => {
  it("builds the indexes 0..n-1 in runs of at most size, and one empty run when n is 0", () => {
    expect(Array.from(indexPieces(5, 2, (rows) => ({i: rows})))).toEqual([{i: [0, 1]}, {i: [2, 3]}, {i: [4]}]);
    expect(Array.from(indexPieces(0, 2, (rows) => ({i: rows})))).toEqual([{i: []}]);
    expect(() => Array.from(indexPieces(5, 0, (rows) => ({i: rows})))).toThrow("size must be a positive integer, not 0");
  });
});

describe("exportPieces(world): every row of the tables an export writes", () => {
  const world = sharedWorld({seed: 7, scale: 1});

  it("gives every published table that an import table takes", () => {
    expect(Object.keys(exportPieces(world)).sort()).toEqual([...new Set(IMPORT_TABLES.map((t) => t.published))].sort());
  });

  it("up to scale 4, in pieces, writes the files of the published tables themselves", () => {
    const published = exportFiles(sharedTables({seed: 7, scale: 1}), {seed: 7, scale: 1});
    const pieced = csvFiles(exportPieces(world, 20_000));
    expect(Object.keys(pieced)).toEqual(IMPORT_TABLES.map((t) => t.name));
    for (const [table, text] of Object.entries(pieced)) expect({table, same: text === published[`${table}.csv`]}).toEqual({table, same: true});
  });

  it("above scale 4, where the published flags, accounts and sessions are a sample, still writes every row of them", () => {
    // The same world said to be at scale 140: its published item-level tables keep 4 in 140 rows.
    const large = {...world, scale: 140};
    const sample = buildTables(large);
    expect(sample.flags.flag_id.length).toBeLessThan(world.flags.length / 20);
    expect(sample.users.user_id.length).toBeLessThan(world.users.length);
    expect(sample.moderator_sessions.session_id.length).toBeLessThan(world.sessions.sessions.length / 20);
    const sampled = ["flags", "appeals", "dsa_decisions", "snippets", "users", "moderator_sessions", "session_items", "idle_periods"];
    const tables = IMPORT_TABLES.filter((t) => sampled.includes(t.name));
    const full = csvFiles(exportPieces(world), tables);
    const exported = csvFiles(exportPieces(large), tables);
    expect(Object.keys(exported).sort()).toEqual([...sampled].sort());
    for (const table of sampled) expect({table, same: exported[table] === full[table]}).toEqual({table, same: true});
    expect(exported.flags.split("\r\n").length - 2).toBe(world.flags.length);
  });
});
