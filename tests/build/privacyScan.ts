/**
 * Scans a built dist/ for what privacy mode must keep out of it: raw identifiers, unkeyed hashes of
 * them, and small counts in country-level cells. Used by tests/build/privacy.test.ts on a whole
 * privacy-mode build; every file is read as bytes, whatever its format.
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC, Type} from "apache-arrow";
import {csvParse} from "d3";
import {listFiles} from "../../scripts/buildSteps.js";
import {SCHEMAS, type TableName} from "../../src/io/contracts.js";
import {SMALL_CELL} from "../../src/io/privacy.js";
import {COUNTRIES} from "../../src/core/constants.js";
import type {Columns} from "../../src/io/schema.js";

/** Every identifier the world published without privacy mode: user, device, IP prefix and payment ids. */
export function rawIdentifiers(tables: Record<TableName, Columns>): Set<string> {
  const ids = new Set<string>();
  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    for (const spec of SCHEMAS[name].columns) {
      if (!spec.identifier) continue;
      for (const v of Array.from(tables[name][spec.name] as ArrayLike<string | null>)) if (v) ids.add(v);
    }
  }
  return ids;
}

/** Strings shaped like the world's identifiers (src/world/tables.ts): U0000042, D0000042, P000042, 100.0.42.0/24. */
const ID_SHAPES = /U\d{7}|D\d{7}|P\d{6}|\d{1,3}\.\d{1,3}\.\d{1,3}\.0(?:\/24)?/g;
const NEEDLE = 12;
const DIGEST_RUN = /[A-Za-z0-9+/_-]{12,}/g;

export interface IdentifierScan {
  files: number;
  bytes: number;
  identifiers: number;
  hashed: number;
  /** "file: value" for each raw identifier or unkeyed hash found. */
  found: string[];
}

/**
 * Looks in every file of `dist` for each identifier in `ids`, as itself (every string shaped like an
 * identifier is checked against the set, so all of them are covered, not a sample), and for the
 * unkeyed SHA-256, SHA-1 and MD5 of every `hashEvery`-th identifier, as hex (either case), base64 or
 * base64url, whole or cut to any length of 12 characters or more.
 */
export function scanIdentifiers(dist: string, ids: Set<string>, {hashEvery = 1} = {}): IdentifierScan {
  const needles = new Map<string, string>();
  let hashed = 0;
  let i = 0;
  for (const id of ids) {
    if (i++ % hashEvery !== 0) continue;
    hashed++;
    for (const algorithm of ["sha256", "sha1", "md5"]) {
      const digest = createHash(algorithm).update(id).digest();
      for (const text of [digest.toString("hex"), digest.toString("hex").toUpperCase(), digest.toString("base64"), digest.toString("base64url")]) {
        needles.set(text.slice(0, NEEDLE), `${algorithm}(${id})`);
      }
    }
  }
  const found: string[] = [];
  const files = listFiles(dist);
  let bytes = 0;
  for (const file of files) {
    const buffer = readFileSync(join(dist, file));
    bytes += buffer.byteLength;
    const text = buffer.toString("latin1");
    for (const match of text.matchAll(ID_SHAPES)) {
      const value = match[0];
      if (ids.has(value) || (!value.endsWith("/24") && ids.has(`${value}/24`))) found.push(`${file}: ${value}`);
    }
    // A truncated digest starts where the digest starts, but a run may hold text before it.
    for (const match of text.matchAll(DIGEST_RUN)) {
      const run = match[0];
      for (let k = 0; k + NEEDLE <= run.length; k++) {
        const hit = needles.get(run.slice(k, k + NEEDLE));
        if (hit) found.push(`${file}: ${hit} as ${run.slice(k, k + 2 * NEEDLE)}`);
      }
    }
    if (found.length > 50) break;
  }
  return {files: files.length, bytes, identifiers: ids.size, hashed, found};
}

export interface CountryCellScan {
  /** Data files read (Arrow, CSV, JSON). */
  files: number;
  /** Files holding at least one country-level aggregate. */
  breakdowns: string[];
  /** Count cells in country-level rows that were checked. */
  cells: number;
  /** "file row column=value" for each count from 1 to 10 in a country-level cell. */
  small: string[];
}

