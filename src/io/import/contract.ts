import {ATTACKS_TABLE, BENIGN_EVENTS, COHORT, KNOWN_EVENTS, DAILY_COUNTRY, DSA_FLAGS, EVENTS, FLAGS, IDLE_PERIODS, MODERATOR_SESSIONS, MONTHLY_ACTIVE, REVIEWERS, RINGS, SESSION_ITEMS, SNIPPETS, USERS} from "../contracts.js";
import type {ColumnSpec, Reference, TableSchema} from "../schema.js";

/**
 * The import contract: the tables a platform can supply to build the workbook from its own data. Each
 * table is a projection of a published table (src/io/contracts.ts): its columns are the published
 * columns, picked by name with their types, accepted values and ranges, so the two cannot disagree.
 * What the import adds is which columns a platform must supply, which it may, which the workbook
 * derives itself (and therefore does not take), the longest value it accepts, and an example.
 *
 * Ground truth (a published column or table described as "Ground truth: ...") is never required: a
 * platform rarely knows it, and only evaluation reads it.
 */

/** Longest accepted value of a column, in characters; free-text columns take TEXT_FIELD_CHARS. */
export const MAX_FIELD_CHARS = 200;
export const TEXT_FIELD_CHARS = 5000;

export interface ImportColumn extends ColumnSpec {
  /** The column must be in the file (its values may still be null where the column is nullable). */
  required: boolean;
  /** Ground truth: optional, read only by evaluation. */
  truth: boolean;
  /** Longest accepted value, characters. */
  maxLength: number;
}

/** A column the workbook computes from others: not taken from the platform, so it cannot disagree with them. */
export interface DerivedColumn {
  column: string;
  from: string;
}

export interface ImportTable {
  name: string;
  description: string;
  /** The build cannot run without it; every other table is optional and the pages adapt. */
  required: boolean;
  /** The whole table is ground truth. */
  truth: boolean;
  /** The published table whose columns it takes. */
  published: string;
  columns: readonly ImportColumn[];
  /** Columns that together identify a row (none: rows may repeat). */
  key: readonly string[];
  /** References to other import tables, checked when the referenced table is supplied. */
  references: readonly Reference[];
  derived: readonly DerivedColumn[];
  /** Pairs of date or time columns of one row, [earlier, later]: the later may not precede the earlier. */
  order: readonly (readonly [string, string])[];
  /** Rows as they appear in a CSV file (every value a string; "" is null). */
  example: readonly Readonly<Record<string, string>>[];
}

type Pick = string | [string, Partial<ColumnSpec> & {maxLength?: number}];

interface Definition {
  name: string;
  from: TableSchema;
  description: string;
  required?: boolean;
  /** Columns that must be present, then columns that may be. */
  must: readonly Pick[];
  may: readonly Pick[];
  key?: readonly string[];
  /** References beyond the published table's own that point to import tables. */
  references?: readonly Reference[];
  derived?: readonly DerivedColumn[];
  /** Pairs of date or time columns, [earlier, later], that a row must keep in order. */
  order?: readonly (readonly [string, string])[];
  example: readonly Record<string, string>[];
}

const isTruth = (description: string) => /^Ground truth\b/.test(description);

function column(schema: TableSchema, pick: Pick, required: boolean, truthTable: boolean): ImportColumn {
  const [name, extra] = typeof pick === "string" ? [pick, {}] : pick;
  const spec = schema.columns.find((c) => c.name === name);
  if (!spec) throw new Error(`import contract: ${schema.name} has no column ${name}`);
  const merged = {...spec, ...extra};
  // A ground-truth table is optional as a whole; once supplied, its key is required like any other.
  if (isTruth(merged.description) && required) throw new Error(`import contract: ground-truth column ${schema.name}.${name} cannot be required`);
  const truth = truthTable || isTruth(merged.description);
  const {maxLength = MAX_FIELD_CHARS, ...rest} = merged as ColumnSpec & {maxLength?: number};
  return {...rest, required, truth, maxLength};
}

