import type {Columns} from "../../io/schema.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {ACTIONS, CATEGORIES, COUNTRIES, DAY_MS, ROUTES, SEVERITIES, SOURCES, SURFACES} from "../../core/constants.js";
import {UNKNOWN_TRUTH, type Flags} from "../flags.js";
import {slaBreached, timeToActionHours, type Review} from "../review.js";
import {importedReviewers, type ImportedReviewers} from "./reviewers.js";
import {reviewStarts} from "./reviewStarts.js";
import {cell, Labeller, required, rowCount, vocabularyIndex} from "./vocabulary.js";

/**
 * Imported flags, appeals and reviewers as the simulation's structures (Flags, Review, Reviewers:
 * typed arrays of indexes into the vocabularies of src/core/constants.ts), so that the published tables
 * come from the same builders as the simulation's. Flags are put in time order (then by flag_id), as
 * the simulation keeps them; identifiers become dense indexes with their labels kept (Flags.labels).
 */
export interface ImportedFlagWorld {
  dates: string[];
  flags: Flags;
  review: Review;
  team: ImportedReviewers;
}

export function importedFlagWorld(imported: ImportColumns, dates: readonly string[]): ImportedFlagWorld {
  const table = imported.flags;
  if (!table) throw new Error("import flags: the table is missing (required)");
  const order = timeOrder(table);
  const flags = importedFlags(table, order, dates);
  const reviewerIds = required(table, "flags", "reviewer_id");
  const team = importedReviewers(imported.reviewers, new Set(order.flatMap((k) => (reviewerIds[k] == null ? [] : [String(reviewerIds[k])]))));
  const review = importedReview(table, order, flags, team, imported.appeals);
  return {dates: [...dates], flags, review, team};
}

/** The flags' rows in time order, ties by flag_id. */
function timeOrder(table: Columns): number[] {
  const ts = required(table, "flags", "ts") as ArrayLike<number>;
  const id = required(table, "flags", "flag_id") as ArrayLike<number>;
  return Array.from({length: rowCount(table)}, (_, k) => k).sort((a, b) => ts[a] - ts[b] || id[a] - id[b]);
}

/** A ground-truth flag: 1 or 0, UNKNOWN_TRUTH where the column or the value is absent. */
const truth = (v: unknown) => (v === true ? 1 : v === false ? 0 : UNKNOWN_TRUTH);

/** The Flags of the imported rows `order` (row k of the table is flag order.indexOf(k)). */
function importedFlags(table: Columns, order: number[], dates: readonly string[]): Flags {
  const n = order.length;
  const first = Date.parse(`${dates[0]}T00:00:00Z`);
  const [country, category, source, severity, surface] = [
    vocabularyIndex(COUNTRIES.map((c) => c.name), "flags", "country"), vocabularyIndex(CATEGORIES, "flags", "category"),
    vocabularyIndex(SOURCES, "flags", "source"), vocabularyIndex(SEVERITIES, "flags", "severity"), vocabularyIndex(SURFACES, "flags", "surface")
  ];
  const users = new Labeller();
  const attacks = new Labeller();
  const flagIds = new Float64Array(n);
  const templates = new Array<number | null>(n);
  const f: Flags = {
    length: n, ts: new Float64Array(n), day: new Int16Array(n), country: new Uint8Array(n), category: new Uint8Array(n), source: new Uint8Array(n),
    severity: new Uint8Array(n), surface: new Uint8Array(n), mlScore: new Float32Array(n), isViolation: new Uint8Array(n), coordinated: new Uint8Array(n),
    attack: new Int8Array(n), actor: new Int32Array(n), target: new Int32Array(n), template: new Int16Array(n),
    labels: {flag: flagIds, user: users.labels, attack: attacks.labels, template: templates}
  };
  order.forEach((k, i) => {
    const at = (column: string) => cell(table, column, k);
    f.ts[i] = at("ts") as number;
    const day = Math.floor((f.ts[i] - first) / DAY_MS);
    if (!(day >= 0 && day < dates.length)) throw new Error(`import flags row ${k + 1}, column ts: ${new Date(f.ts[i]).toISOString()} is outside the calendar ${dates[0]} to ${dates[dates.length - 1]} (out of range)`);
    f.day[i] = day;
    f.country[i] = country(at("country"), k);
    f.category[i] = category(at("category"), k);
    f.source[i] = source(at("source"), k);
    f.severity[i] = severity(at("severity"), k);
    f.surface[i] = at("surface") == null ? SURFACES.length : surface(at("surface"), k);
    f.mlScore[i] = (at("ml_score") as number | null) ?? NaN;
    f.isViolation[i] = truth(at("is_violation"));
    f.coordinated[i] = truth(at("coordinated"));
    const attack = at("attack_id");
    f.attack[i] = attack == null ? -1 : attacks.of(String(attack));
    f.actor[i] = at("actor_id") == null ? -1 : users.of(String(at("actor_id")));
    f.target[i] = at("target_id") == null ? -1 : users.of(String(at("target_id")));
    templates[i] = at("template_id") as number | null;
    flagIds[i] = at("flag_id") as number;
  });
  if (attacks.labels.length > 127) throw new Error(`import flags, column attack_id: ${attacks.labels.length} distinct attacks, at most 127 are supported`);
  return f;
}

