import type {ColumnType} from "../schema.js";
import type {ImportColumn} from "./contract.js";
import type {Rule} from "./findings.js";

/**
 * Typing one value by its contract column, never by inference: the value arrives as the text a CSV
 * holds (Parquet values are cast to text the same way), and becomes the published form (integers and
 * floats as numbers, booleans, dates as "YYYY-MM-DD", timestamps as epoch ms) or a named violation.
 * Nothing is trimmed, rounded or coerced: " spam" is not "spam", "1.0" is not an integer.
 */

export type Typed = number | string | boolean | null;
export type Cell = {ok: true; value: Typed; mapped: boolean} | {ok: false; rule: Rule; detail: string};

/** Platform values for contract values, per column name: {"category": {"Hate speech": "harassment_hate"}}. */
export type Mapping = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Boolean spellings accepted (true and false in any case). */
export const BOOLEANS: Readonly<Record<string, boolean>> = {true: true, false: false, "1": true, "0": false};

const INT = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[-+]\d{2}(?::?\d{2})?)?$/;
/** The offsets that say UTC: Z, +00, +00:00, +0000 ("-00:00" means "offset unknown" in RFC 3339). */
const UTC_OFFSET = /^(?:[Zz]|\+00(?::?00)?)$/;

const fail = (rule: Rule, detail: string): Cell => ({ok: false, rule, detail});
const ok = (value: Typed, mapped = false): Cell => ({ok: true, value, mapped});

/** Epoch ms of a calendar time, or null when a field is out of its range (Date.UTC would roll 02-30 over to March). */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const t = new Date(ms);
  const same = t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
  return same ? ms : null;
}

function typeDate(raw: string): Cell {
  const m = DATE.exec(raw);
  if (!m) return fail("wrong type", "a date YYYY-MM-DD");
  return utcMs(+m[1], +m[2], +m[3]) === null ? fail("impossible date", "a calendar date") : ok(raw);
}

function typeTimestamp(raw: string): Cell {
  const m = TIMESTAMP.exec(raw);
  if (!m) return fail("wrong type", "an ISO 8601 timestamp, e.g. 2025-03-01T08:15:00Z");
  const ms = utcMs(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0));
  if (ms === null) return fail("impossible date", "a calendar date and time");
  if (m[8] === undefined) return fail("non-UTC timestamp", "no offset: write the time in UTC with Z or +00:00");
  if (!UTC_OFFSET.test(m[8])) return fail("non-UTC timestamp", `offset ${m[8]}: convert to UTC and write Z or +00:00`);
  // Fractions below a millisecond are kept (epoch ms with a fraction), not cut.
  return ok(ms + (m[7] ? Number(m[7]) * 1000 : 0));
}

function typeNumber(type: "int" | "float", raw: string): Cell {
  if (type === "int") {
    const n = Number(raw);
    return INT.test(raw) && Number.isSafeInteger(n) ? ok(n) : fail("wrong type", "an integer");
  }
  const n = Number(raw);
  return FLOAT.test(raw) && Number.isFinite(n) ? ok(n) : fail("wrong type", "a finite decimal number");
}

function typeValue(type: ColumnType, raw: string): Cell {
  switch (type) {
    case "int":
    case "float":
      return typeNumber(type, raw);
    case "bool": {
      const b = BOOLEANS[raw.toLowerCase()];
      return b === undefined ? fail("wrong type", "a boolean: true, false, 1 or 0") : ok(b);
    }
    case "date":
      return typeDate(raw);
    case "timestamp":
      return typeTimestamp(raw);
    case "string":
      return ok(raw);
  }
}

/** Each column's accepted values, by value: one lookup per cell, and the value given is the contract's own string. */
const ACCEPTED = new WeakMap<readonly string[], ReadonlyMap<string, string>>();
function acceptedValues(values: readonly string[]): ReadonlyMap<string, string> {
  let map = ACCEPTED.get(values);
  if (!map) ACCEPTED.set(values, (map = new Map(values.map((v) => [v, v]))));
  return map;
}

/** The accepted value a platform value stands for: itself, or its mapping; null when neither is accepted. */
function accept(column: ImportColumn, raw: string, mapping: Mapping): {value: string; mapped: boolean} | null {
  const values = acceptedValues(column.values!);
  const value = values.get(raw);
  if (value !== undefined) return {value, mapped: false};
  const target = mapping[column.name]?.[raw];
  const mapped = target === undefined ? undefined : values.get(target);
  return mapped !== undefined ? {value: mapped, mapped: true} : null;
}

/** A number of the column, or "out of range" outside its min and max. */
function inRange(column: ImportColumn, n: number): Cell {
  const out = (column.min !== undefined && n < column.min) || (column.max !== undefined && n > column.max);
  return out ? fail("out of range", `a number in [${column.min ?? "-∞"}, ${column.max ?? "∞"}]`) : ok(n);
}

/** One raw value typed by its column: null and "" are null. */
export function typeCell(column: ImportColumn, raw: string | null, mapping: Mapping = {}): Cell {
  if (raw === null || raw === "") return column.nullable ? ok(null) : fail("missing value", `a ${column.type} (the column does not accept null)`);
  if (raw.length > column.maxLength) {
    const chars = Array.from(raw).length;
    if (chars > column.maxLength) return fail("too long", `${chars} characters; at most ${column.maxLength}`);
  }
  const cell = typeValue(column.type, raw);
  if (!cell.ok) return cell;
  if (column.values) {
    const hit = accept(column, raw, mapping);
    if (!hit) return fail("unknown value", `one of ${column.values.join(", ")}, or a value the mapping file maps to one`);
    return ok(hit.value, hit.mapped);
  }
  return typeof cell.value === "number" ? inRange(column, cell.value) : cell;
}

/** A value as a reader gives it: text, or from a column already of the contract's type (Parquet) a number, a big integer or a boolean. */
export type RawValue = string | number | bigint | boolean | null;

/**
 * A value of a column already of the contract's type (a Parquet INTEGER, BIGINT, DOUBLE, BOOLEAN or
 * TIMESTAMP WITH TIME ZONE, read as epoch ms): checked by the rules typeCell applies to its text, so the
 * same value is accepted or rejected, with the same rule, whichever way it arrives.
 */
function typeTyped(column: ImportColumn, value: number | bigint | boolean): Cell {
  if (typeof value === "boolean") return column.type === "bool" ? ok(value) : fail("wrong type", `a ${column.type}`);
  const n = Number(value);
  if (column.type === "int" && !Number.isSafeInteger(n)) return fail("wrong type", "an integer");
  if (!Number.isFinite(n) || column.type === "bool" || column.type === "string" || column.type === "date") return fail("wrong type", column.type === "int" ? "an integer" : "a finite decimal number");
  return inRange(column, n);
}

/** One raw value, text or typed, typed by its column (typeCell, typeTyped). */
export function typeRaw(column: ImportColumn, raw: RawValue, mapping: Mapping = {}): Cell {
  return raw === null || typeof raw === "string" ? typeCell(column, raw, mapping) : typeTyped(column, raw);
}

/** A raw value as the report and the rejects file show it: text as it is, a timestamp in ISO 8601 UTC. */
export function rawText(raw: RawValue, type?: ColumnType): string | null {
  if (raw === null || typeof raw === "string") return raw;
  return type === "timestamp" && typeof raw === "number" && Number.isFinite(raw) ? new Date(raw).toISOString() : String(raw);
}