const COUNTRY_NAMES = new Set(COUNTRIES.flatMap((c) => [c.name, c.code]));
/** Integer fields that are not counts of people or events. */
const NOT_COUNT = /(^|_)(id|ids|rank|year|month|months|week|day_of_week|weekday|hour|offset|utc_offset|k|seed|scale|index|order|days|window)$|rate|share|hours|median|mean|avg|score|pct|percent|seconds|minutes/i;
const isSmall = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= SMALL_CELL.min && v <= SMALL_CELL.max;
/** An item-level table (one row per flag, account, session...) is microdata, not a breakdown. */
const isItemLevel = (fields: readonly string[]) => fields.some((f) => /(^|_)id$/.test(f));

/**
 * Finds every country-level aggregate in the data files of `dist` and every count from 1 to 10 shown
 * in one. A country-level aggregate is a row (Arrow, CSV) or JSON object with a country field (a field
 * named like "country", or a string value that is one of the world's countries), or an object keyed by
 * country; item-level tables with an id column are microdata and not breakdowns. Counts are the
 * integer fields, except those whose names say they are not counts (rates, ranks, offsets, ...).
 */
export function scanCountryCells(dist: string): CountryCellScan {
  const out: CountryCellScan = {files: 0, breakdowns: [], cells: 0, small: []};
  const record = (file: string, where: string, row: Record<string, unknown>, counts: readonly string[]) => {
    for (const c of counts) {
      out.cells++;
      if (isSmall(row[c])) out.small.push(`${file} ${where} ${c}=${row[c]}`);
    }
  };
  for (const file of listFiles(dist).filter((f) => /\.(arrow|csv|json)$/.test(f) && f.startsWith("_file/"))) {
    out.files++;
    const bytes = readFileSync(join(dist, file));
    const before = out.cells;
    if (file.endsWith(".arrow")) {
      const table = tableFromIPC(bytes);
      const fields = table.schema.fields;
      const names = fields.map((f) => f.name);
      if (!names.some((n) => /country/i.test(n)) || isItemLevel(names)) continue;
      const counts = fields.filter((f) => f.typeId === Type.Int && !NOT_COUNT.test(f.name)).map((f) => f.name);
      // get(i) reads through the validity bitmap: a suppressed (null) cell is null, not the bytes under it.
      const vectors = counts.map((c) => [c, table.getChild(c)!] as const);
      for (let i = 0; i < table.numRows; i++) {
        record(file, `row ${i}`, Object.fromEntries(vectors.map(([c, v]) => {
          const x = v.get(i);
          return [c, x === null ? null : Number(x)];
        })), counts);
      }
    } else if (file.endsWith(".csv")) {
      const rows = csvParse(bytes.toString("utf8"));
      const names = rows.columns;
      if (!names.some((n) => /country/i.test(n)) || isItemLevel(names)) continue;
      const counts = names.filter((n) => !NOT_COUNT.test(n) && rows.every((r) => r[n] === "" || /^-?\d+$/.test(r[n]!)));
      rows.forEach((r, i) => record(file, `line ${i + 2}`, Object.fromEntries(counts.map((c) => [c, r[c] === "" ? null : Number(r[c])])), counts));
    } else {
      const walk = (v: unknown, path: string): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
        if (!v || typeof v !== "object") return;
        const entries = Object.entries(v as Record<string, unknown>);
        const byCountry = entries.some(([k, x]) => (/country/i.test(k) && typeof x === "string") || (typeof x === "string" && COUNTRY_NAMES.has(x)));
        if (byCountry && !isItemLevel(entries.map(([k]) => k))) record(file, path, v as Record<string, unknown>, entries.filter(([k, x]) => !NOT_COUNT.test(k) && typeof x === "number").map(([k]) => k));
        // An object keyed by country: {"Singapore": 12, ...}.
        if (entries.some(([k]) => COUNTRY_NAMES.has(k))) record(file, path, v as Record<string, unknown>, entries.filter(([k, x]) => COUNTRY_NAMES.has(k) && typeof x === "number").map(([k]) => k));
        for (const [k, x] of entries) walk(x, `${path}.${k}`);
      };
      walk(JSON.parse(bytes.toString("utf8")), "");
    }
    if (out.cells > before) out.breakdowns.push(file);
  }
  return out;
}
