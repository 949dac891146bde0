import {daysBetween} from "../../core/calendar.js";
import {COUNTRIES, ROUTES} from "../../core/constants.js";
import {textSampleRate} from "../../core/sampling.js";
import {sampled} from "../tables.js";
import type {Columns} from "../../io/schema.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {labelIndex} from "./vocabulary.js";

/**
 * The account-side published tables from imported tables: users, the event log, attacks, rings and the
 * explorer's flagged texts. Each is its import table with the columns the workbook derives (a user's
 * region from the country, an attack's days and flag count, the texts' sample) added the way the
 * simulation's builders (src/world/tables.ts) add them, so a simulated world's export comes back the same.
 */

const REGION_OF: ReadonlyMap<string, string> = new Map(COUNTRIES.map((c) => [c.name, c.region]));

type Values = readonly unknown[];
const column = (table: Columns, name: string): Values => table[name] as unknown as Values;

/** A column the build needs that the platform did not supply: a clear error, not a silent gap. */
function need(imported: ImportColumns, table: string, name: string): Values {
  const values = imported[table]?.[name];
  if (values === undefined) throw new Error(`import: the published ${table} table needs the column ${table}.${name}, which the import does not supply`);
  return values as unknown as Values;
}

/** The region of each country (the contract has already checked the names). */
export function regions(countries: Values): string[] {
  return countries.map((c) => REGION_OF.get(c as string)!);
}

/**
 * users: the imported accounts, with each account's region. As the simulation's usersTable keeps them:
 * every account at a sample `rate` of 1; below it a deterministic sample of the rows, plus every ring
 * member and every account in `named` (those the published flags, the cohort and the event log name),
 * so that references hold.
 */
export function usersFromImport(imported: ImportColumns, rate = 1, named: ReadonlySet<unknown> = new Set()): Columns {
  const order = ["user_id", "country", "region", "signup_date", "device_id", "ip_prefix", "payment_id", "actor_type", "ring_id"];
  const ids = need(imported, "users", "user_id");
  const rings = imported.users?.ring_id as Values | undefined;
  const rows: number[] | null = rate >= 1 ? null : [];
  if (rows) for (let k = 0; k < ids.length; k++) if (sampled(k, rate) || rings?.[k] != null || named.has(ids[k])) rows.push(k);
  const out: Columns = {};
  for (const name of order) {
    const values = name === "region" ? regions(need(imported, "users", "country")) : need(imported, "users", name);
    out[name] = (rows ? rows.map((k) => values[k]) : values) as Columns[string];
  }
  return out;
}

/** The accounts the published tables name: the published flags' and cases' actors and targets, the cohort's accounts and the event log's. */
export function namedAccounts(flags: Columns, cases: Columns | undefined, imported: ImportColumns): Set<unknown> {
  const named = new Set<unknown>();
  for (const values of [flags.actor_id, flags.target_id, cases?.actor_id, imported.cohort?.user_id, imported.events?.user_id]) {
    if (values) for (let i = 0; i < values.length; i++) if (values[i] != null) named.add(values[i]);
  }
  return named;
}

/** attacks: the confirmed attacks, with their days (inclusive) and the flags that carry their id. */
export function attacksFromImport(imported: ImportColumns): Columns {
  const a = imported.attacks;
  const starts = need(imported, "attacks", "start_date") as string[];
  const ends = need(imported, "attacks", "end_date") as string[];
  const ids = need(imported, "attacks", "attack_id") as string[];
  const counts = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of need(imported, "flags", "attack_id")) if (id !== null && counts.has(id as string)) counts.set(id as string, counts.get(id as string)! + 1);
  return {
    attack_id: ids,
    start_date: starts,
    end_date: ends,
    days: starts.map((s, i) => daysBetween(s, ends[i]) + 1),
    category: column(a, "category") as string[],
    pattern: need(imported, "attacks", "pattern") as string[],
    accounts: need(imported, "attacks", "accounts") as number[],
    flags: ids.map((id) => counts.get(id)!),
    ring_id: need(imported, "attacks", "ring_id") as string[],
    description: need(imported, "attacks", "description") as string[]
  };
}

/** benign_events: the confirmed benign look-alikes, with their days (inclusive). */
export function benignEventsFromImport(imported: ImportColumns): Columns {
  const table = asImported(imported, "benign_events", ["event_id", "kind", "signal", "start_date", "end_date", "category", "accounts", "flags", "violating_flags", "description"]);
  const ends = table.end_date as unknown as string[];
  const days = (table.start_date as unknown as string[]).map((s, i) => daysBetween(s, ends[i]) + 1);
  const {event_id, kind, signal, start_date, end_date, category, accounts, flags, violating_flags, description} = table;
  return {event_id, kind, signal, start_date, end_date, days, category, accounts, flags, violating_flags, description};
}

/**
 * rings: the confirmed rings as imported; when the platform supplies no rings table but its accounts
 * carry a ring_id, each ring the accounts name, with its account count (purpose and attack unknown).
 */
export function ringsFromImport(imported: ImportColumns, supplied: boolean, order: readonly string[]): Columns {
  if (supplied) return asImported(imported, "rings", order);
  const counts = new Map<string, number>();
  for (const id of need(imported, "users", "ring_id") as (string | null)[]) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = [...counts.keys()].sort();
  return {ring_id: ids, purpose: ids.map(() => null), attack_id: ids.map(() => null), accounts: ids.map((id) => counts.get(id)!)} as Columns;
}

/** A table taken as imported, columns in the published order. */
export function asImported(imported: ImportColumns, table: string, order: readonly string[]): Columns {
  return Object.fromEntries(order.map((name) => [name, need(imported, table, name)])) as Columns;
}

/**
 * flag_texts: the human-review flags among the fixed sample of flags (the hash of the flag's row, as
 * the simulation samples them), with their context and text from snippets.
 */
export function flagTextsFromImport(imported: ImportColumns, dates: (ts: number) => string): Columns {
  const ids = need(imported, "flags", "flag_id") as ArrayLike<number>;
  const route = need(imported, "flags", "route");
  const rate = textSampleRate(ids.length);
  const candidates: number[] = [];
  for (let i = 0; i < ids.length; i++) if (route[i] === HUMAN && sampled(i, rate)) candidates.push(i);
  // The snippets' rows of the sampled flags only: a map of every text's flag would hold millions at scale.
  const text = labelIndex(need(imported, "snippets", "flag_id") as ArrayLike<number>, candidates.map((i) => ids[i]));
  const rows = candidates.filter((i) => text.has(ids[i]));
  const at = (name: string) => {
    const values = need(imported, "flags", name);
    return rows.map((i) => values[i]);
  };
  const snippet = (name: string) => {
    const values = need(imported, "snippets", name);
    return rows.map((i) => values[text.get(ids[i])!]);
  };
  const ts = need(imported, "flags", "ts") as ArrayLike<number>;
  return {
    flag_id: rows.map((i) => ids[i]),
    date: rows.map((i) => dates(ts[i])),
    country: at("country"),
    category: at("category"),
    severity: at("severity"),
    action: at("action"),
    template_group: snippet("template_group"),
    snippet: snippet("snippet")
  } as Columns;
}

const HUMAN = "human_review" satisfies (typeof ROUTES)[number];
