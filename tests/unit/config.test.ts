import {describe, expect, it} from "vitest";
import {DEFAULT_FROM, DEFAULT_SCALE, DEFAULT_SEED, DEFAULT_TO, describeSource, MAX_SCALE, parseConfig, parseImportPrivacy, parseRejects, parseSource, redactUrl} from "../../src/config.js";

describe("parseConfig", () => {
  it("parseConfig({}) gives the defaults", () => {
    expect(parseConfig({})).toEqual({seed: DEFAULT_SEED, scale: DEFAULT_SCALE, from: DEFAULT_FROM, to: DEFAULT_TO});
    expect(DEFAULT_SEED).toBe(42);
    expect(DEFAULT_SCALE).toBe(1);
  });

  it("parseConfig treats empty and blank values as unset", () => {
    expect(parseConfig({WORKBOOK_SEED: "", WORKBOOK_SCALE: "  ", WORKBOOK_FROM: "", WORKBOOK_TO: " "})).toEqual({seed: 42, scale: 1, from: "2025-06-03", to: "2025-08-31"});
  });

  it("parseConfig ignores unrelated variables", () => {
    expect(parseConfig({PATH: "/usr/bin", SEED: "x", FROM: "x"})).toEqual({seed: 42, scale: 1, from: "2025-06-03", to: "2025-08-31"});
  });

  it("parseConfig reads a seed", () => {
    expect(parseConfig({WORKBOOK_SEED: "0"}).seed).toBe(0);
    expect(parseConfig({WORKBOOK_SEED: "7"}).seed).toBe(7);
    expect(parseConfig({WORKBOOK_SEED: " 123 "}).seed).toBe(123);
    expect(parseConfig({WORKBOOK_SEED: "9007199254740991"}).seed).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(["-1", "1.5", "abc", "1e3", "0x10", "9007199254740992", "NaN", "Infinity", "4 2", "+5"])(
    "parseConfig rejects WORKBOOK_SEED=%j",
    (value) => {
      expect(() => parseConfig({WORKBOOK_SEED: value})).toThrow(
        `invalid WORKBOOK_SEED: ${JSON.stringify(value)} (expected an integer from 0 to 9007199254740991; default 42)`
      );
    }
  );

  it("parseConfig reads a scale", () => {
    expect(parseConfig({WORKBOOK_SCALE: "0.5"}).scale).toBe(0.5);
    expect(parseConfig({WORKBOOK_SCALE: ".25"}).scale).toBe(0.25);
    expect(parseConfig({WORKBOOK_SCALE: "2"}).scale).toBe(2);
    expect(parseConfig({WORKBOOK_SCALE: "2."}).scale).toBe(2);
    expect(parseConfig({WORKBOOK_SCALE: "1e-3"}).scale).toBe(0.001);
    expect(parseConfig({WORKBOOK_SCALE: String(MAX_SCALE)}).scale).toBe(250);
  });

  it.each(["0", "0.0", "-1", "250.01", "1e3", "abc", "NaN", "Infinity", "0x10", "1,5", "."])(
    "parseConfig rejects WORKBOOK_SCALE=%j",
    (value) => {
      expect(() => parseConfig({WORKBOOK_SCALE: value})).toThrow(
        `invalid WORKBOOK_SCALE: ${JSON.stringify(value)} (expected a number in (0, 250]; default 1)`
      );
    }
  );

  it("parseConfig keeps the message on one line for a value with a newline", () => {
    expect(() => parseConfig({WORKBOOK_SEED: "4\n2"})).toThrow(/^invalid WORKBOOK_SEED: "4\\n2" \(/);
    try {
      parseConfig({WORKBOOK_SEED: "4\n2"});
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("\n");
    }
  });

  it("parseConfig checks the seed before the scale", () => {
    expect(() => parseConfig({WORKBOOK_SEED: "x", WORKBOOK_SCALE: "y"})).toThrow(/WORKBOOK_SEED/);
  });

  it("parseConfig({}) reports on the calendar's last 90 days", () => {
    expect(DEFAULT_FROM).toBe("2025-06-03");
    expect(DEFAULT_TO).toBe("2025-08-31");
  });

  it("parseConfig reads a reporting window", () => {
    expect(parseConfig({WORKBOOK_FROM: "2025-03-01", WORKBOOK_TO: "2025-08-31"})).toMatchObject({from: "2025-03-01", to: "2025-08-31"});
    expect(parseConfig({WORKBOOK_FROM: " 2025-07-01 "})).toMatchObject({from: "2025-07-01", to: "2025-08-31"});
    // Exactly 28 days, inclusive.
    expect(parseConfig({WORKBOOK_FROM: "2025-08-04", WORKBOOK_TO: "2025-08-31"})).toMatchObject({from: "2025-08-04", to: "2025-08-31"});
    // An unset FROM is 90 days before TO, clamped to the calendar's first day.
    expect(parseConfig({WORKBOOK_TO: "2025-07-31"})).toMatchObject({from: "2025-05-03", to: "2025-07-31"});
    expect(parseConfig({WORKBOOK_TO: "2025-04-15"})).toMatchObject({from: "2025-03-01", to: "2025-04-15"});
  });

  const dayRange = "(expected a UTC date YYYY-MM-DD from 2025-03-01 to 2025-08-31; default";
  it.each(["2025-02-30", "2025-02-28", "2025-09-01", "2024-06-01", "2025-6-1", "20250601", "2025-06-01T00:00Z", "2025-13-01", "2025-06-31", "June 1", "x"])(
    "parseConfig rejects WORKBOOK_FROM=%j and WORKBOOK_TO=%j",
    (value) => {
      expect(() => parseConfig({WORKBOOK_FROM: value})).toThrow(`invalid WORKBOOK_FROM: ${JSON.stringify(value)} ${dayRange} 2025-06-03)`);
      expect(() => parseConfig({WORKBOOK_TO: value})).toThrow(`invalid WORKBOOK_TO: ${JSON.stringify(value)} ${dayRange} 2025-08-31)`);
    }
  );

  const windowRange = "(expected WORKBOOK_FROM <= WORKBOOK_TO, at least 28 days apart inclusive, within 2025-03-01 to 2025-08-31; default 2025-06-03 to 2025-08-31)";
  it("parseConfig rejects WORKBOOK_FROM after WORKBOOK_TO, naming both", () => {
    expect(() => parseConfig({WORKBOOK_FROM: "2025-08-01", WORKBOOK_TO: "2025-07-01"})).toThrow(
      `invalid reporting window: WORKBOOK_FROM "2025-08-01" is after WORKBOOK_TO "2025-07-01" ${windowRange}`
    );
  });

  it("parseConfig rejects a window shorter than 28 days", () => {
    expect(() => parseConfig({WORKBOOK_FROM: "2025-08-05", WORKBOOK_TO: "2025-08-31"})).toThrow(
      `invalid reporting window: WORKBOOK_FROM "2025-08-05" to WORKBOOK_TO "2025-08-31" is 27 days ${windowRange}`
    );
    expect(() => parseConfig({WORKBOOK_FROM: "2025-08-31"})).toThrow(`is 1 day ${windowRange}`);
    expect(() => parseConfig({WORKBOOK_TO: "2025-03-20"})).toThrow(`WORKBOOK_FROM "2025-03-01" to WORKBOOK_TO "2025-03-20" is 20 days`);
  });

  it("parseConfig keeps every window message on one line", () => {
    for (const env of [{WORKBOOK_FROM: "2025-07-01\nx"}, {WORKBOOK_TO: "\n2025-13-01"}, {WORKBOOK_FROM: "2025-08-30"}]) {
      expect(() => parseConfig(env)).toThrow(/^invalid [^\n]*$/);
    }
  });
});

describe("parseSource", () => {
  const folders = new Set(["/data/platform", "exports/seed7"]);
  const isDirectory = (path: string) => folders.has(path);
  const source = (env: Record<string, string>) => parseSource(env, isDirectory);

  it("parseSource({}) is the simulation; blank values are unset", () => {
    expect(source({})).toEqual({kind: "simulation"});
    expect(source({WORKBOOK_DATA: "", WORKBOOK_DATABASE_URL: "  ", WORKBOOK_SCHEMA: ""})).toEqual({kind: "simulation"});
  });

  it("WORKBOOK_DATA names an existing folder", () => {
    expect(source({WORKBOOK_DATA: "/data/platform"})).toEqual({kind: "files", dir: "/data/platform"});
    expect(source({WORKBOOK_DATA: " exports/seed7 "})).toEqual({kind: "files", dir: "exports/seed7"});
    expect(() => source({WORKBOOK_DATA: "/no/such/folder"})).toThrow(
      'invalid WORKBOOK_DATA: "/no/such/folder" is not a folder (expected the path of an existing folder of <table>.csv or <table>.parquet files)'
    );
  });

  it("WORKBOOK_DATABASE_URL is postgres:// or postgresql://, with WORKBOOK_SCHEMA default public", () => {
    expect(source({WORKBOOK_DATABASE_URL: "postgres://me:pw@127.0.0.1:5432/tns"})).toEqual({kind: "database", url: "postgres://me:pw@127.0.0.1:5432/tns", schema: "public"});
    expect(source({WORKBOOK_DATABASE_URL: "postgresql://me@db/tns", WORKBOOK_SCHEMA: "moderation_2025"})).toEqual({kind: "database", url: "postgresql://me@db/tns", schema: "moderation_2025"});
  });

  it.each(["mysql://me:s3cret@db/tns", "http://me:s3cret@db", "me:s3cret@db/tns", "postgres//me:s3cret@db"])("rejects WORKBOOK_DATABASE_URL=%j without printing the password", (url) => {
    let message = "";
    try {
      source({WORKBOOK_DATABASE_URL: url});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid WORKBOOK_DATABASE_URL: (the scheme "\w+" is not postgres or postgresql|not a URL), value not shown \(expected postgres:\/\/user:password@host:port\/database or postgresql:\/\/\.\.\.\)$/);
    expect(message).not.toContain("s3cret");
  });

  it.each(["public; drop table flags", "\"quoted\"", "9lives", "a-b", "x".repeat(64), "schéma"])("rejects WORKBOOK_SCHEMA=%j", (schema) => {
    expect(() => source({WORKBOOK_DATABASE_URL: "postgres://db/tns", WORKBOOK_SCHEMA: schema})).toThrow(`invalid WORKBOOK_SCHEMA: ${JSON.stringify(schema)} (expected a plain identifier`);
  });

  it("rejects WORKBOOK_SCHEMA without a database, and both sources at once", () => {
    expect(() => source({WORKBOOK_SCHEMA: "public"})).toThrow("invalid WORKBOOK_SCHEMA: it names a schema of the database, so set it only with WORKBOOK_DATABASE_URL");
    expect(() => source({WORKBOOK_DATA: "/data/platform", WORKBOOK_DATABASE_URL: "postgres://me:s3cret@db/tns"})).toThrow(
      /^invalid source: WORKBOOK_DATA and WORKBOOK_DATABASE_URL are both set \(set one: [^\n]*\)$/
    );
  });

  it("redactUrl and describeSource never show a password", () => {
    expect(redactUrl("postgres://me:s3cret@db:5432/tns?sslmode=require")).toBe("postgres://me:***@db:5432/tns?sslmode=require");
    expect(redactUrl("postgres://db/tns?user=me&password=s3cret&x=1")).toBe("postgres://db/tns?user=me&password=***&x=1");
    expect(redactUrl("postgres://me@db/tns")).toBe("postgres://me@db/tns");
    expect(describeSource({kind: "database", url: "postgresql://me:s3cret@db/tns", schema: "public"})).toBe("the PostgreSQL database postgresql://me:***@db/tns, schema public");
    expect(describeSource({kind: "files", dir: "/data/platform"})).toBe("the folder /data/platform");
    expect(describeSource({kind: "simulation"})).toBe("the simulation");
  });
});

describe("parseRejects", () => {
  it("is stop by default, or quarantine", () => {
    expect(parseRejects({})).toBe("stop");
    expect(parseRejects({WORKBOOK_REJECTS: ""})).toBe("stop");
    expect(parseRejects({WORKBOOK_REJECTS: "stop"})).toBe("stop");
    expect(parseRejects({WORKBOOK_REJECTS: " quarantine "})).toBe("quarantine");
  });

  it.each(["drop", "Quarantine", "skip", "1"])("rejects WORKBOOK_REJECTS=%j", (value) => {
    expect(() => parseRejects({WORKBOOK_REJECTS: value})).toThrow(`invalid WORKBOOK_REJECTS: ${JSON.stringify(value)} (expected stop or quarantine; default stop)`);
  });
});

describe("parseImportPrivacy (the privacy gate)", () => {
  const files = {kind: "files", dir: "/data/platform"} as const;
  const database = {kind: "database", url: "postgres://db/tns", schema: "public"} as const;
  const key = "k".repeat(16);

  it("the simulation keeps parsePrivacy's default: off when unset", () => {
    expect(parseImportPrivacy({}, {kind: "simulation"})).toEqual({enabled: false});
  });

  it("a build from files or a database refuses to run until WORKBOOK_PRIVACY is set, and says how", () => {
    expect(() => parseImportPrivacy({}, files)).toThrow(/^WORKBOOK_PRIVACY is not set: a build from imported data \(WORKBOOK_DATA\) must choose explicitly: WORKBOOK_PRIVACY=1 .* or WORKBOOK_PRIVACY=0 \(publish identifiers as they are\)$/);
    expect(() => parseImportPrivacy({WORKBOOK_PRIVACY: " "}, database)).toThrow("a build from imported data (WORKBOOK_DATABASE_URL) must choose explicitly");
  });

  it("an explicit choice passes, with parsePrivacy's rules", () => {
    expect(parseImportPrivacy({WORKBOOK_PRIVACY: "0"}, files)).toEqual({enabled: false});
    expect(parseImportPrivacy({WORKBOOK_PRIVACY: "false"}, database)).toEqual({enabled: false});
    expect(parseImportPrivacy({WORKBOOK_PRIVACY: "true", WORKBOOK_PSEUDONYM_KEY: key}, files)).toEqual({enabled: true, key});
    expect(() => parseImportPrivacy({WORKBOOK_PRIVACY: "1"}, files)).toThrow("invalid WORKBOOK_PSEUDONYM_KEY");
    expect(() => parseImportPrivacy({WORKBOOK_PRIVACY: "yes"}, files)).toThrow("invalid WORKBOOK_PRIVACY");
  });
});
