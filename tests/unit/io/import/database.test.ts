/**
 * The PostgreSQL source against a real server (tests/support/postgres.ts): nothing is mocked. One
 * fixture is loaded into a schema with a hostile name and written as CSV files into a folder; both are
 * read and validated, and must give the same tables. Moderator sessions come as seed 004 stores them,
 * one JSONB document per moderator.
 */
import {execFile} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import pg from "pg";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {inReadOnlyTransaction, readImportDatabase} from "../../../../data-loaders/_importDatabase.js";
import {readImportFolder} from "../../../../data-loaders/_importFiles.js";
import {importTable} from "../../../../src/io/import/contract.js";
import {createTableSql, postgresLoadScript, quoteIdentifier as q} from "../../../../src/io/import/postgresSchema.js";
import {validateImport, type ImportResult, type Mode} from "../../../../src/io/import/validate.js";
import {postgresBinDir, startPostgres, type PostgresServer} from "../../../support/postgres.js";

/** A schema name that would end the statement if it were ever spliced into SQL unquoted. */
const SCHEMA = `wb "import"'; DROP TABLE public.victim; --`;

type Rows = {header: string[]; rows: string[][]};
const full = (table: string) => importTable(table).columns.map((c) => c.name);

/** The platform's tables as text ("" is null), every contract column, rows in key order (the order the database reader reads them in). */
const TABLES: Record<string, Rows> = {
  flags: {
    header: full("flags"),
    rows: [
      ["1", "2025-03-01T08:15:00Z", "Singapore", "spam", "ai", "low", "auto_block", "removal", "2025-03-01T08:15:00Z", "post", "0.97", "", "", "u17", "", "3", "true", "false", ""],
      ["2", "2025-03-01T09:40:12.250Z", "Indonesia", "harassment_hate", "user", "high", "human_review", "warning", "2025-03-01T13:02:45Z", "comment", "0.61", "R03", "2025-03-01T12:41:03Z", "u42", "u17", "4", "true", "false", ""],
      // The platform's own category name, which the mapping file does not map.
      ["3", "2025-03-02T10:00:00Z", "Singapore", "Scam", "user", "medium", "human_review", "none", "2025-03-02T12:00:00Z", "message", "0.2", "R07", "", "u5", "", "5", "false", "false", ""],
      ["4", "2025-03-03T00:00:00Z", "Philippines", "nudity", "trusted_flagger", "critical", "human_review", "removal", "2025-03-03T01:30:00Z", "post", "0.88", "R03", "2025-03-03T00:20:00Z", "u9", "", "6", "true", "false", ""]
    ]
  },
  // appeal_ts is a `timestamp without time zone` column in the database: its zone is unknown.
  appeals: {header: full("appeals"), rows: [["2", "2025-03-02 10:00:00", "false"], ["4", "2025-03-04 08:00:00", "true"]]},
  reviewers: {
    header: full("reviewers"),
    rows: [
      ["R01", "Singapore", "16", "8", "Sat-Wed", "2024-12-30", "0.88"],
      ["R03", "Manila", "0", "8", "Mon-Fri", "2025-01-06", "0.93"],
      ["R07", "Manila", "8", "8", "Mon-Fri", "2025-02-03", "0.9"]
    ]
  }
};