function defineTable(d: Definition, tables: readonly string[]): ImportTable {
  const truth = isTruth(d.from.description);
  const columns = [...d.must.map((p) => column(d.from, p, true, truth)), ...d.may.map((p) => column(d.from, p, false, truth))];
  const names = new Set(columns.map((c) => c.name));
  // The published table's references that stay inside the import (its columns, an import table).
  const references = [...(d.from.references ?? []), ...(d.references ?? [])].filter((r) => names.has(r.column) && tables.includes(r.table));
  const key = d.key ?? d.from.key ?? [];
  for (const k of key) if (!names.has(k)) throw new Error(`import contract: key column ${d.name}.${k} is not imported`);
  const order = d.order ?? [];
  for (const pair of order) for (const c of pair) if (!names.has(c)) throw new Error(`import contract: ordered column ${d.name}.${c} is not imported`);
  return {name: d.name, description: d.description, required: d.required ?? false, truth, published: d.from.name, columns, key, references, derived: d.derived ?? [], order, example: d.example};
}

const TEXT = {maxLength: TEXT_FIELD_CHARS};

const DEFINITIONS: readonly Definition[] = [
  {
    name: "flags", from: FLAGS, required: true,
    order: [["ts", "opened_ts"], ["opened_ts", "decided_ts"], ["ts", "decided_ts"]],
    description: "One row per flag (report) on a piece of content: when it was raised, its policy category, source and severity, how it was routed, and the decision.",
    must: ["flag_id", "ts", "country", "category", "source", "severity", "route", "action", "decided_ts"],
    may: [
      "surface", "ml_score", "reviewer_id",
      ["opened_ts", {description: "When a reviewer opened the case (UTC). Where it is absent or empty, the workbook estimates it from the queue's rules: a reviewer opens their next case as soon as it has been raised, their previous case is decided and they are on shift."}],
      "actor_id", "target_id", "template_id", "is_violation", "coordinated", "attack_id"
    ],
    derived: [
      {column: "date", from: "ts"}, {column: "region", from: "country"}, {column: "tta_hours", from: "decided_ts - ts"},
      {column: "sla_breached", from: "severity and tta_hours"}, {column: "appealed", from: "appeals"}, {column: "appeal_ts", from: "appeals.appeal_ts"}, {column: "overturned", from: "appeals.overturned"}
    ],
    example: [
      {flag_id: "1", ts: "2025-03-01T08:15:00Z", country: "Singapore", category: "spam", source: "ai", severity: "low", route: "auto_block", action: "removal", decided_ts: "2025-03-01T08:15:00Z", ml_score: "0.97", reviewer_id: "", opened_ts: "", actor_id: "u17"},
      {flag_id: "2", ts: "2025-03-01T09:40:12Z", country: "Germany", category: "harassment_hate", source: "user", severity: "high", route: "human_review", action: "warning", decided_ts: "2025-03-01T13:02:45Z", ml_score: "0.61", reviewer_id: "R03", opened_ts: "2025-03-01T12:41:03Z", actor_id: "u42"}
    ]
  },
  {
    name: "appeals", from: FLAGS,
    description: "One row per appealed enforcement: when the appeal was filed and whether it overturned the action.",
    must: ["flag_id", ["appeal_ts", {nullable: false, description: "When the appeal was filed (UTC)."}], "overturned"],
    may: [],
    references: [{column: "flag_id", table: "flags"}],
    example: [{flag_id: "2", appeal_ts: "2025-03-02T10:00:00Z", overturned: "false"}]
  },
  {
    name: "reviewers", from: REVIEWERS,
    description: "The human review team: one row per reviewer, with their hub and shift.",
    must: ["reviewer_id"],
    may: ["hub", "shift_start_hour", "shift_hours", "workdays", "first_day", "accuracy"],
    example: [{reviewer_id: "R03", hub: "Manila", shift_start_hour: "0", shift_hours: "8", workdays: "Mon-Fri", first_day: "2025-03-01"}]
  },
  {
    name: "moderator_sessions", from: MODERATOR_SESSIONS,
    order: [["start_ts", "end_ts"]],
    description: "Reviewers' working sessions in the review tool: one row per session.",
    must: ["session_id", "reviewer_id", "start_ts", "end_ts"],
    may: [],
    derived: [
      {column: "duration_s", from: "end_ts - start_ts"}, {column: "items", from: "session_items"}, {column: "unique_items", from: "session_items"},
      {column: "cases", from: "session_items"}, {column: "idle_inactivity_s", from: "idle_periods"}, {column: "idle_pause_s", from: "idle_periods"}
    ],
    example: [{session_id: "1", reviewer_id: "R03", start_ts: "2025-03-01T09:00:00Z", end_ts: "2025-03-01T10:30:00Z"}]
  },
  {
    name: "session_items", from: SESSION_ITEMS,
    description: "Every item a moderator viewed in a session, in order: the decided flag or a context item, how far the view got and the key pressed.",
    must: ["session_id", "item_index", "content_id", "status", "decision"],
    // Complete when supplied: the published columns are null only when the whole column is absent.
    may: ["flag_id", ["view_ts", {nullable: false}], ["view_s", {nullable: false}], ["loops", {nullable: false}], ["sound_muted", {nullable: false}]],
    example: [
      {session_id: "1", item_index: "0", content_id: "901", status: "completed", decision: "accept", flag_id: "2", view_ts: "2025-03-01T09:01:00Z", view_s: "42.5", loops: "1", sound_muted: "true"},
      {session_id: "1", item_index: "1", content_id: "902", status: "partial", decision: "none", flag_id: "", view_ts: "2025-03-01T09:02:00Z", view_s: "8", loops: "0", sound_muted: "false"}
    ]
  },
  {
    name: "idle_periods", from: IDLE_PERIODS,
    description: "Idle periods inside moderator sessions: inactivity (waiting on an empty queue) or a pause.",
    must: ["session_id", "idle_type", "duration_s"],
    may: [["start_ts", {nullable: false}]],
    example: [{session_id: "1", idle_type: "pause", duration_s: "300", start_ts: "2025-03-01T09:45:00Z"}]
  },
  {
    name: "users", from: USERS,
    description: "Accounts with their country, signup date and identifiers (device, IP prefix, payment instrument).",
    must: ["user_id"],
    may: ["country", "signup_date", "device_id", "ip_prefix", "payment_id", "actor_type", "ring_id"],
    derived: [{column: "region", from: "country"}],
    example: [
      {user_id: "u17", country: "Singapore", signup_date: "2025-02-27", device_id: "d9", ip_prefix: "10.1.2", payment_id: ""},
      {user_id: "u42", country: "Germany", signup_date: "2024-11-05", device_id: "d31", ip_prefix: "10.7.0", payment_id: "p5"}
    ]
  },
  {
    name: "events", from: EVENTS,
    description: "The product event log (signups, logins, chats, uploads, billing, warnings, policy blocks) of some or all accounts.",
    must: ["event_id", "ts", "user_id", "event_type"],
    may: ["device_id", "ip_prefix", "payment_id", "peer_id", "peer_new", "abusive"],
    references: [{column: "user_id", table: "users"}],
    example: [{event_id: "1", ts: "2025-03-01T07:00:00Z", user_id: "u17", event_type: "login", device_id: "d9", ip_prefix: "10.1.2"}]
  },
  {
    name: "daily_activity", from: DAILY_COUNTRY,
    description: "Daily active users and content created per country: the denominators of report and enforcement rates.",
    must: ["date", "country", "active_users", "content_created"],
    may: [],
    derived: [{column: "region", from: "country"}],
    example: [{date: "2025-03-01", country: "Singapore", active_users: "120000", content_created: "450000"}]
  },
  {
    name: "snippets", from: SNIPPETS,
    description: "Text of flagged content. Texts may hold hostile markup or formulas: the workbook shows them as text only.",
    must: ["flag_id", ["snippet", TEXT]],
    may: ["template_id", "template_group"],
    example: [{flag_id: "2", snippet: "you again? nobody wants you here"}]
  },
  {
    name: "attacks", from: ATTACKS_TABLE,
    order: [["start_date", "end_date"]],
    description: "Ground truth: coordinated attacks the platform has confirmed, for scoring the attack detectors.",
    must: ["attack_id", "start_date", "end_date", "category"],
    may: ["pattern", ["description", TEXT], "accounts", "ring_id"],
    derived: [{column: "days", from: "start_date and end_date"}, {column: "flags", from: "flags.attack_id"}],
    example: [{attack_id: "A1", start_date: "2025-04-02", end_date: "2025-04-04", category: "spam", ring_id: "ring1"}]
  },
  {
    name: "rings", from: RINGS,
    description: "Ground truth: rings of coordinated accounts the platform has confirmed.",
    must: ["ring_id"],
    may: [["purpose", TEXT], "attack_id", "accounts"],
    example: [{ring_id: "ring1", purpose: "spam campaign", attack_id: "A1", accounts: "40"}]
  },
  {
    name: "known_events", from: KNOWN_EVENTS,
    order: [["start_date", "end_date"]],
    description: "The platform's own log of dated events (launches, outages, policy changes, news events, incidents, confirmed campaigns): the pages explain a flagged day by the events that span it.",
    must: ["event", "start_date", "end_date"],
    may: [["note", TEXT]],
    example: [
      {event: "messaging launch", start_date: "2025-05-05", end_date: "2025-05-18", note: "direct messages roll out to every account"},
      {event: "classifier v3.2 push", start_date: "2025-08-12", end_date: "2025-08-13", note: "nudity model over-blocks until rollback"}
    ]
  },
  {
    name: "cohort", from: COHORT,
    description: "The accounts whose events the event log holds: the sampling stratum and weight that make the sample stand for the population, and, where an experiment ran, each account's arm and outcomes.",
    must: ["user_id", "stratum", "weight"],
    may: ["arm", "exposed_date", "exposures", "churn_date", "suspended_date", "rate_limited"],
    example: [{user_id: "u17", stratum: "benign_new", weight: "24.5", arm: "control", exposed_date: "", exposures: "0", churn_date: "", suspended_date: "", rate_limited: "0"}]
  },
  {
    name: "dsa_decisions", from: DSA_FLAGS,
    description: "What the Digital Services Act's transparency outputs need beyond the flags: one row per flag with the content's type and language, the account type, how the notice arrived, the grounds and the complaint's decision.",
    must: ["flag_id", "content_type", "content_language", "account_type", "notice_type", "suspension_permanent"],
    may: ["alleged_legal_ground", "decision_ground", "suspension_end_date", "complaint_decided_ts", "is_illegal"],
    example: [{flag_id: "2", content_type: "text", content_language: "DE", account_type: "private", notice_type: "article_16", alleged_legal_ground: "", decision_ground: "terms_and_conditions", suspension_end_date: "", suspension_permanent: "false", complaint_decided_ts: "2025-03-04T11:00:00Z"}]
  },
  {
    name: "monthly_active", from: MONTHLY_ACTIVE,
    description: "Average monthly active recipients per month and country (Article 24(2) DSA).",
    must: ["month", "country", "monthly_active_recipients"],
    may: [],
    derived: [{column: "country_code", from: "country"}, {column: "region", from: "country"}, {column: "eea", from: "country"}],
    example: [{month: "2025-03", country: "Germany", monthly_active_recipients: "1850000"}]
  },
  {
    name: "benign_events", from: BENIGN_EVENTS,
    order: [["start_date", "end_date"]],
    description: "Ground truth: benign events the platform has confirmed that look like coordination on one signal (a viral report burst, a signup cohort, shared devices, campus NAT, chain messages), for scoring the attack detectors' false alarms.",
    must: ["event_id", "kind", "signal", "start_date", "end_date", "category"],
    may: ["accounts", "flags", "violating_flags", ["description", TEXT]],
    derived: [{column: "days", from: "start_date and end_date"}],
    example: [{event_id: "B1", kind: "viral_report_burst", signal: "volume", start_date: "2025-05-03", end_date: "2025-05-04", category: "misinformation", accounts: "1", flags: "420", violating_flags: "12"}]
  }
];

