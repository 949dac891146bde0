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

/** The accepted value a platform value stands for: itself, or its mapping; null when neither is accepted. */
function accept(column: ImportColumn, raw: string, mapping: Mapping): {value: string; mapped: boolean} | null {
  const values = column.values!;
  if (values.includes(raw)) return {value: raw, mapped: false};
  const target = mapping[column.name]?.[raw];
  return target !== undefined && values.includes(target) ? {value: target, mapped: true} : null;
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
  const n = cell.value;
  if (typeof n === "number" && ((column.min !== undefined && n < column.min) || (column.max !== undefined && n > column.max))) {
    return fail("out of range", `a number in [${column.min ?? "-∞"}, ${column.max ?? "∞"}]`);
  }
  return cell;
}
