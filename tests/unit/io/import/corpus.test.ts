/**
 * The malformed-input corpus of #20: each case is a folder of import files (the contract's examples,
 * one of them broken), read by DuckDB (data-loaders/_importFiles.ts) and validated in both modes. Each
 * case names the findings it must produce, exactly; for every case and mode, every table keeps
 * read = accepted + rejected, and every offending value in a finding is inert.
 */
import {mkdtempSync, rmSync, truncateSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {importFolder, readImportFolder} from "../../../../data-loaders/_importFiles.js";
import {IMPORT_TABLES, importTable} from "../../../../src/io/import/contract.js";
import {isError, type Finding} from "../../../../src/io/import/findings.js";
import {onRow, validateImport, type ImportResult} from "../../../../src/io/import/validate.js";

type Rows = Record<string, string>[];
type Files = Record<string, string | Uint8Array | null>;

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** CSV text of rows with the given header (default: every key of every row, in order seen). */
function csv(rows: Rows, header = [...new Set(rows.flatMap((r) => Object.keys(r)))], eol = "\n"): string {
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? ""))].map((cells) => cells.map(field).join(",")).join(eol) + eol;
}

const example = (table: string): Rows => importTable(table).example.map((r) => ({...r}));
/** The valid export: every table's example, as CSV. */
const BASE: Files = Object.fromEntries(IMPORT_TABLES.map((t) => [`${t.name}.csv`, csv(example(t.name))]));

const FLAG3 = {flag_id: "3", ts: "2025-03-02T10:00:00Z", country: "Thailand", category: "nudity", source: "user", severity: "medium", route: "human_review", action: "removal", decided_ts: "2025-03-02T12:00:00Z", ml_score: "0.8", reviewer_id: "R03", actor_id: "u17"};
/** flags.csv with a third row (line 4) changed by `over`. */
const flags3 = (over: Record<string, string> = {}, header?: string[]) => ({"flags.csv": csv([...example("flags"), {...FLAG3, ...over}], header)});
const reviewers = (over: Record<string, string>) => ({"reviewers.csv": csv([...example("reviewers"), {reviewer_id: "R04", hub: "Lagos", shift_start_hour: "8", shift_hours: "8", workdays: "Mon-Fri", first_day: "2025-03-01", ...over}])});
const snippet = (text: string) => ({"snippets.csv": csv([...example("snippets"), {flag_id: "1", snippet: text}])});