const NAMES = DEFINITIONS.map((d) => d.name);

/** Every import table, in the order the documentation lists them (flags first). */
export const IMPORT_TABLES: readonly ImportTable[] = DEFINITIONS.map((d) => defineTable(d, NAMES));

export const IMPORT_TABLE_NAMES: readonly string[] = NAMES;

/**
 * The import tables with every table after the tables it references (a stable topological order), so
 * a table's references can be checked against the rows already accepted from its parents.
 */
export function importOrder(tables: readonly ImportTable[] = IMPORT_TABLES): ImportTable[] {
  const done = new Set<string>();
  const out: ImportTable[] = [];
  const names = new Set(tables.map((t) => t.name));
  while (out.length < tables.length) {
    const next = tables.find((t) => !done.has(t.name) && t.references.every((r) => r.table === t.name || done.has(r.table) || !names.has(r.table)));
    if (!next) throw new Error(`import contract: reference cycle among ${tables.filter((t) => !done.has(t.name)).map((t) => t.name).join(", ")}`);
    done.add(next.name);
    out.push(next);
  }
  return out;
}

export function importTable(name: string): ImportTable {
  const table = IMPORT_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`unknown import table: ${name}`);
  return table;
}

/** Columns whose values are a closed set, by name: the columns a mapping file may translate. */
export function mappableColumns(): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const t of IMPORT_TABLES) for (const c of t.columns) if (c.values) out.set(c.name, c.values);
  return out;
}
