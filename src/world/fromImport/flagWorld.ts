import type {Columns} from "../../io/schema.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {ACTIONS, CATEGORIES, COUNTRIES, DAY_MS, ROUTES, SEVERITIES, SOURCES, SURFACES} from "../../core/constants.js";
import {UNKNOWN_TRUTH, type Flags} from "../flags.js";
import {slaBreached, timeToActionHours, type Review} from "../review.js";
import {importedReviewers, type ImportedReviewers} from "./reviewers.js";
import {reviewStarts} from "./reviewStarts.js";
import {cell, Labeller, labelIndex, required, rowCount, vocabularyIndex} from "./vocabulary.js";

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
  const named = new Set<string>();
  for (const k of order) if (reviewerIds[k] != null) named.add(String(reviewerIds[k]));
  const team = importedReviewers(imported.reviewers, named);
  const review = importedReview(table, order, flags, team, imported.appeals);
  return {dates: [...dates], flags, review, team};
}

/** The flags' rows in time order, ties by flag_id (sorted only when the file is not already in that order). */
function timeOrder(table: Columns): Int32Array {
  const ts = required(table, "flags", "ts") as ArrayLike<number>;
  const id = required(table, "flags", "flag_id") as ArrayLike<number>;
  const before = (a: number, b: number) => ts[a] - ts[b] || id[a] - id[b];
  const order = Int32Array.from({length: rowCount(table)}, (_, k) => k);
  for (let k = 1; k < order.length; k++) if (before(k - 1, k) > 0) return order.sort(before);
  return order;
}

/** A ground-truth flag: 1 or 0, UNKNOWN_TRUTH where the column or the value is absent. */
const truth = (v: unknown) => (v === true ? 1 : v === false ? 0 : UNKNOWN_TRUTH);

/** The Flags of the imported rows `order` (row k of the table is flag order.indexOf(k)). */
function importedFlags(table: Columns, order: Int32Array, dates: readonly string[]): Flags {
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
  // The columns are looked up once, not per row: ten million rows.
  const c = Object.fromEntries(["ts", "country", "category", "source", "severity", "surface", "ml_score", "is_violation", "coordinated", "attack_id", "actor_id", "target_id", "template_id", "flag_id"].map((name) => [name, (k: number) => cell(table, name, k)]));
  for (let i = 0; i < n; i++) {
    const k = order[i];
    f.ts[i] = c.ts(k) as number;
    const day = Math.floor((f.ts[i] - first) / DAY_MS);
    if (!(day >= 0 && day < dates.length)) throw new Error(`import flags row ${k + 1}, column ts: ${new Date(f.ts[i]).toISOString()} is outside the calendar ${dates[0]} to ${dates[dates.length - 1]} (out of range)`);
    f.day[i] = day;
    f.country[i] = country(c.country(k), k);
    f.category[i] = category(c.category(k), k);
    f.source[i] = source(c.source(k), k);
    f.severity[i] = severity(c.severity(k), k);
    const surfaceName = c.surface(k);
    f.surface[i] = surfaceName == null ? SURFACES.length : surface(surfaceName, k);
    f.mlScore[i] = (c.ml_score(k) as number | null) ?? NaN;
    f.isViolation[i] = truth(c.is_violation(k));
    f.coordinated[i] = truth(c.coordinated(k));
    const [attack, actor, target] = [c.attack_id(k), c.actor_id(k), c.target_id(k)];
    f.attack[i] = attack == null ? -1 : attacks.of(String(attack));
    f.actor[i] = actor == null ? -1 : users.of(String(actor));
    f.target[i] = target == null ? -1 : users.of(String(target));
    templates[i] = c.template_id(k) as number | null;
    flagIds[i] = c.flag_id(k) as number;
  }
  if (attacks.labels.length > 127) throw new Error(`import flags, column attack_id: ${attacks.labels.length} distinct attacks, at most 127 are supported`);
  return f;
}

/** What happened to each flag: its route, action and reviewer, when the case was opened and decided, time to action, SLA and appeal. */
function importedReview(table: Columns, order: Int32Array, flags: Flags, team: ImportedReviewers, appeals: Columns | undefined): Review {
  const n = order.length;
  const [route, action] = [vocabularyIndex(ROUTES, "flags", "route"), vocabularyIndex(ACTIONS, "flags", "action")];
  const reviewerIndex = new Map(team.reviewers.id.map((id, r) => [id, r]));
  const review: Review = {
    route: new Uint8Array(n), action: new Uint8Array(n), reviewer: new Int16Array(n), start: new Float64Array(n), decided: new Float64Array(n),
    ttaHours: new Float32Array(n), slaBreached: new Uint8Array(n), appealed: new Uint8Array(n), appealTs: new Float64Array(n).fill(NaN), overturned: new Uint8Array(n),
    // The simulation's appeal leniency per country: a parameter of the simulation, not a fact of the data.
    countryLeniency: new Float64Array(COUNTRIES.length).fill(NaN)
  };
  const [routes, actions, reviewers, decided] = ["route", "action", "reviewer_id", "decided_ts"].map((name) => (k: number) => cell(table, name, k));
  order.forEach((k, i) => {
    review.route[i] = route(routes(k), k);
    review.action[i] = action(actions(k), k);
    const reviewer = reviewers(k);
    review.reviewer[i] = reviewer == null ? -1 : reviewerIndex.get(String(reviewer))!;
    review.decided[i] = decided(k) as number;
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
function caseOpenings(table: Columns, order: Int32Array, flags: Flags, review: Review, team: ImportedReviewers): Float64Array {
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
  const index = labelIndex(flags.labels!.flag, ids as ArrayLike<number>);
  for (let k = 0; k < ids.length; k++) {
    const i = index.get(ids[k] as number);
    if (i === undefined) throw new Error(`import appeals row ${k + 1}, column flag_id: ${ids[k]} is not an imported flag (broken reference)`);
    review.appealed[i] = 1;
    review.appealTs[i] = cell(appeals, "appeal_ts", k) as number;
    review.overturned[i] = cell(appeals, "overturned", k) === true ? 1 : 0;
  }
}