const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const FLAG_HEADER = Object.keys(example("flags")[1]);
const SQL_TYPES = {int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMPTZ", string: "VARCHAR"};

interface Case {
  name: string;
  files: Files;
  /** Parquet files to write from the case's CSV of the same table (then the CSV is removed). */
  parquet?: {table: string; naive?: boolean; truncate?: number}[];
  /** The findings, each `table:where:column:rule` (where: row, L<line> for a record the parser rejected, - for the file). */
  expect: string[];
  /** Rejected rows per table (quarantine). */
  rejected?: Record<string, number>;
  check?: (result: ImportResult) => void;
}

/** An accepted column as a plain array (numeric columns without nulls are Float64Arrays), or undefined. */
const accepted = (r: ImportResult, table: string, column: string) => {
  const values = r.tables.find((t) => t.table === table)!.accepted[column];
  return values && Array.from(values as ArrayLike<unknown>);
};

const CASES: Case[] = [
  {name: "a valid export (the contract's examples)", files: {}, expect: []},
  {name: "a valid export as Parquet", files: {}, parquet: IMPORT_TABLES.map((t) => ({table: t.name})), expect: [], check: (r) => expect(accepted(r, "flags", "ts")).toEqual([Date.UTC(2025, 2, 1, 8, 15), Date.UTC(2025, 2, 1, 9, 40, 12)])},
  {name: "CRLF line ends", files: {"flags.csv": csv(example("flags"), undefined, "\r\n")}, expect: [], check: (r) => expect(accepted(r, "flags", "decided_ts")).toHaveLength(2)},
  {name: "a UTF-8 byte order mark", files: {"flags.csv": `\ufeff${csv(example("flags"))}`}, expect: ["flags:-:*:byte order mark"], check: (r) => expect(accepted(r, "flags", "flag_id")).toEqual([1, 2])},
  {name: "a UTF-16 file (wrong encoding)", files: {"reviewers.csv": Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(example("reviewers")), "utf16le")]))}, expect: ["reviewers:-:*:invalid encoding", "flags:-:reviewer_id:unchecked reference", "moderator_sessions:-:reviewer_id:unchecked reference"]},
  {name: "Latin-1 bytes in a row (wrong encoding)", files: {"reviewers.csv": latin1(csv([...example("reviewers"), {reviewer_id: "R04", hub: "São Paulo"}]))}, expect: ["reviewers:L3:*:invalid encoding"], rejected: {reviewers: 1}},
  {name: "Latin-1 bytes in the header (wrong encoding)", files: {"users.csv": latin1(csv(example("users")).replace("user_id", "usér_id"))}, expect: ["users:-:*:invalid encoding", "flags:-:actor_id:unchecked reference", "events:-:user_id:unchecked reference", "cohort:-:user_id:unchecked reference"]},
  {name: "a missing required column", files: flags3({}, FLAG_HEADER.filter((h) => h !== "severity")), expect: ["flags:-:severity:missing column"]},
  {name: "a missing optional column", files: flags3({}, FLAG_HEADER.filter((h) => h !== "ml_score")), expect: [], check: (r) => expect(accepted(r, "flags", "ml_score")).toBeUndefined()},
  {name: "an extra column", files: flags3({notes: "x"}, [...FLAG_HEADER, "notes"]), expect: ["flags:-:\"notes\":unknown column"]},
  {name: "a hostile column name", files: flags3({"=cmd|' /c calc'!A1": "x"}, [...FLAG_HEADER, "=cmd|' /c calc'!A1"]), expect: ["flags:-:\"=cmd|' /c calc'!A1\":unknown column"]},
  {name: "a hostile file name", files: {"<img src=x onerror=alert(1)>.csv": "a\n1\n"}, expect: ["folder:-:*:unknown file"], check: (r) => expect(r.findings[0].file).toBeUndefined()},
  {name: "a derived column supplied", files: flags3({tta_hours: "2"}, [...FLAG_HEADER, "tta_hours"]), expect: ["flags:-:tta_hours:derived column"]},
  {name: "a column named twice", files: {"reviewers.csv": "reviewer_id,hub,hub\nR03,Manila,Manila\n"}, expect: ["reviewers:-:hub:duplicate column"]},
  {name: "a decimal in an integer column", files: flags3({flag_id: "3.0"}), expect: ["flags:3:flag_id:wrong type"], rejected: {flags: 1}},
  {name: "text in a number column", files: flags3({ml_score: "high"}), expect: ["flags:3:ml_score:wrong type"]},
  {name: "yes in a boolean column", files: {"appeals.csv": csv([{flag_id: "2", appeal_ts: "2025-03-02T10:00:00Z", overturned: "yes"}])}, expect: ["appeals:1:overturned:wrong type"]},
  {name: "a US date in a date column", files: reviewers({first_day: "03/01/2025"}), expect: ["reviewers:2:first_day:wrong type"]},
  {name: "an epoch number in a timestamp column", files: flags3({ts: "1740909600000"}), expect: ["flags:3:ts:wrong type"]},
  {name: "an impossible date in a timestamp", files: flags3({ts: "2025-02-30T10:00:00Z"}), expect: ["flags:3:ts:impossible date"]},
  {name: "an impossible time in a timestamp", files: flags3({decided_ts: "2025-03-02T25:00:00Z"}), expect: ["flags:3:decided_ts:impossible date"]},
  {name: "an impossible date in a date column", files: reviewers({first_day: "2025-04-31"}), expect: ["reviewers:2:first_day:impossible date"]},
  {name: "a timestamp with a +08:00 offset", files: flags3({ts: "2025-03-02T18:00:00+08:00"}), expect: ["flags:3:ts:non-UTC timestamp"]},
  {name: "a timestamp without an offset", files: flags3({ts: "2025-03-02 10:00:00"}), expect: ["flags:3:ts:non-UTC timestamp"]},
  {name: "a Parquet timestamp without a time zone", files: {}, parquet: [{table: "flags", naive: true}], expect: ["flags:1:ts:non-UTC timestamp", "flags:1:decided_ts:non-UTC timestamp", "flags:2:ts:non-UTC timestamp", "flags:2:decided_ts:non-UTC timestamp", "flags:2:opened_ts:non-UTC timestamp", "appeals:1:flag_id:rejected reference", "session_items:1:flag_id:rejected reference", "snippets:1:flag_id:rejected reference", "dsa_decisions:1:flag_id:rejected reference"]},
  {name: "an unknown category", files: flags3({category: "Hate speech"}), expect: ["flags:3:category:unknown value"]},
  {name: "an unknown category the mapping file maps", files: {...flags3({category: "Hate speech"}), "mapping.json": JSON.stringify({category: {"Hate speech": "harassment_hate"}})}, expect: [], check: (r) => expect(accepted(r, "flags", "category")).toEqual(["spam", "harassment_hate", "harassment_hate"])},
  {name: "an unknown source", files: flags3({source: "moderator"}), expect: ["flags:3:source:unknown value"]},
  {name: "an unknown severity", files: flags3({severity: "P1"}), expect: ["flags:3:severity:unknown value"]},
  {name: "an unknown action", files: flags3({action: "ban"}), expect: ["flags:3:action:unknown value"]},
  {name: "a value in the wrong case", files: flags3({category: "Spam"}), expect: ["flags:3:category:unknown value"]},
  {name: "a mapping to a value the contract does not accept", files: {"mapping.json": JSON.stringify({category: {Scam: "fraud"}})}, expect: ["mapping:-:*:invalid mapping"]},
  {name: "a mapping file that is not JSON", files: {"mapping.json": "{category: Scam}"}, expect: ["mapping:-:*:invalid mapping"]},
  {name: "a score above its range", files: flags3({ml_score: "1.5"}), expect: ["flags:3:ml_score:out of range"]},
  {name: "an empty required value", files: flags3({category: ""}), expect: ["flags:3:category:missing value"]},
  {name: "a decision before its flag was raised", files: flags3({decided_ts: "2025-03-02T09:00:00Z"}), expect: ["flags:3:decided_ts:out of order"], rejected: {flags: 1}},
  {name: "a case opened after its decision", files: flags3({opened_ts: "2025-03-02T13:00:00Z"}), expect: ["flags:3:decided_ts:out of order"], rejected: {flags: 1}},
  {name: "a session that ends before it starts", files: {"moderator_sessions.csv": csv([{...example("moderator_sessions")[0], end_ts: "2025-03-01T08:00:00Z"}])}, expect: ["moderator_sessions:1:end_ts:out of order", "session_items:1:session_id:rejected reference", "session_items:2:session_id:rejected reference", "idle_periods:1:session_id:rejected reference"], rejected: {moderator_sessions: 1, session_items: 2, idle_periods: 1}},
  {name: "a duplicate key", files: flags3({flag_id: "1"}), expect: ["flags:1:flag_id:duplicate key", "flags:3:flag_id:duplicate key"], rejected: {flags: 2}},
  {
    name: "typed Parquet columns: a duplicate key, a score out of range and times out of order, named as in text",
    files: flags3({flag_id: "1", ml_score: "1.5", decided_ts: "2025-03-02T09:00:00Z"}), parquet: [{table: "flags"}],
    expect: ["flags:1:flag_id:duplicate key", "flags:3:flag_id:duplicate key", "flags:3:ml_score:out of range", "flags:3:decided_ts:out of order"], rejected: {flags: 2},
    // The rejects file shows a typed row as text: its timestamps in ISO 8601 UTC, read again from the file.
    check: (r) => expect(r.tables[0].rejected.map((x) => [x.row, (x.values as Record<string, string>).ts, (x.values as Record<string, string>).ml_score])).toEqual([[1, "2025-03-01T08:15:00.000Z", "0.97"], [3, "2025-03-02T10:00:00.000Z", "1.5"]])
  },
  {name: "a duplicate composite key", files: {"session_items.csv": csv([...example("session_items"), {...example("session_items")[1], content_id: "903"}])}, expect: ["session_items:2:session_id, item_index:duplicate key", "session_items:3:session_id, item_index:duplicate key"]},
  {name: "a broken reference to a reviewer", files: flags3({reviewer_id: "R99"}), expect: ["flags:3:reviewer_id:broken reference"]},
  {name: "a broken reference to a flag", files: {"appeals.csv": csv([...example("appeals"), {flag_id: "99", appeal_ts: "2025-03-03T00:00:00Z", overturned: "true"}])}, expect: ["appeals:2:flag_id:broken reference"]},
  {name: "a reference to a rejected row", files: {"flags.csv": csv(example("flags").map((r) => (r.flag_id === "2" ? {...r, severity: "urgent"} : r)))}, expect: ["flags:2:severity:unknown value", "appeals:1:flag_id:rejected reference", "session_items:1:flag_id:rejected reference", "snippets:1:flag_id:rejected reference", "dsa_decisions:1:flag_id:rejected reference"], rejected: {flags: 1, appeals: 1, session_items: 1, snippets: 1, dsa_decisions: 1}},
  {name: "an empty file", files: {"flags.csv": ""}, expect: ["flags:-:*:empty file", "appeals:-:flag_id:unchecked reference", "session_items:-:flag_id:unchecked reference", "snippets:-:flag_id:unchecked reference", "dsa_decisions:-:flag_id:unchecked reference"]},
  {name: "a required table with a header only", files: {"flags.csv": `${FLAG_HEADER.join(",")}\n`}, expect: ["flags:-:*:no rows", "appeals:1:flag_id:broken reference", "session_items:1:flag_id:broken reference", "snippets:1:flag_id:broken reference", "dsa_decisions:1:flag_id:broken reference"]},
  {name: "an optional table with a header only", files: {"appeals.csv": "flag_id,appeal_ts,overturned\r\n"}, expect: ["appeals:-:*:no rows"]},
  {name: "a missing required table", files: {"flags.csv": null}, expect: ["flags:-:*:missing table", "appeals:-:flag_id:unchecked reference", "session_items:-:flag_id:unchecked reference", "snippets:-:flag_id:unchecked reference", "dsa_decisions:-:flag_id:unchecked reference"]},
  {name: "a table as both CSV and Parquet", files: {"flags.parquet": "not read"}, expect: ["flags:-:*:ambiguous table", "appeals:-:flag_id:unchecked reference", "session_items:-:flag_id:unchecked reference", "snippets:-:flag_id:unchecked reference", "dsa_decisions:-:flag_id:unchecked reference"]},
  {name: "a file that is not a table", files: {"flagz.csv": "a\n1\n"}, expect: ["folder:-:*:unknown file"]},
  {name: "a quoted delimiter and doubled quotes inside fields", files: reviewers({hub: 'São Paulo, "Hub" B'}), expect: [], check: (r) => expect(accepted(r, "reviewers", "hub")).toEqual(["Manila", 'São Paulo, "Hub" B'])},
  {name: "an unquoted delimiter inside a field", files: {"reviewers.csv": `${csv(example("reviewers"))}R04,Lagos, NG,8,8,Mon-Fri,2025-03-01\n`}, expect: ["reviewers:L3:*:wrong field count"], rejected: {reviewers: 1}},
  {name: "a row with too few fields", files: {"reviewers.csv": `${csv(example("reviewers"))}R04,Lagos\n`}, expect: ["reviewers:L3:*:wrong field count"]},
  {name: "an unclosed quote", files: {"reviewers.csv": `${csv(example("reviewers"))}R04,"Lagos,8,8,Mon-Fri,2025-03-01\n`}, expect: ["reviewers:L3:*:malformed quoting"]},
  {name: "an unclosed quote before more rows", files: {"reviewers.csv": `${csv(example("reviewers"))}R04,"Lagos,8,8,Mon-Fri,2025-03-01\nR05,Pune,8,8,Mon-Fri,2025-03-01\n`}, expect: ["reviewers:L3:*:malformed quoting"], rejected: {reviewers: 1}},
  {name: "a quote inside an unquoted field is kept as text", files: {"reviewers.csv": `${csv(example("reviewers"))}R04,Sing"apore,8,8,Mon-Fri,2025-03-01\n`}, expect: [], check: (r) => expect(accepted(r, "reviewers", "hub")).toEqual(["Manila", 'Sing"apore'])},
  {name: "a line end inside a quoted field, then a bad row", files: {"snippets.csv": csv([...example("snippets"), {flag_id: "1", snippet: "line one\nline two"}, {flag_id: "x", snippet: "ok"}])}, expect: ["snippets:3:flag_id:wrong type"], check: (r) => expect(r.findings[0].line).toBe(5)},
  {name: "a very long text", files: snippet("spam ".repeat(1001)), expect: ["snippets:2:snippet:too long"]},
  {name: "a very long identifier", files: flags3({reviewer_id: "R".repeat(201)}), expect: ["flags:3:reviewer_id:too long"]},
  {name: "a formula in an integer column", files: flags3({flag_id: '=HYPERLINK("http://x","3")'}), expect: ["flags:3:flag_id:wrong type"]},
  {name: "a formula and a minus in a number column", files: {"flags.csv": csv([...example("flags"), {...FLAG3, ml_score: "@SUM(1)"}, {...FLAG3, flag_id: "4", ml_score: "-0.5"}])}, expect: ["flags:3:ml_score:wrong type", "flags:4:ml_score:out of range"]},
  {name: "a script tag in a category", files: flags3({category: "<script>alert(1)</script>"}), expect: ["flags:3:category:unknown value"]},
  {name: "a bidi override in a category", files: flags3({category: "spam\u202eevil"}), expect: ["flags:3:category:unknown value"]},
  {name: "hostile text in a text column is kept as it is", files: snippet('=cmd|"/c calc"!A1 <script>alert(1)</script>'), expect: [], check: (r) => expect(accepted(r, "snippets", "snippet")[1]).toBe('=cmd|"/c calc"!A1 <script>alert(1)</script>')},
  {name: "a truncated Parquet file", files: {}, parquet: [{table: "flags", truncate: 100}], expect: ["flags:-:*:corrupt parquet", "appeals:-:flag_id:unchecked reference", "session_items:-:flag_id:unchecked reference", "snippets:-:flag_id:unchecked reference", "dsa_decisions:-:flag_id:unchecked reference"]},
  {name: "an empty Parquet file", files: {"flags.csv": null, "flags.parquet": ""}, expect: ["flags:-:*:empty file", "appeals:-:flag_id:unchecked reference", "session_items:-:flag_id:unchecked reference", "snippets:-:flag_id:unchecked reference", "dsa_decisions:-:flag_id:unchecked reference"]}
];