/** Seed 004's documents: its README's example (with a reviewer id as username), a second moderator, a malformed one. */
const DOCUMENTS = [
  {
    username: "R03",
    sessions: [
      {
        _id: "s1", starttime: "2025-03-01T09:00:00Z", endtime: "2025-03-01T09:30:00Z", duration: 1800,
        videos: [{videoId: "abc123", status: "Completed", watched: true, loopTime: 2, keys: ["a"], soundMuted: "no"}, {videoId: "v2", status: "Partial", loopTime: 0, keys: [], soundMuted: "yes"}],
        inactivity: [{type: "pause", duration: 45}]
      }
    ]
  },
  {
    username: "R07",
    sessions: [
      {
        _id: "s2", starttime: "2025-03-02T11:00:00Z", endtime: "2025-03-02T11:20:00Z", duration: 1200,
        videos: [{videoId: "abc123", status: "Not Started", loopTime: 0, keys: [], soundMuted: true}, {videoId: "v3", status: "Skipped", loopTime: 0, keys: ["r"], soundMuted: false}],
        inactivity: [{type: "inactivity", duration: 120.5}]
      },
      {_id: "s3", starttime: "2025-03-02T12:00:00Z", endtime: "2025-03-02T12:05:00Z", duration: 300, videos: [], inactivity: []}
    ]
  },
  {username: "R09", sessions: "oops"}
];

/**
 * The rows the documents hold, worked out by hand. Documents are read in the order of their JSONB text:
 * R09's ('{"sessions": "oops"') sorts before the others ('{"sessions": [{'), so it is document 1.
 */
const FROM_DOCUMENTS: Record<string, Rows> = {
  moderator_sessions: {
    header: ["session_id", "reviewer_id", "start_ts", "end_ts", "duration_s"],
    rows: [["1", "R03", "2025-03-01T09:00:00Z", "2025-03-01T09:30:00Z", "1800"], ["2", "R07", "2025-03-02T11:00:00Z", "2025-03-02T11:20:00Z", "1200"], ["3", "R07", "2025-03-02T12:00:00Z", "2025-03-02T12:05:00Z", "300"]]
  },
  session_items: {
    header: ["session_id", "item_index", "content_id", "status", "decision", "loops", "sound_muted"],
    rows: [["1", "0", "1", "Completed", "a", "2", "false"], ["1", "1", "2", "Partial", "none", "0", "true"], ["2", "0", "1", "Not Started", "none", "0", "true"], ["2", "1", "3", "Skipped", "r", "0", "false"]]
  },
  idle_periods: {header: ["session_id", "idle_type", "duration_s"], rows: [["1", "pause", "45"], ["2", "inactivity", "120.5"]]}
};

const MAPPING = {status: {Completed: "completed", Partial: "partial", "Not Started": "not_started"}, decision: {a: "accept", r: "reject"}};

const csv = ({header, rows}: Rows) => [header, ...rows].map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\n") + "\n";

let server: PostgresServer;
let client: pg.Client;
let dir: string;
let mappingFile: string;

/** Loads the fixture into SCHEMA with the contract's DDL and parameterised INSERTs ("" as NULL). */
async function loadFixture(): Promise<void> {
  await client.query("CREATE TABLE public.victim (x int)");
  await client.query(`CREATE SCHEMA ${q(SCHEMA)}`);
  for (const [table, {header, rows}] of Object.entries(TABLES)) {
    const ddl = createTableSql(SCHEMA, table);
    await client.query(table === "appeals" ? ddl.replace('"appeal_ts" timestamptz', '"appeal_ts" timestamp without time zone') : ddl);
    for (const row of rows) {
      const params = row.map((_, i) => `$${i + 1}`).join(", ");
      await client.query(`INSERT INTO ${q(SCHEMA)}.${q(table)} (${header.map(q).join(", ")}) VALUES (${params})`, row.map((v) => (v === "" ? null : v)));
    }
  }
  // A column and a table outside the contract.
  await client.query(`ALTER TABLE ${q(SCHEMA)}.flags ADD COLUMN internal_notes text DEFAULT 'x'`);
  await client.query(`CREATE TABLE ${q(SCHEMA)}.audit_log (id int)`);
  await client.query(`CREATE TABLE ${q(SCHEMA)}.moderator_documents (document jsonb NOT NULL)`);
  for (const doc of DOCUMENTS) await client.query(`INSERT INTO ${q(SCHEMA)}.moderator_documents (document) VALUES ($1::jsonb)`, [JSON.stringify(doc)]);
}

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client({connectionString: server.url});
  await client.connect();
  await loadFixture();
  dir = mkdtempSync(join(tmpdir(), "workbook-db-import-"));
  for (const [table, rows] of Object.entries({...TABLES, ...FROM_DOCUMENTS})) writeFileSync(join(dir, `${table}.csv`), csv(rows));
  mappingFile = join(dir, "mapping.json");
  writeFileSync(mappingFile, JSON.stringify(MAPPING));
}, 60_000);

