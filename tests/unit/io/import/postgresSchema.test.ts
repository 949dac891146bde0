import {describe, expect, it} from "vitest";
import {IMPORT_TABLES, importTable} from "../../../../src/io/import/contract.js";
import {createTableSql, postgresLoadScript, POSTGRES_TYPES, quoteIdentifier} from "../../../../src/io/import/postgresSchema.js";

describe("createTableSql(schema, table)", () => {
  it("declares every contract column with its PostgreSQL type, NOT NULL where the contract requires a value", () => {
    expect(createTableSql("platform", "appeals")).toBe(
      ['CREATE TABLE "platform"."appeals" (', '  "flag_id" bigint NOT NULL,', '  "appeal_ts" timestamptz NOT NULL,', '  "overturned" boolean NOT NULL', ");"].join("\n")
    );
    const items = createTableSql("platform", importTable("session_items"));
    // flag_id is optional and nullable; view_s a float; sound_muted an optional boolean.
    expect(items).toContain('"flag_id" bigint,');
    expect(items).toContain('"view_s" double precision,');
    expect(items).toContain('"sound_muted" boolean\n');
    expect(items).toContain('"status" text NOT NULL,');
    expect(createTableSql("p", "reviewers")).toContain('"first_day" date');
  });

  it("has a type for every contract type and a column line for every contract column", () => {
    expect(Object.keys(POSTGRES_TYPES).sort()).toEqual(["bool", "date", "float", "int", "string", "timestamp"]);
    for (const t of IMPORT_TABLES) expect(createTableSql("s", t).split("\n")).toHaveLength(t.columns.length + 2);
  });

  it("creates only the columns a platform has, in its order, when told them", () => {
    expect(createTableSql("p", "idle_periods", ["duration_s", "session_id", "idle_type"])).toBe(
      ['CREATE TABLE "p"."idle_periods" (', '  "duration_s" double precision NOT NULL,', '  "session_id" bigint NOT NULL,', '  "idle_type" text NOT NULL', ");"].join("\n")
    );
    expect(() => createTableSql("p", "idle_periods", ["duration"])).toThrow(/idle_periods has no column duration/);
  });

  it("quotes a hostile schema name as one identifier", () => {
    expect(quoteIdentifier('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
    expect(createTableSql('a"b', "rings").startsWith('CREATE TABLE "a""b"."rings" (')).toBe(true);
  });
});

describe("postgresLoadScript(schema, tables, columns)", () => {
  it("creates the schema and tables and copies each table from <table>.csv in one transaction", () => {
    const script = postgresLoadScript("export", ["flags", "appeals"], {appeals: ["flag_id", "overturned", "appeal_ts"]});
    const lines = script.split("\n");
    expect(lines.slice(2, 6)).toEqual(["\\set ON_ERROR_STOP on", "BEGIN;", "SET LOCAL TIME ZONE 'UTC';", 'CREATE SCHEMA IF NOT EXISTS "export";']);
    expect(script.indexOf('CREATE TABLE "export"."flags"')).toBeLessThan(script.indexOf('CREATE TABLE "export"."appeals"'));
    expect(script).toContain(createTableSql("export", "appeals", ["flag_id", "overturned", "appeal_ts"]));
    const copies = lines.filter((l) => l.startsWith("\\copy"));
    expect(copies[0]).toBe(`\\copy "export"."flags" (${importTable("flags").columns.map((c) => `"${c.name}"`).join(", ")}) FROM 'flags.csv' WITH (FORMAT csv, HEADER true)`);
    expect(copies[1]).toBe(`\\copy "export"."appeals" ("flag_id", "overturned", "appeal_ts") FROM 'appeals.csv' WITH (FORMAT csv, HEADER true)`);
    expect(lines.at(-2)).toBe("COMMIT;");
  });

  it("refuses a schema name a psql line cannot hold, and an unknown table", () => {
    expect(() => postgresLoadScript("a\nb", ["flags"])).toThrow(/control character/);
    expect(() => postgresLoadScript("s", ["moderator_documents"])).toThrow(/unknown import table/);
  });
});