const key = (f: Finding) => `${f.table}:${f.row ?? (f.line !== undefined ? `L${f.line}` : "-")}:${f.column}:${f.rule}`;

let root: string;
let db: DuckDBInstance;
let connection: DuckDBConnection;

/** Writes table.parquet from table.csv, each column cast to its contract type (timestamps without a zone when naive). */
async function writeParquet(dir: string, table: string, naive = false): Promise<void> {
  const t = importTable(table);
  const header = csv(example(table)).split("\n")[0].split(",");
  const columns = `{${header.map((h) => `'${h}': 'VARCHAR'`).join(", ")}}`;
  const casts = header.map((h) => {
    const type = t.columns.find((c) => c.name === h)!.type;
    return `CAST(NULLIF("${h}", '') AS ${type === "timestamp" && naive ? "TIMESTAMP" : SQL_TYPES[type]}) AS "${h}"`;
  });
  await connection.run(`COPY (SELECT ${casts.join(", ")} FROM read_csv('${join(dir, `${table}.csv`)}', columns=${columns}, header=true, auto_detect=false)) TO '${join(dir, `${table}.parquet`)}' (FORMAT parquet)`);
  rmSync(join(dir, `${table}.csv`));
}

async function folder(c: Case, i: number): Promise<string> {
  const dir = join(root, String(i));
  rmSync(dir, {recursive: true, force: true});
  (await import("node:fs")).mkdirSync(dir);
  for (const [name, content] of Object.entries({...BASE, ...c.files})) if (content !== null) writeFileSync(join(dir, name), content);
  for (const p of c.parquet ?? []) {
    await writeParquet(dir, p.table, p.naive);
    if (p.truncate) truncateSync(join(dir, `${p.table}.parquet`), p.truncate);
  }
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "import-corpus-"));
  db = await DuckDBInstance.create(":memory:", {threads: "1"});
  connection = await db.connect();
});
afterAll(() => {
  connection?.closeSync();
  db?.closeSync();
  rmSync(root, {recursive: true, force: true});
});

