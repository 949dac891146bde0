import {COUNTRIES} from "../../src/core/constants.js";
import {beforeAll, describe, expect, it} from "vitest";
import {encodeArrow} from "../../src/io/arrow.js";
import {SCHEMAS, type TableName} from "../../src/io/contracts.js";
import {checkTable, type Columns} from "../../src/io/schema.js";
import {simulate, simulateFlags} from "../../src/world/simulate.js";
import {accountColumns, buildTables, flagOriginColumns, publishedFlagRows} from "../../src/world/tables.js";
import {sharedTables} from "../support/sharedWorlds.js";

let tables: Record<TableName, Columns>;
beforeAll(() => {
  tables = sharedTables({seed: 42, scale: 1});
});

describe("published tables at the default seed", () => {
  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    it(`checkTable(${name}) passes its contract, references included`, () => {
      expect(checkTable(SCHEMAS[name], tables[name], tables)).toEqual([]);
    });
  }
  it("daily_country covers every date x country once", () => {
    expect(tables.daily_country.date.length).toBe(184 * COUNTRIES.length);
  });
  it("daily_country reports add up to the flags table", () => {
    const total = Array.from(tables.daily_country.reports as ArrayLike<number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(tables.flags.flag_id.length);
  });
  it("cases holds every flag at scale 1, so a drill-through count equals the figure clicked", () => {
    expect(tables.cases.flag_id).toEqual(tables.flags.flag_id);
    expect(tables.cases.action).toEqual(tables.flags.action);
    expect(Object.keys(tables.cases)).not.toContain("is_violation");
  });
  it("every human-reviewed flag has a reviewer and others have none", () => {
    const route = tables.flags.route as ArrayLike<string>;
    const reviewer = tables.flags.reviewer_id as ArrayLike<string | null>;
    for (let i = 0; i < route.length; i++) expect(reviewer[i] !== null).toBe(route[i] === "human_review");
  });
});

describe("determinism", () => {
  it("simulate({seed: 7, scale: 0.3}) twice gives byte-identical Arrow files", () => {
    const a = buildTables(simulate({seed: 7, scale: 0.3}));
    const b = buildTables(simulate({seed: 7, scale: 0.3}));
    for (const name of Object.keys(SCHEMAS) as TableName[]) expect(Buffer.from(encodeArrow(SCHEMAS[name], a[name], a)).equals(Buffer.from(encodeArrow(SCHEMAS[name], b[name], b)))).toBe(true);
  });
  it("different seeds give different flags", () => {
    const a = buildTables(simulate({seed: 7, scale: 0.3}));
    const b = buildTables(simulate({seed: 8, scale: 0.3}));
    expect(Buffer.from(encodeArrow(SCHEMAS.flags, a.flags, a)).equals(Buffer.from(encodeArrow(SCHEMAS.flags, b.flags, b)))).toBe(false);
  });
  it("simulateFlags({seed: 7, scale: 0.3}) gives the flags and accounts of the whole world, column for column", () => {
    const part = simulateFlags({seed: 7, scale: 0.3});
    const whole = sharedTables({seed: 7, scale: 0.3});
    const origin = flagOriginColumns(part, publishedFlagRows(part));
    for (const name of ["date", "actor_id", "target_id", "template_id", "attack_id"] as const) expect(Array.from(origin[name] as ArrayLike<unknown>)).toEqual(Array.from(whole.flags[name] as ArrayLike<unknown>));
    const accounts = accountColumns(part, Array.from({length: part.users.length}, (_, i) => i));
    for (const name of Object.keys(whole.users)) expect(Array.from(accounts[name] as ArrayLike<unknown>)).toEqual(Array.from(whole.users[name] as ArrayLike<unknown>));
    expect(() => simulateFlags({seed: 1, scale: -2})).toThrow(/invalid scale: -2/);
  });
  it("simulate rejects an invalid seed or scale with the accepted range", () => {
    expect(() => simulate({seed: -1, scale: 1})).toThrow(/invalid seed: -1 \(expected an integer from 0/);
    expect(() => simulate({seed: 1, scale: 0})).toThrow(/invalid scale: 0 \(expected a number in \(0, 250\]\)/);
  });
});

describe("hostile snippets", () => {
  it("the review queue carries markup and formula payloads for the pages to neutralise", () => {
    const snippets = Array.from(tables.snippets.snippet as ArrayLike<string>);
    expect(snippets.some((s) => s.includes("<img src=x onerror"))).toBe(true);
    expect(snippets.some((s) => s.includes("=HYPERLINK("))).toBe(true);
  });
});
