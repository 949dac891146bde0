/**
 * Validates statements of reasons against the rules of the DSA Transparency Database API (v2): the
 * Laravel request class StatementStoreRequest and its documentation. Every violation of every record
 * is reported in one pass, by record and then in STATEMENT_FIELDS order, so that a rejected submission
 * can be fixed at once. Rule names follow Laravel's ("in", "max", "required_if", "exclude_unless", …)
 * plus "type", "unknown_field" and "date_order". Missing keys count as null; blank strings too (the API
 * trims strings and turns empty ones into null). Values in the report are untrusted text: rendered inert.
 */
import {neutraliseCell} from "../io/csv.js";
import {
  ACCOUNT_TYPES,
  AUTOMATED_DECISIONS,
  CONTENT_TYPES,
  DECISION_ACCOUNTS,
  DECISION_GROUNDS,
  DECISION_MONETARIES,
  DECISION_PROVISIONS,
  DECISION_VISIBILITIES,
  DSA_CATEGORIES,
  EEA_COUNTRY_CODES,
  KEYWORDS,
  SOURCE_TYPES,
  STATEMENT_FIELDS,
  TEXT_LIMITS,
  YES_NO
} from "./statement.js";

export interface StatementViolation {
  /** Index of the record in the input (0-based). */
  record: number;
  /** The record's puid: as is when it is a valid puid, else inert text; null when it has none. */
  puid: string | null;
  field: string;
  rule: string;
  /** The offending value as inert text (JSON for arrays), at most 60 characters and "…". */
  value: string;
  message: string;
}

type Row = Readonly<Record<string, unknown>>;
type Report = (field: string, rule: string, value: unknown, message: string) => void;
type Checker = (r: Row, report: Report) => void;
type TextField = keyof typeof TEXT_LIMITS;
/** required: null or [] is "required"; nullable: null is fine, [] is "min"; optional: both are fine. */
type ArrayMode = "required" | "nullable" | "optional";

const PUID = /^[a-zA-Z0-9_-]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** C0 and C1 controls, line and paragraph separators, and bidirectional overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const VALUE_LENGTH = 60;
const LAST_DATE = "2038-01-01";
const KNOWN = new Set<string>(STATEMENT_FIELDS);
const ORDER = new Map<string, number>(STATEMENT_FIELDS.map((f, i) => [f, i]));

const VISIBILITY_OTHER: (typeof DECISION_VISIBILITIES)[number] = "DECISION_VISIBILITY_OTHER";
const MONETARY_OTHER: (typeof DECISION_MONETARIES)[number] = "DECISION_MONETARY_OTHER";
const CONTENT_TYPE_OTHER: (typeof CONTENT_TYPES)[number] = "CONTENT_TYPE_OTHER";
const KEYWORD_OTHER: (typeof KEYWORDS)[number] = "KEYWORD_OTHER";
const ILLEGAL: (typeof DECISION_GROUNDS)[number] = "DECISION_GROUND_ILLEGAL_CONTENT";
const INCOMPATIBLE: (typeof DECISION_GROUNDS)[number] = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
const VOLUNTARY: (typeof SOURCE_TYPES)[number] = "SOURCE_VOLUNTARY";

const DECISIONS = ["decision_visibility", "decision_monetary", "decision_provision", "decision_account"] as const;
const ILLEGAL_FIELDS = ["illegal_content_legal_ground", "illegal_content_explanation"] as const;
const INCOMPATIBLE_FIELDS = ["incompatible_content_ground", "incompatible_content_explanation"] as const;
/** Each end date and the decision it belongs to. */
const END_DATES = [
  ["end_date_visibility_restriction", "decision_visibility"],
  ["end_date_monetary_restriction", "decision_monetary"],
  ["end_date_service_restriction", "decision_provision"],
  ["end_date_account_restriction", "decision_account"]
] as const;
/** What a value of a long enumeration is, for messages; short ones list their values instead. */
const NOUNS: Record<string, string> = {
  decision_visibility: "a known visibility decision",
  content_type: "a known content type",
  category: "a known category",
  category_specification: "a keyword of the mapping",
  territorial_scope: "an EEA country code"
};

// Node's ICU knows the ISO 639 language names (checked on Node 20: EN, DE, TH known; XX, QQ not).
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], {type: "language", fallback: "none"});