describe("importFolder(dir, options)", () => {
  it("reads and validates a folder in one call, with its own database", async () => {
    const dir = await folder({name: "valid", files: flags3({category: "Hate speech"}), expect: []}, 999);
    const stop = await importFolder(dir);
    expect([stop.ok, stop.findings.map(key)]).toEqual([false, ["flags:3:category:unknown value"]]);
    const quarantine = await importFolder(dir, {mode: "quarantine"});
    expect([quarantine.ok, quarantine.tables[0].acceptedRows, quarantine.tables[0].rejected[0].line]).toEqual([true, [1, 2], 4]);
  });
});

describe("the malformed-input corpus", () => {
  it("has at least 40 malformed cases", () => {
    expect(CASES.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))("%s", async (_, c, i) => {
    const dir = await folder(c, i);
    const read = await readImportFolder(dir, {connection});
    for (const mode of ["stop", "quarantine"] as const) {
      const result = validateImport(read.raws, {mode, mapping: read.mapping, problems: read.problems});
      // Streamed (every table validated chunk by chunk, rejected rows read again) is the same as all in memory.
      expect(await importFolder(dir, {mode, connection}), `${mode} streamed`).toEqual(result);
      expect(result.findings.map(key).sort(), mode).toEqual([...c.expect].sort());
      for (const t of result.tables) expect(t.acceptedRows.length + t.rejected.length, `${mode} ${t.table}`).toBe(t.read);
      for (const f of result.findings) for (const text of [f.value, f.column, f.file ?? ""]) expect(text, key(f)).not.toMatch(/^[=+\-@\t\r]|[<>\n\u202e]/);
      const errors = result.findings.filter(isError);
      expect(result.ok, mode).toBe(mode === "stop" ? errors.length === 0 : !errors.some((f) => !onRow(f)));
      if (mode === "quarantine") {
        for (const [table, n] of Object.entries(c.rejected ?? {})) expect(result.tables.find((t) => t.table === table)!.rejected.length, table).toBe(n);
        const rowFindings = result.findings.filter((f) => onRow(f) && isError(f)).length;
        expect(result.tables.flatMap((t) => t.rejected).reduce((n, r) => n + r.reasons.length, 0)).toBe(rowFindings);
      }
      c.check?.(result);
    }
  });
});