/** What happened to each flag: its route, action and reviewer, when the case was opened and decided, time to action, SLA and appeal. */
function importedReview(table: Columns, order: number[], flags: Flags, team: ImportedReviewers, appeals: Columns | undefined): Review {
  const n = order.length;
  const [route, action] = [vocabularyIndex(ROUTES, "flags", "route"), vocabularyIndex(ACTIONS, "flags", "action")];
  const reviewerIndex = new Map(team.reviewers.id.map((id, r) => [id, r]));
  const review: Review = {
    route: new Uint8Array(n), action: new Uint8Array(n), reviewer: new Int16Array(n), start: new Float64Array(n), decided: new Float64Array(n),
    ttaHours: new Float32Array(n), slaBreached: new Uint8Array(n), appealed: new Uint8Array(n), appealTs: new Float64Array(n).fill(NaN), overturned: new Uint8Array(n),
    // The simulation's appeal leniency per country: a parameter of the simulation, not a fact of the data.
    countryLeniency: new Float64Array(COUNTRIES.length).fill(NaN)
  };
  order.forEach((k, i) => {
    const at = (column: string) => cell(table, column, k);
    review.route[i] = route(at("route"), k);
    review.action[i] = action(at("action"), k);
    review.reviewer[i] = at("reviewer_id") == null ? -1 : reviewerIndex.get(String(at("reviewer_id")))!;
    review.decided[i] = at("decided_ts") as number;
    review.ttaHours[i] = timeToActionHours(flags.ts[i], review.decided[i]);
    review.slaBreached[i] = slaBreached(flags.severity[i], review.ttaHours[i]) ? 1 : 0;
  });
  review.start = caseOpenings(table, order, flags, review, team);
  if (appeals) joinAppeals(review, flags, appeals);
  return review;
}

/**
 * When each case was opened: a human case's opened_ts where the import gives it, else the estimate from
 * the queue's rules (reviewStarts); without the reviewers' shifts the estimate is unknown (NaN), and the
 * queue tables that need the shifts are not built. An automated route opens when it is raised.
 */
function caseOpenings(table: Columns, order: number[], flags: Flags, review: Review, team: ImportedReviewers): Float64Array {
  const start = team.shiftsKnown ? reviewStarts(flags.ts, review.decided, review.reviewer, team.reviewers.shifts) : Float64Array.from(flags.ts, (t, i) => (review.reviewer[i] >= 0 ? NaN : t));
  order.forEach((k, i) => {
    const opened = cell(table, "opened_ts", k);
    if (review.reviewer[i] >= 0 && opened != null) start[i] = opened as number;
  });
  return start;
}

/** Marks the appealed flags, with when each appeal was filed and whether it overturned the action. */
function joinAppeals(review: Review, flags: Flags, appeals: Columns): void {
  const ids = required(appeals, "appeals", "flag_id");
  // Only the appealed flags are looked up: a map of every flag would hold ten million entries at scale.
  const appealed = new Set(Array.from(ids as ArrayLike<number>));
  const index = new Map<number, number>();
  const labels = flags.labels!.flag;
  for (let i = 0; i < labels.length; i++) if (appealed.has(labels[i])) index.set(labels[i], i);
  for (let k = 0; k < ids.length; k++) {
    const i = index.get(ids[k] as number);
    if (i === undefined) throw new Error(`import appeals row ${k + 1}, column flag_id: ${ids[k]} is not an imported flag (broken reference)`);
    review.appealed[i] = 1;
    review.appealTs[i] = cell(appeals, "appeal_ts", k) as number;
    review.overturned[i] = cell(appeals, "overturned", k) === true ? 1 : 0;
  }
}