/** An ISO 639-1 code in upper case, as the API takes content_language. */
function isLanguageCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && typeof LANGUAGE_NAMES.of(code.toLowerCase()) === "string";
}

/** A value as inert text: no controls, no markup brackets, no formula trigger, at most 60 characters and "…". */
function show(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "string") text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  const clean = neutraliseCell(text.replace(UNSAFE, "\uFFFD").replace(/</g, "‹").replace(/>/g, "›"));
  const chars = Array.from(clean);
  return chars.length > VALUE_LENGTH ? `${chars.slice(0, VALUE_LENGTH).join("")}…` : clean;
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  const type = typeof value;
  return type === "object" ? "an object" : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
}

function notAllowed(field: string, values: readonly string[]): string {
  if (NOUNS[field]) return `is not ${NOUNS[field]}`;
  return values.length <= 4 ? `is not one of ${values.join(", ")}` : `is not one of the ${values.length} values the api accepts`;
}

/** A string field: null when absent or blank, false (reported) when not a string. */
function readString(r: Row, field: string, report: Report): string | null | false {
  const v = r[field];
  if (!isSet(v)) return null;
  if (typeof v !== "string") {
    report(field, "type", v, `${field} must be a string, not ${kind(v)}`);
    return false;
  }
  return v;
}

function enumField(r: Row, field: string, values: readonly string[], required: boolean, report: Report): string | null | false {
  const v = readString(r, field, report);
  if (v === null && required) report(field, "required", r[field], `${field} is required`);
  if (typeof v === "string" && !values.includes(v)) report(field, "in", v, `${field} ${show(v)} ${notAllowed(field, values)}`);
  return v;
}

function textField(r: Row, field: TextField, required: boolean, report: Report): string | null | false {
  const v = readString(r, field, report);
  if (v === null && required) report(field, "required", r[field], `${field} is required`);
  const length = typeof v === "string" ? Array.from(v).length : 0;
  if (length > TEXT_LIMITS[field]) report(field, "max", v, `${field} has ${length} characters, more than the ${TEXT_LIMITS[field]} allowed`);
  return v;
}

/** An array of enumeration values: its strings, null when absent, false (reported) when not an array. */
function arrayField(r: Row, field: string, values: readonly string[], mode: ArrayMode, report: Report): string[] | null | false {
  const v = r[field];
  if (v === null || v === undefined) {
    if (mode === "required") report(field, "required", v, `${field} is required`);
    return null;
  }
  if (!Array.isArray(v)) {
    report(field, "type", v, `${field} must be an array, not ${kind(v)}`);
    return false;
  }
  if (v.length === 0 && mode === "required") report(field, "required", v, `${field} is an empty array; it needs at least one value`);
  if (v.length === 0 && mode === "nullable") report(field, "min", v, `${field} is an empty array; give null or at least one value`);
  const seen = new Set<string>();
  for (const item of v) {
    if (typeof item !== "string") report(field, "type", item, `${field} holds ${kind(item)}; every item must be a string`);
    else if (seen.has(item)) report(field, "distinct", item, `${field} lists ${show(item)} more than once`);
    else if (!values.includes(item)) report(field, "in", item, `${field} holds ${show(item)}, which ${notAllowed(field, values)}`);
    if (typeof item === "string") seen.add(item);
  }
  return v.filter((item): item is string => typeof item === "string");
}

function requiredIf(field: string, value: string | null | false, condition: string, report: Report): void {
  if (value === null) report(field, "required_if", null, `${field} is required when ${condition}`);
}

function excludeUnless(field: string, value: string | null | false, condition: string, report: Report): void {
  if (typeof value === "string") report(field, "exclude_unless", value, `${field} must be null unless ${condition}`);
}

/** A free-text *_other field: required when its parent holds the OTHER value, null otherwise. */
function otherField(r: Row, field: TextField, parent: string, parentValue: string | string[] | null | false, trigger: string, report: Report): void {
  const text = textField(r, field, false, report);
  if (parentValue === false) return; // the parent's type is wrong (reported): its meaning is unknown
  const on = typeof parentValue === "string" ? parentValue === trigger : parentValue !== null && parentValue.includes(trigger);
  const condition = `${parent} ${parent === "decision_monetary" ? "is" : "includes"} ${trigger}`;
  if (on) requiredIf(field, text, condition, report);
  else excludeUnless(field, text, condition, report);
}

