import {createHash} from "node:crypto";
import {beforeAll, describe, expect, it} from "vitest";
import {publishOptions} from "../../data-loaders/_publish.js";
import {parsePrivacy} from "../../src/config.js";
import {encodeArrow} from "../../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../../src/io/contracts.js";
import {columnsToCsv} from "../../src/io/csv.js";
import {checkTable, type Columns} from "../../src/io/schema.js";
import {simulate} from "../../src/world/simulate.js";
import {buildTables, DAILY_COUNTRY_CELLS, publishedSchemas} from "../../src/world/tables.js";

const KEY = "test-key-not-a-secret-0123456789";

describe("privacy mode", () => {
  const world = simulate({seed: 3, scale: 0.3});
  const raw = buildTables(world);
  const options = publishOptions(parsePrivacy({WORKBOOK_PRIVACY: "1", WORKBOOK_PSEUDONYM_KEY: KEY}));
  const safe = buildTables(world, options);
  const schemas = publishedSchemas(options);
  let published = "";
  beforeAll(() => {
    const texts: string[] = [];
    for (const name of Object.keys(SCHEMAS) as TableName[]) {
      texts.push(Buffer.from(encodeArrow(schemas[name], safe[name], safe)).toString("latin1"));
      texts.push(columnsToCsv(safe[name]));
    }
    published = texts.join("\n");
  });

  it("parsePrivacy rejects a missing or short key without echoing it", () => {
    expect(() => parsePrivacy({WORKBOOK_PRIVACY: "1"})).toThrow(/WORKBOOK_PSEUDONYM_KEY: set it to a secret of at least 16 characters/);
    expect(() => parsePrivacy({WORKBOOK_PRIVACY: "1", WORKBOOK_PSEUDONYM_KEY: "short-secret"})).toThrow(/\(it is 12 characters\)/);
    expect(() => parsePrivacy({WORKBOOK_PRIVACY: "maybe"})).toThrow('invalid WORKBOOK_PRIVACY: "maybe"');
  });

  it("every published table still passes its (privacy) contract", () => {
    for (const name of Object.keys(SCHEMAS) as TableName[]) expect(checkTable(schemas[name], safe[name], safe), name).toEqual([]);
  });

  it("no raw identifier, and no unkeyed hash of one, appears in any published file", () => {
    const ids = new Set<string>();
    for (const name of Object.keys(SCHEMAS) as TableName[]) {
      for (const spec of SCHEMAS[name].columns) if (spec.identifier) for (const v of Array.from(raw[name][spec.name] as ArrayLike<string | null>)) if (v) ids.add(v);
    }
    expect(ids.size).toBeGreaterThan(1000);
    // Every published string cell, and every 16-character run after a pseudonym's prefix.
    const cells = new Set<string>();
    for (const name of Object.keys(SCHEMAS) as TableName[]) {
      for (const column of Object.values(safe[name])) for (const v of Array.from(column as ArrayLike<unknown>)) if (typeof v === "string") cells.add(v.startsWith("p_") ? v.slice(2) : v);
    }
    for (const id of ids) {
      expect(cells.has(id), id).toBe(false);
      for (const algorithm of ["sha256", "sha1", "md5"]) {
        const digest = createHash(algorithm).update(id).digest();
        expect(cells.has(digest.toString("hex").slice(0, 16)), `${algorithm}(${id})`).toBe(false);
        expect(cells.has(digest.toString("base64url").slice(0, 16)), `${algorithm}(${id}) base64url`).toBe(false);
      }
    }
    // And in the bytes of the files themselves, for a sample (a full scan per id would be slow).
    const bytes = Buffer.from(published, "latin1");
    for (const id of [...ids].filter((_, i) => i % Math.ceil(ids.size / 25) === 0)) expect(bytes.includes(id), id).toBe(false);
  }, 60_000);

  it("pseudonyms keep joins: a flag's actor is a published user", () => {
    const users = new Set(Array.from(safe.users.user_id as ArrayLike<string>));
    expect(Array.from(safe.flags.actor_id as ArrayLike<string>).every((u) => users.has(u))).toBe(true);
  });

  it("daily_country publishes no count from 1 to 10, and no group has exactly one hidden part under a published total", () => {
    const dc = safe.daily_country as Record<string, ArrayLike<number | null>>;
    for (const name of DAILY_COUNTRY_CELLS.counts) for (const v of Array.from(dc[name])) if (v !== null) expect(v === 0 || v > 10, `${name}=${v}`).toBe(true);
    const n = dc.date.length;
    let hidden = 0;
    for (let i = 0; i < n; i++) {
      for (const {total, parts} of DAILY_COUNTRY_CELLS.groups) {
        if (dc[total][i] === null) continue;
        const k = parts.filter((p) => dc[p][i] === null).length;
        hidden += k;
        expect(k === 0 || k >= 2, `row ${i} ${total}`).toBe(true);
      }
    }
    expect(hidden).toBeGreaterThan(0);
  });
});