afterAll(async () => {
  await client?.end();
  await server?.stop();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

/** What a table's import decided: rows read, the accepted values, and each rejected row with its rules. */
const outcome = (result: ImportResult) =>
  Object.fromEntries(result.tables.map((t) => [t.table, {read: t.read, accepted: t.accepted, acceptedRows: t.acceptedRows, rejected: t.rejected.map((r) => `${r.row}:${r.reasons.map((f) => `${f.column} ${f.rule}`).join("; ")}`)}]));

const errorsOf = (result: ImportResult) => result.findings.filter((f) => f.severity === "error").map((f) => `${f.table}:${f.row}:${f.column}:${f.rule}:${f.value}`);

describe("readImportDatabase(url, {schema, mappingFile}) on a real PostgreSQL server", () => {
  it("reads every column as the text the validator parses, and seed 004's documents as session, item and idle rows", async () => {
    const {raws, mapping, problems} = await readImportDatabase(server.url, {schema: SCHEMA, mappingFile});
    expect(mapping).toEqual(MAPPING);
    const raw = (table: string) => raws.find((r) => r.table === table)!;
    expect(raws.map((r) => r.table).sort()).toEqual(["appeals", "flags", "idle_periods", "moderator_sessions", "reviewers", "session_items"]);
    expect(raw("flags").header).toEqual(full("flags"));
    expect(raw("flags").rows[1]).toEqual(["2", "2025-03-01T09:40:12.250000Z", "Indonesia", "harassment_hate", "user", "high", "human_review", "warning", "2025-03-01T13:02:45.000000Z", "comment", "0.61", "R03", "2025-03-01T12:41:03.000000Z", "u42", "u17", "4", "true", "false", null]);
    expect(raw("appeals").rows).toEqual([["2", "2025-03-02 10:00:00", "false"], ["4", "2025-03-04 08:00:00", "true"]]);
    expect(raw("reviewers").rows.map((r) => r[0])).toEqual(["R01", "R03", "R07"]);
    expect(raw("reviewers").rows[1]).toEqual(["R03", "Manila", "0", "8", "Mon-Fri", "2025-01-06", "0.93"]);
    for (const [table, rows] of Object.entries(FROM_DOCUMENTS)) expect(raw(table)).toEqual({table, file: "moderator_documents", ...rows});
    expect(problems.map((f) => `${f.severity}:${f.table}:${f.row}:${f.column}:${f.rule}:${f.value}`)).toEqual([
      'warning:database:null:*:unknown file:"audit_log"',
      "error:moderator_documents:1:$.sessions:wrong type:\"\\\"oops\\\"\"",
      'warning:moderator_documents:null:"$.sessions[].videos[].watched":unknown column:'
    ]);
    expect(raw("flags").problems).toEqual([expect.objectContaining({rule: "unknown column", column: '"internal_notes"', severity: "warning"})]);
    // The schema name went in as a parameter and quoted identifiers: the table it names is still there.
    expect((await client.query("SELECT count(*)::int AS n FROM public.victim")).rows[0].n).toBe(0);
  });

  it("gives the same tables as the same rows read from CSV files, in both modes, with every row accounted for", async () => {
    const db = await readImportDatabase(server.url, {schema: SCHEMA, mappingFile});
    const files = await readImportFolder(dir);
    expect(files.mapping).toEqual(db.mapping);
    for (const mode of ["stop", "quarantine"] as Mode[]) {
      const fromDb = validateImport(db.raws, {mode, mapping: db.mapping, problems: db.problems});
      const fromFiles = validateImport(files.raws, {mode, mapping: files.mapping, problems: files.problems});
      expect(outcome(fromDb)).toEqual(outcome(fromFiles));
      for (const t of fromDb.tables) expect(t.read, `${mode} ${t.table}`).toBe(t.acceptedRows.length + t.rejected.length);
      // Every error is a row's: quarantine goes on without those rows, stop stops.
      expect(fromDb.ok).toBe(mode === "quarantine");
      expect(errorsOf(fromDb)).toEqual([
        'moderator_documents:1:$.sessions:wrong type:"\\"oops\\""',
        'flags:3:category:unknown value:"Scam"',
        'appeals:1:appeal_ts:non-UTC timestamp:"2025-03-02 10:00:00"',
        'appeals:2:appeal_ts:non-UTC timestamp:"2025-03-04 08:00:00"',
        'session_items:4:status:unknown value:"Skipped"'
      ]);
    }
    const result = outcome(validateImport(db.raws, {mode: "quarantine", mapping: db.mapping, problems: db.problems}));
    expect(Object.fromEntries(Object.entries(result).map(([t, o]) => [t, [o.read, o.acceptedRows.length, o.rejected.length]]))).toEqual({
      flags: [4, 3, 1], appeals: [2, 0, 2], reviewers: [3, 3, 0], moderator_sessions: [3, 3, 0], session_items: [4, 3, 1], idle_periods: [2, 2, 0]
    });
    expect(Array.from(result.flags.accepted.ts as ArrayLike<number>)).toEqual([Date.parse("2025-03-01T08:15:00Z"), Date.parse("2025-03-01T09:40:12.250Z"), Date.parse("2025-03-03T00:00:00Z")]);
    expect(result.session_items.accepted).toMatchObject({status: ["completed", "partial", "not_started"], decision: ["accept", "none", "none"], sound_muted: [false, true, true]});
  });

  it("loads an export's CSV files with postgresLoadScript and psql, and reads them back as the folder reads them", async () => {
    // An export writes contract columns only (no derived duration_s), some tables with a subset of them.
    const exported: Record<string, Rows> = {flags: TABLES.flags, reviewers: TABLES.reviewers, ...FROM_DOCUMENTS};
    exported.moderator_sessions = {header: FROM_DOCUMENTS.moderator_sessions.header.slice(0, 4), rows: FROM_DOCUMENTS.moderator_sessions.rows.map((r) => r.slice(0, 4))};
    const out = join(dir, "export");
    mkdirSync(out);
    for (const [table, rows] of Object.entries(exported)) writeFileSync(join(out, `${table}.csv`), csv(rows));
    writeFileSync(join(out, "mapping.json"), JSON.stringify(MAPPING));
    const tables = Object.keys(exported);
    const columns = Object.fromEntries(Object.entries(exported).map(([t, rows]) => [t, rows.header]));
    writeFileSync(join(out, "load.sql"), postgresLoadScript("loaded", tables, columns));
    await promisify(execFile)(join(postgresBinDir(), "psql"), ["-X", "-q", "-d", server.url, "-f", "load.sql"], {cwd: out});
    const db = await readImportDatabase(server.url, {schema: "loaded", mappingFile});
    const files = await readImportFolder(out);
    const only = (result: ImportResult) => Object.fromEntries(Object.entries(outcome(result)).filter(([t]) => tables.includes(t)));
    expect(only(validateImport(db.raws, {mode: "quarantine", mapping: db.mapping}))).toEqual(only(validateImport(files.raws, {mode: "quarantine", mapping: files.mapping})));
    expect(db.raws.map((r) => [r.table, r.rows.length])).toEqual([["flags", 4], ["reviewers", 3], ["moderator_sessions", 3], ["session_items", 4], ["idle_periods", 2]]);
  });

  it("reads in a read-only transaction in UTC, where a write fails", async () => {
    const settings = await inReadOnlyTransaction(client, async () => {
      const show = async (name: string) => Object.values((await client.query(`SHOW ${name}`)).rows[0])[0];
      return {readOnly: await show("transaction_read_only"), zone: await show("TimeZone"), isolation: await show("transaction_isolation")};
    });
    expect(settings).toEqual({readOnly: "on", zone: "UTC", isolation: "repeatable read"});
    const write = inReadOnlyTransaction(client, () => client.query(`INSERT INTO ${q(SCHEMA)}.reviewers (reviewer_id) VALUES ('R99')`));
    await expect(write).rejects.toThrow(/read-only transaction/);
    expect((await client.query(`SELECT count(*)::int AS n FROM ${q(SCHEMA)}.reviewers`)).rows[0].n).toBe(3);
  });

  it("reads a table supplied both as a table and as moderator documents from neither", async () => {
    await client.query("CREATE SCHEMA both_ways");
    await client.query(createTableSql("both_ways", "moderator_sessions"));
    await client.query("CREATE TABLE both_ways.moderator_documents (document json)");
    await client.query("INSERT INTO both_ways.moderator_documents VALUES ($1)", [JSON.stringify(DOCUMENTS[0])]);
    const {raws, problems} = await readImportDatabase(server.url, {schema: "both_ways"});
    expect(raws.map((r) => [r.table, r.rows.length])).toEqual([["session_items", 2], ["idle_periods", 1]]);
    expect(problems.filter((f) => f.severity === "error").map((f) => `${f.table}:${f.rule}`)).toEqual(["moderator_sessions:ambiguous table", "flags:missing table"]);
  });

  it("reports a relation PostgreSQL cannot read on its table and reads the others", async () => {
    await client.query("CREATE SCHEMA failing");
    await client.query("CREATE VIEW failing.flags AS SELECT 1 / 0 AS flag_id");
    await client.query(createTableSql("failing", "reviewers"));
    await client.query("INSERT INTO failing.reviewers (reviewer_id) VALUES ('R01')");
    // A table with none of the contract's columns: its rows are still counted, and its missing columns stop the import in either mode.
    await client.query("CREATE TABLE failing.appeals (ref int, filed date)");
    await client.query("INSERT INTO failing.appeals VALUES (1, '2025-03-01'), (2, '2025-03-02')");
    const {raws, problems} = await readImportDatabase(server.url, {schema: "failing"});
    expect(raws.map((r) => [r.table, r.header.length, r.rows])).toEqual([["appeals", 0, [[], []]], ["reviewers", 7, [["R01", null, null, null, null, null, null]]]]);
    expect(problems.map((f) => `${f.table}:${f.rule}:${f.value}`)).toEqual(['flags:unreadable file:"division by zero"']);
    const result = validateImport(raws, {mode: "quarantine", problems});
    expect(result.tables.find((t) => t.table === "appeals")!.read).toBe(2);
    expect(result.ok).toBe(false);
    expect(errorsOf(result).filter((e) => e.split(":")[1] === "null")).toEqual(["flags:null:*:unreadable file:\"division by zero\"", "appeals:null:flag_id:missing column:", "appeals:null:appeal_ts:missing column:", "appeals:null:overturned:missing column:"]);
  });

  it("reports a required table the schema lacks, and a mapping file that cannot be read", async () => {
    const {raws, problems} = await readImportDatabase(server.url, {schema: "no such schema", mappingFile: join(dir, "absent.json")});
    expect(raws).toEqual([]);
    expect(problems.map((f) => `${f.table}:${f.rule}`)).toEqual(["mapping:invalid mapping", "flags:missing table"]);
    expect(problems[1].detail).toBe('a table or view flags in schema "no such schema"');
  });
});