/** The problem with a date string's form, or null when it is a real calendar day as YYYY-MM-DD. */
function dateProblem(v: string): string | null {
  const m = ISO_DATE.exec(v);
  if (!m) return "is not a date in the format YYYY-MM-DD";
  const day = new Date(0);
  day.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return day.toISOString().slice(0, 10) === v ? null : "is not a calendar day (YYYY-MM-DD)";
}

/** A date field: the date when well formed (in range or not), null when absent, false when malformed (reported). */
function dateField(r: Row, field: string, required: boolean, first: string | null, report: Report): string | null | false {
  const v = readString(r, field, report);
  if (v === null && required) report(field, "required", r[field], `${field} is required`);
  if (typeof v !== "string") return v;
  const problem = dateProblem(v);
  if (problem) {
    report(field, "date_format", v, `${field} ${show(v)} ${problem}`);
    return false;
  }
  if (first !== null && v < first) report(field, "after_or_equal", v, `${field} ${v} is before ${first}`);
  if (v > LAST_DATE) report(field, "before_or_equal", v, `${field} ${v} is after ${LAST_DATE}`);
  return v;
}

function checkUnknown(r: Row, report: Report): void {
  for (const key of Object.keys(r)) {
    if (!KNOWN.has(key)) report(show(key), "unknown_field", r[key], `${show(key)} is not a field of the statement of reasons`);
  }
}

function checkPuid(r: Row, report: Report): void {
  const puid = textField(r, "puid", true, report);
  if (typeof puid === "string" && !PUID.test(puid)) report("puid", "regex", puid, `puid ${show(puid)} has characters other than letters, digits, _ and -`);
}

function checkDecisions(r: Row, report: Report): void {
  const visibility = arrayField(r, "decision_visibility", DECISION_VISIBILITIES, "nullable", report);
  const monetary = enumField(r, "decision_monetary", DECISION_MONETARIES, false, report);
  const provision = enumField(r, "decision_provision", DECISION_PROVISIONS, false, report);
  const account = enumField(r, "decision_account", DECISION_ACCOUNTS, false, report);
  if ([visibility, monetary, provision, account].every((v) => v === null)) {
    report("decision_visibility", "required_without_all", null, `at least one of ${DECISIONS.join(", ")} is required`);
  }
  otherField(r, "decision_visibility_other", "decision_visibility", visibility, VISIBILITY_OTHER, report);
  otherField(r, "decision_monetary_other", "decision_monetary", monetary, MONETARY_OTHER, report);
  enumField(r, "account_type", ACCOUNT_TYPES, false, report);
}

/** decision_ground and the two pairs of texts that go with it: the pair of the ground is required, the other must be null. */
function checkGround(r: Row, report: Report): void {
  const ground = enumField(r, "decision_ground", DECISION_GROUNDS, true, report);
  const texts = new Map([...ILLEGAL_FIELDS, ...INCOMPATIBLE_FIELDS].map((f) => [f, textField(r, f, false, report)] as const));
  const alsoIllegal = enumField(r, "incompatible_content_illegal", YES_NO, false, report);
  if (ground !== ILLEGAL && ground !== INCOMPATIBLE) return; // missing or unknown (reported): no pair applies
  const [required, excluded] = ground === ILLEGAL ? [ILLEGAL_FIELDS, INCOMPATIBLE_FIELDS] : [INCOMPATIBLE_FIELDS, ILLEGAL_FIELDS];
  const other = ground === ILLEGAL ? INCOMPATIBLE : ILLEGAL;
  for (const f of required) requiredIf(f, texts.get(f)!, `decision_ground is ${ground}`, report);
  for (const f of excluded) excludeUnless(f, texts.get(f)!, `decision_ground is ${other}`, report);
  if (ground === ILLEGAL) excludeUnless("incompatible_content_illegal", alsoIllegal, `decision_ground is ${INCOMPATIBLE}`, report);
}

function checkContent(r: Row, report: Report): void {
  const types = arrayField(r, "content_type", CONTENT_TYPES, "required", report);
  otherField(r, "content_type_other", "content_type", types, CONTENT_TYPE_OTHER, report);
  enumField(r, "category", DSA_CATEGORIES, true, report);
  const keywords = arrayField(r, "category_specification", KEYWORDS, "optional", report);
  otherField(r, "category_specification_other", "category_specification", keywords, KEYWORD_OTHER, report);
  arrayField(r, "territorial_scope", EEA_COUNTRY_CODES, "required", report);
  const language = readString(r, "content_language", report);
  if (typeof language === "string" && !isLanguageCode(language)) {
    report("content_language", "in", language, `content_language ${show(language)} is not an iso 639-1 language code in upper case`);
  }
}

function checkDates(r: Row, report: Report): void {
  const content = dateField(r, "content_date", true, "2000-01-01", report);
  const application = dateField(r, "application_date", true, "2020-01-01", report);
  if (content && application && content > application) {
    report("content_date", "date_order", content, `content_date ${content} is after application_date ${application}`);
  }
  for (const [field, decision] of END_DATES) {
    const end = dateField(r, field, false, null, report);
    if (end && application && end < application) report(field, "after_or_equal", end, `${field} ${end} is before application_date ${application}`);
    if (isSet(r[field]) && !isSet(r[decision])) report(field, "exclude_unless", r[field], `${field} must be null unless ${decision} is set`);
  }
}

function checkSource(r: Row, report: Report): void {
  textField(r, "decision_facts", true, report);
  const source = enumField(r, "source_type", SOURCE_TYPES, true, report);
  const identity = textField(r, "source_identity", false, report);
  if (source === VOLUNTARY && typeof identity === "string") {
    report("source_identity", "exclude_if", identity, `source_identity must be null when source_type is ${VOLUNTARY}`);
  }
  enumField(r, "automated_detection", YES_NO, true, report);
  enumField(r, "automated_decision", AUTOMATED_DECISIONS, true, report);
}

const CHECKERS: readonly Checker[] = [checkUnknown, checkPuid, checkDecisions, checkGround, checkContent, checkDates, checkSource];

function puidOf(r: unknown): string | null {
  const puid = typeof r === "object" && r !== null ? (r as Row).puid : null;
  if (typeof puid !== "string" || puid.trim() === "") return null;
  return PUID.test(puid) && puid.length <= TEXT_LIMITS.puid ? puid : show(puid);
}

/** One record's violations in STATEMENT_FIELDS order (unknown fields last); `firstByPuid` carries the puids seen so far. */
function checkRecord(r: unknown, index: number, firstByPuid: Map<string, number>): StatementViolation[] {
  const found: {order: number; violation: StatementViolation}[] = [];
  const puid = puidOf(r);
  const report: Report = (field, rule, value, message) => {
    const order = ORDER.get(field) ?? (field === "record" ? -1 : STATEMENT_FIELDS.length);
    found.push({order, violation: {record: index, puid, field, rule, value: show(value), message}});
  };
  if (typeof r !== "object" || r === null || Array.isArray(r)) {
    report("record", "type", r, `record ${index} must be an object, not ${kind(r)}`);
  } else {
    for (const check of CHECKERS) check(r as Row, report);
    const raw = (r as Row).puid;
    if (typeof raw === "string" && isSet(raw)) {
      const first = firstByPuid.get(raw);
      if (first === undefined) firstByPuid.set(raw, index);
      else report("puid", "unique", raw, `puid ${show(raw)} is already used by record ${first}`);
    }
  }
  return found.sort((a, b) => a.order - b.order).map((f) => f.violation);
}

/** Every violation of every record, by record and then in STATEMENT_FIELDS order; [] when all are valid. */
export function validateStatements(records: readonly Record<string, unknown>[]): StatementViolation[] {
  const firstByPuid = new Map<string, number>();
  const out: StatementViolation[] = [];
  records.forEach((r, i) => {
    for (const v of checkRecord(r, i, firstByPuid)) out.push(v);
  });
  return out;
}

/** A report for people: a count line, then one line per violation up to `limit`; "" when there are none. */
export function formatStatementViolations(violations: readonly StatementViolation[], limit = 50): string {
  if (violations.length === 0) return "";
  const records = new Set(violations.map((v) => v.record)).size;
  const lines = [`${violations.length} statement-of-reasons violation${violations.length === 1 ? "" : "s"} in ${records} record${records === 1 ? "" : "s"}`];
  for (const v of violations.slice(0, Math.max(0, limit))) lines.push(`record ${v.record} (puid ${v.puid ?? "–"}): ${v.field} — ${v.rule}: ${v.message}`);
  if (violations.length > limit) lines.push(`… and ${violations.length - Math.max(0, limit)} more`);
  return lines.join("\n");
}
