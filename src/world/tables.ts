import type {Columns, TableSchema} from "../io/schema.js";
import {median} from "../core/quantile.js";
import {SCHEMAS, type TableName} from "../io/contracts.js";
import {pseudonymise, suppressSmallCells, type KeyedHash} from "../io/privacy.js";
import {formatDate} from "../core/calendar.js";
import {ACTIONS, ACTOR_TYPES, CATEGORIES, COUNTRIES, DAY_MS, ROUTES, SEVERITIES, SOURCES, START_DATE, SURFACES, ARMS, COHORT_STRATA, EVENT_TYPES, DECISION_KEYS, IDLE_TYPES, ITEM_STATUSES} from "../core/constants.js";
import {itemViewDays, moderatorDays} from "./moderatorTables.js";
import {flagMixCube, flagOutcomeCube, queueOutcomeCube, scoreOutcomeCube, ttaCube} from "./cubes.js";
import {backlogDays, queueHours, reviewerDays, waitBins} from "./queueTables.js";
import {REVIEW} from "../core/params.js";
import {caseSampleRate, DETAILED_MODERATORS, scoreSampleRate, sessionSampleRate, textSampleRate} from "../core/sampling.js";
import {ATTACKS, byStart, LOOKALIKES, SCENARIO_EVENTS, type KnownEvent} from "../core/scenarios.js";
import type {FlagWorld, World} from "./simulate.js";
import type {ModeratorSessions} from "./sessions.js";
import {TRUTH, type Flags} from "./flags.js";
import {renderSnippet, TEMPLATES} from "./text.js";
import {suspensionEnd} from "./transparency.js";
import {ACCOUNT_TYPES, CONTENT_TYPES, DECISION_GROUNDS, LANGUAGES, LEGAL_GROUNDS, NOTICE_TYPES} from "../core/dsaTerms.js";

/**
 * Projections of the world into the published tables. Identifiers get their printable form here.
 * Item-level tables keep every row up to scale 4 and a deterministic sample above it; aggregates always
 * cover every flag.
 */

export const FULL_DETAIL_SCALE = 4;

export const userId = (u: number) => `U${String(u).padStart(7, "0")}`;
export const deviceId = (d: number) => `D${String(d).padStart(7, "0")}`;
export const paymentId = (p: number) => `P${String(p).padStart(6, "0")}`;
/** A synthetic /24 prefix per index (unique below ten million prefixes). */
export const ipPrefix = (p: number) => `${100 + (p >>> 16)}.${(p >>> 8) & 255}.${p & 255}.0/24`;

/** Keeps item i when a fixed hash of i falls under the sampling rate, so samples nest across scales. */
export function sampled(i: number, rate: number): boolean {
  if (rate >= 1) return true;
  return Math.imul(i + 1, 2654435761) >>> 0 < rate * 2 ** 32;
}

/**
 * Reviewers with per-day rows of their own in reviewer_days: every one up to scale 4, the first of them
 * by id above it (the team grows with the world); the team's rows count everyone. The moderator page's
 * day tables keep fewer (DETAILED_MODERATORS in sampling.ts).
 */
export const detailedReviewers = (): number => REVIEW.reviewers * FULL_DETAIL_SCALE;

export function sampleRate(scale: number): number {
  return Math.min(1, FULL_DETAIL_SCALE / scale);
}


const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
const round = (x: number, digits = 6) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : NaN);

export function dailyCountry(world: Pick<World, "activity" | "flags" | "review" | "dates">): Columns {
  const {activity, dates} = world;
  const nc = COUNTRIES.length;
  const t = dailyCells(world);
  const out: Record<string, unknown[]> = {date: [], country: [], region: [], active_users: [], content_created: [], reports: [], enforcements: [], appeals: [], successful_appeals: [], median_response_time_hours: []};
  const push = (k: string, v: unknown) => (out[k] ??= []).push(v);
  for (let d = 0; d < dates.length; d++) {
    for (let c = 0; c < nc; c++) {
      const cell = d * nc + c;
      // Rings post beyond the organic activity: each campaign flag is a piece of content too, so a ring
      // in a small country cannot push its reports past its content.
      const content = activity.content?.[cell] ?? activity.posts[cell] + activity.messages[cell] + t.ringContent[cell];
      const reports = t.reports[cell];
      push("date", dates[d]);
      push("country", COUNTRIES[c].name);
      push("region", COUNTRIES[c].region);
      push("active_users", activity.activeUsers[cell]);
      push("content_created", content);
      push("reports", reports);
      push("enforcements", t.enforcements[cell]);
      push("appeals", t.appeals[cell]);
      push("successful_appeals", t.successful[cell]);
      push("median_response_time_hours", round(median(t.tta[cell].map((x) => round(x, 3))), 3));
      CATEGORIES.forEach((k, j) => push(`reports_${k}`, t.byCategory[j][cell]));
      SOURCES.forEach((s, j) => push(`source_${s}`, t.bySource[j][cell]));
      ENFORCE_ACTIONS.forEach((a, j) => push(`enforce_${a}`, t.byAction[j][cell]));
      push("report_rate", round(ratio(reports, content)));
      push("enforcement_rate", round(ratio(t.enforcements[cell], reports)));
      push("appeal_rate", round(ratio(t.appeals[cell], t.enforcements[cell])));
      push("appeal_success_rate", round(ratio(t.successful[cell], t.appeals[cell])));
      CATEGORIES.forEach((k, j) => push(`share_${k}`, round(ratio(t.byCategory[j][cell], reports))));
      SOURCES.forEach((s, j) => push(`share_source_${s}`, round(ratio(t.bySource[j][cell], reports))));
    }
  }
  return out as Columns;
}

const ENFORCE_ACTIONS = ACTIONS.filter((a) => a !== "none");

/** Per day and country cell (day-major): the flags' counts by outcome, category, source and action, human-review times to action, and ring content. */
function dailyCells(world: Pick<World, "flags" | "review" | "dates">) {
  const {flags: f, review: r, dates} = world;
  const nc = COUNTRIES.length;
  const cells = dates.length * nc;
  const counts = () => new Float64Array(cells);
  const t = {
    reports: counts(), enforcements: counts(), appeals: counts(), successful: counts(), ringContent: counts(),
    byCategory: CATEGORIES.map(counts), bySource: SOURCES.map(counts), byAction: ENFORCE_ACTIONS.map(counts),
    tta: Array.from({length: cells}, () => [] as number[])
  };
  // Each action's column among ENFORCE_ACTIONS (-1 for none).
  const actionColumn = ACTIONS.map((a) => ENFORCE_ACTIONS.indexOf(a as (typeof ENFORCE_ACTIONS)[number]));
  const HUMAN = ROUTES.indexOf("human_review");
  for (let i = 0; i < f.length; i++) {
    const cell = f.day[i] * nc + f.country[i];
    t.reports[cell]++;
    t.byCategory[f.category[i]][cell]++;
    t.bySource[f.source[i]][cell]++;
    if (actionColumn[r.action[i]] >= 0) {
      t.enforcements[cell]++;
      t.byAction[actionColumn[r.action[i]]][cell]++;
    }
    if (r.appealed[i]) t.appeals[cell]++;
    if (r.overturned[i]) t.successful[cell]++;
    if (r.route[i] === HUMAN) t.tta[cell].push(r.ttaHours[i]);
    if (f.coordinated[i] === 1) t.ringContent[cell]++;
  }
  return t;
}

/** The DSA's facts about each published flag (see transparency.ts). */
export function dsaFlagsTable(world: World, rows: number[] = publishedFlagRows(world)): Columns {
  const t = world.transparency;
  const {flags: f, review: r} = world;
  const pick = <T>(fn: (i: number) => T) => rows.map(fn);
  return {
    flag_id: rows,
    content_type: pick((i) => CONTENT_TYPES[t.contentType[i]]),
    content_language: pick((i) => LANGUAGES[t.language[i]]),
    account_type: pick((i) => ACCOUNT_TYPES[t.accountType[f.actor[i]]]),
    notice_type: pick((i) => NOTICE_TYPES[t.notice[i]]),
    alleged_legal_ground: pick((i) => (t.allegedGround[i] >= 0 ? LEGAL_GROUNDS[t.allegedGround[i]].id : null)),
    decision_ground: pick((i) => (t.decisionGround[i] >= 0 ? DECISION_GROUNDS[t.decisionGround[i]] : null)),
    suspension_end_date: pick((i) => (t.suspensionDays[i] > 0 ? suspensionEnd(Math.round(r.decided[i]), t.suspensionDays[i]) : null)),
    suspension_permanent: pick((i) => t.suspensionDays[i] === 0),
    complaint_decided_ts: pick((i) => (Number.isNaN(t.complaintDecided[i]) ? null : Math.round(t.complaintDecided[i]))),
    is_illegal: pick((i) => t.isIllegal[i] === 1)
  };
}

/** Monthly active recipients per month and country (aggregate). */
export function monthlyActiveTable(world: World): Columns {
  const {months, monthlyActive} = world.transparency;
  const cells = months.flatMap((month, m) => COUNTRIES.map((country, c) => ({month, country, value: monthlyActive[m * COUNTRIES.length + c]})));
  return {
    month: cells.map((x) => x.month),
    country: cells.map((x) => x.country.name),
    country_code: cells.map((x) => x.country.code),
    region: cells.map((x) => x.country.region),
    eea: cells.map((x) => x.country.eea),
    monthly_active_recipients: cells.map((x) => x.value)
  };
}

/** Row indexes of the flags that item-level tables publish. */
export function publishedFlagRows(world: Pick<FlagWorld, "scale" | "flags">): number[] {
  const rate = sampleRate(world.scale);
  const rows: number[] = [];
  for (let i = 0; i < world.flags.length; i++) if (sampled(i, rate)) rows.push(i);
  return rows;
}

/** The classifier page's columns of a fixed sample of flags (every flag while they fit SCORE_SAMPLE_ROWS). */
export function flagScoresTable(world: Pick<World, "flags" | "review" | "dates">): Columns {
  const {flags: f, review: r} = world;
  const rate = scoreSampleRate(f.length);
  const rows: number[] = [];
  for (let i = 0; i < f.length; i++) if (sampled(i, rate)) rows.push(i);
  return {
    flag_id: flagIds(f, rows),
    date: rows.map((i) => world.dates[f.day[i]]),
    category: rows.map((i) => CATEGORIES[f.category[i]]),
    severity: rows.map((i) => SEVERITIES[f.severity[i]]),
    route: rows.map((i) => ROUTES[r.route[i]]),
    ml_score: rows.map((i) => round(f.mlScore[i], 4)),
    is_violation: rows.map((i) => TRUTH[f.isViolation[i]])
  };
}

/** The published ids of flags `rows`: their index, or the imported flag id. */
export function flagIds(f: Pick<Flags, "labels">, rows: number[]): number[] {
  const ids = f.labels?.flag;
  return ids ? rows.map((i) => ids[i]) : rows;
}

/** The parts of a world the flags table reads. */
export type FlagTableWorld = Pick<World, "flags" | "review" | "reviewers" | "dates" | "scale">;

export function flagsTable(world: FlagTableWorld, rows: number[] = publishedFlagRows(world)): Columns {
  const {flags: f, review: r, reviewers} = world;
  const pick = <T>(fn: (i: number) => T) => rows.map(fn);
  const origin = flagOriginColumns(world, rows);
  return {
    flag_id: flagIds(f, rows),
    ts: pick((i) => f.ts[i]),
    date: origin.date,
    country: pick((i) => COUNTRIES[f.country[i]].name),
    region: pick((i) => COUNTRIES[f.country[i]].region),
    category: pick((i) => CATEGORIES[f.category[i]]),
    source: pick((i) => SOURCES[f.source[i]]),
    severity: pick((i) => SEVERITIES[f.severity[i]]),
    surface: pick((i) => SURFACES[f.surface[i]] ?? null),
    ml_score: pick((i) => round(f.mlScore[i], 4)),
    route: pick((i) => ROUTES[r.route[i]]),
    action: pick((i) => ACTIONS[r.action[i]]),
    reviewer_id: pick((i) => (r.reviewer[i] >= 0 ? reviewers.id[r.reviewer[i]] : null)),
    opened_ts: pick((i) => Math.round(r.start[i])),
    decided_ts: pick((i) => Math.round(r.decided[i])),
    tta_hours: pick((i) => round(r.ttaHours[i], 3)),
    sla_breached: pick((i) => r.slaBreached[i] === 1),
    appealed: pick((i) => r.appealed[i] === 1),
    appeal_ts: pick((i) => (r.appealed[i] ? Math.round(r.appealTs[i]) : null)),
    overturned: pick((i) => r.overturned[i] === 1),
    is_violation: pick((i) => TRUTH[f.isViolation[i]]),
    coordinated: pick((i) => TRUTH[f.coordinated[i]]),
    attack_id: origin.attack_id,
    actor_id: origin.actor_id,
    target_id: origin.target_id,
    template_id: origin.template_id
  };
}

/**
 * The flags table's columns that need nothing downstream of the flags (when, who, at whom, which text,
 * which attack), as published: the attack signals over many seeds use them without a whole world.
 */
export function flagOriginColumns(world: Pick<FlagWorld, "dates" | "flags">, rows: number[]): Pick<Columns, "date" | "actor_id" | "target_id" | "template_id" | "attack_id"> {
  const f = world.flags;
  const labels = f.labels;
  const user = labels ? (u: number) => labels.user[u] ?? null : userId;
  const attack = labels ? (a: number) => labels.attack[a] : (a: number) => ATTACKS[a].id;
  return {
    date: rows.map((i) => world.dates[f.day[i]]),
    actor_id: rows.map((i) => user(f.actor[i])),
    target_id: rows.map((i) => (f.target[i] >= 0 ? user(f.target[i]) : null)),
    template_id: rows.map((i) => (labels ? labels.template[i] : f.template[i])),
    attack_id: rows.map((i) => (f.attack[i] >= 0 ? attack(f.attack[i]) : null))
  };
}

export function snippetsTable(world: World, rows: number[] = publishedFlagRows(world)): Columns {
  const HUMAN = ROUTES.indexOf("human_review");
  const queue = rows.filter((i) => world.review.route[i] === HUMAN);
  return {
    flag_id: queue,
    template_id: queue.map((i) => world.flags.template[i]),
    template_group: queue.map((i) => TEMPLATES[world.flags.template[i]].group),
    snippet: queue.map((i) => renderSnippet(world.seed, i, world.flags.template[i], world.flags.country[i]))
  };
}

/**
 * The explorer's flagged texts: the human-review flags of a fixed sample of flags (every flag up to
 * TEXT_SAMPLE_FLAGS; the same hash as the flags table's sample, so the samples nest), with the context
 * an analyst reads a text in.
 */
export function flagTextsTable(world: World): Columns {
  const {flags: f, review: r} = world;
  const rate = textSampleRate(f.length);
  const HUMAN = ROUTES.indexOf("human_review");
  const rows: number[] = [];
  for (let i = 0; i < f.length; i++) if (r.route[i] === HUMAN && sampled(i, rate)) rows.push(i);
  return {
    flag_id: rows,
    date: rows.map((i) => world.dates[f.day[i]]),
    country: rows.map((i) => COUNTRIES[f.country[i]].name),
    category: rows.map((i) => CATEGORIES[f.category[i]]),
    severity: rows.map((i) => SEVERITIES[f.severity[i]]),
    action: rows.map((i) => ACTIONS[r.action[i]]),
    template_group: rows.map((i) => TEMPLATES[f.template[i]].group),
    snippet: rows.map((i) => renderSnippet(world.seed, i, f.template[i], f.country[i]))
  };
}

/** Columns of the flags table an analyst opens a case with (no ground truth). */
const CASE_COLUMNS = ["flag_id", "ts", "date", "country", "region", "category", "source", "severity", "surface", "ml_score", "route", "action", "reviewer_id", "tta_hours", "sla_breached", "appealed", "overturned", "actor_id"] as const;

/**
 * The case view's flags: every flag up to CASE_SAMPLE_FLAGS, a fixed sample above (the same hash as
 * the other samples, so they nest), with what a reviewer or analyst sees of each case.
 */
export function casesTable(world: CaseWorld): Columns {
  const rate = caseSampleRate(world.flags.length);
  const rows: number[] = [];
  for (let i = 0; i < world.flags.length; i++) if (sampled(i, rate)) rows.push(i);
  const all = flagsTable(world, rows);
  const sessionDay = world.sessions ? decisionSessionDays(world.flags.length, world.sessions) : new Int32Array(world.flags.length).fill(-1);
  const ring = ACTOR_TYPES.indexOf("ring_member");
  const truth = world.flags.isViolation;
  const actorType = world.users?.actorType;
  return {
    ...Object.fromEntries(CASE_COLUMNS.map((name) => [name, all[name]])),
    // The moderators page's QA pass rate and its days (moderator_days), case by case.
    session_date: rows.map((i) => (sessionDay[i] < 0 ? null : formatDate(sessionDay[i] * DAY_MS))),
    qa: rows.map((i) => (sessionDay[i] < 0 || truth[i] > 1 ? null : (world.review.action[i] !== NONE_ACTION) === (truth[i] === 1) ? "pass" : "fail")),
    // Ground truth, for the investigation's split by sender; the case view does not show it as a column.
    ring_member: rows.map((i) => (actorType && actorType[world.flags.actor[i]] < ACTOR_TYPES.length ? actorType[world.flags.actor[i]] === ring : null))
  };
}

/** What decisionSessionDays reads of the moderator sessions. */
export interface DecisionSessions {
  sessions: {start: ArrayLike<number>};
  items: {length: number; session: ArrayLike<number>; flag: ArrayLike<number>; decision: ArrayLike<number>};
}

/**
 * The parts of a world the case view reads: the flags table's, the sessions in which reviewers decided
 * (absent: session_date and qa are null) and the accounts' types (absent, or an account's type
 * unknown: ring_member is null).
 */
export type CaseWorld = FlagTableWorld & {sessions?: DecisionSessions; users?: {actorType: ArrayLike<number>}};

const NONE_ACTION = ACTIONS.indexOf("none");

/** Per flag, the UTC day (days since the epoch) of the session in which its reviewer decided it; -1 for flags no reviewer decided. */
function decisionSessionDays(flags: number, {sessions, items}: DecisionSessions): Int32Array {
  const NO_DECISION = DECISION_KEYS.indexOf("none");
  const day = new Int32Array(flags).fill(-1);
  for (let k = 0; k < items.length; k++) {
    if (items.decision[k] !== NO_DECISION && items.flag[k] >= 0) day[items.flag[k]] = Math.floor(sessions.start[items.session[k]] / DAY_MS);
  }
  return day;
}

const DOW = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function reviewersTable(world: Pick<World, "reviewers" | "dates">): Columns {
  const rv = world.reviewers;
  return {
    reviewer_id: rv.id,
    hub: rv.hub,
    shift_start_hour: rv.shifts.map((s) => s.startHour),
    shift_hours: rv.shifts.map((s) => s.hours),
    workdays: rv.shifts.map((s) => DOW.filter((_, d) => s.workdays[d]).join(" ")),
    first_day: rv.shifts.map((s) => new Date(s.from ?? Date.parse(`${world.dates[0]}T00:00:00Z`)).toISOString().slice(0, 10)),
    speed: Array.from(rv.speed, (x) => round(x, 4)),
    accuracy: Array.from(rv.accuracy, (x) => round(x, 4))
  };
}

export function attacksTable(world: World): Columns {
  const counts = new Array(ATTACKS.length).fill(0);
  for (let i = 0; i < world.flags.length; i++) if (world.flags.attack[i] >= 0) counts[world.flags.attack[i]]++;
  const ringOf = (id: string) => world.users.ringSpecs.find((r) => r.attack === id)!;
  return {
    attack_id: ATTACKS.map((a) => a.id),
    start_date: ATTACKS.map((a) => a.start),
    end_date: ATTACKS.map((a) => a.end),
    days: ATTACKS.map((a) => a.intensity.length),
    category: ATTACKS.map((a) => a.category),
    pattern: ATTACKS.map((a) => a.pattern),
    accounts: ATTACKS.map((a) => ringOf(a.id).accounts),
    flags: counts,
    ring_id: ATTACKS.map((a) => ringOf(a.id).id),
    description: ATTACKS.map((a) => a.description)
  };
}

/**
 * Ground truth: the benign look-alikes, one row per event, with the flags they raised (and how many of
 * those violate) and how many accounts of its own each involves.
 */
/** known_events: dated events as the published table holds them, in the calendar's order. */
export function knownEventsTable(events: readonly KnownEvent[]): Columns {
  const sorted = [...events].sort(byStart);
  return {
    event: sorted.map((e) => e.event),
    start_date: sorted.map((e) => e.start_date),
    end_date: sorted.map((e) => e.end_date),
    note: sorted.map((e) => e.note)
  };
}

export function benignEventsTable(world: Pick<FlagWorld, "flags" | "users">): Columns {
  const f = world.flags;
  const flags = new Array(LOOKALIKES.length).fill(0);
  const violating = new Array(LOOKALIKES.length).fill(0);
  for (let i = 0; i < f.length; i++) {
    const b = f.lookalike?.[i] ?? -1;
    if (b < 0) continue;
    flags[b]++;
    violating[b] += f.isViolation[i];
  }
  const accounts = world.users.lookalikeAccounts;
  return {
    event_id: LOOKALIKES.map((b) => b.id),
    kind: LOOKALIKES.map((b) => b.kind),
    signal: LOOKALIKES.map((b) => b.signal),
    start_date: LOOKALIKES.map((b) => b.start),
    end_date: LOOKALIKES.map((b) => b.end),
    days: LOOKALIKES.map((b) => b.intensity.length),
    category: LOOKALIKES.map((b) => b.category),
    accounts: accounts.map((a) => a.length),
    flags,
    violating_flags: violating,
    description: LOOKALIKES.map((b) => b.description)
  };
}

export function ringsTable(world: World): Columns {
  const rings = world.users.ringSpecs;
  return {
    ring_id: rings.map((r) => r.id),
    purpose: rings.map((r) => r.purpose),
    attack_id: rings.map((r) => r.attack || null),
    accounts: rings.map((r) => r.accounts)
  };
}

/**
 * Accounts: all of them up to scale 4; above it a sample plus every account the published tables
 * refer to (flag actors and targets, the cohort and its peers, ring members), so references hold.
 */
export function usersTable(world: World, flagRows: number[] = publishedFlagRows(world)): Columns {
  const u = world.users;
  const rate = sampleRate(world.scale);
  let ids: number[];
  if (rate >= 1) ids = Array.from({length: u.length}, (_, i) => i);
  else {
    const keep = new Uint8Array(u.length);
    for (let i = 0; i < u.length; i++) if (sampled(i, rate) || u.ring[i] >= 0) keep[i] = 1;
    for (const i of flagRows) {
      keep[world.flags.actor[i]] = 1;
      if (world.flags.target[i] >= 0) keep[world.flags.target[i]] = 1;
    }
    for (const c of world.events.cohort.user) keep[c] = 1;
    for (const p of world.events.peer) if (p >= 0) keep[p] = 1;
    ids = [];
    for (let i = 0; i < u.length; i++) if (keep[i]) ids.push(i);
  }
  return accountColumns(world, ids);
}

/** The users table's columns for the accounts `ids`, as published. */
export function accountColumns(world: Pick<FlagWorld, "users">, ids: number[]): Columns {
  const u = world.users;
  const start = Date.parse(`${START_DATE}T00:00:00Z`);
  return {
    user_id: ids.map(userId),
    country: ids.map((i) => COUNTRIES[u.country[i]].name),
    region: ids.map((i) => COUNTRIES[u.country[i]].region),
    signup_date: ids.map((i) => formatDate(start + u.signupDay[i] * DAY_MS)),
    device_id: ids.map((i) => deviceId(u.device[i])),
    ip_prefix: ids.map((i) => ipPrefix(u.ipPrefix[i])),
    payment_id: ids.map((i) => (u.payment[i] >= 0 ? paymentId(u.payment[i]) : null)),
    actor_type: ids.map((i) => ACTOR_TYPES[u.actorType[i]]),
    ring_id: ids.map((i) => (u.ring[i] >= 0 ? u.ringSpecs[u.ring[i]].id : null))
  };
}

type SessionRows = {length: number; session: ArrayLike<number>};

/**
 * The platform's own ids of imported sessions, flags and content, indexed as ModeratorSessions indexes
 * them (src/io/import/assemble/moderatorSessions.ts). The simulation has none: its ids are the indexes.
 */
export interface SessionLabels {
  session: ArrayLike<number>;
  flag: ArrayLike<number>;
  content: ArrayLike<number>;
}

/** What the session tables read of a world: its sessions, reviewer ids and scale, and imported ids if any. */
export interface SessionWorld {
  sessions: ModeratorSessions;
  reviewers: {id: readonly string[]};
  scale: number;
  labels?: SessionLabels;
}

/** An index's printable id: its label when there are labels, else the index itself. */
const idOf = (labels: ArrayLike<number> | undefined) => (labels ? (i: number) => labels[i] : (i: number) => i);

/** The sessions kept at `rate` by the fixed hash, and the rows of a table of them (items, idle periods) in those sessions. */
function sessionSample(sessions: number, rate: number): {keep: number[]; rowsOf: (of: SessionRows) => number[]} {
  const keep: number[] = [];
  const kept = new Uint8Array(sessions);
  for (let i = 0; i < sessions; i++) {
    if (!sampled(i, rate)) continue;
    keep.push(i);
    kept[i] = 1;
  }
  const rowsOf = (of: SessionRows) => {
    const rows: number[] = [];
    for (let i = 0; i < of.length; i++) if (kept[of.session[i]]) rows.push(i);
    return rows;
  };
  return {keep, rowsOf};
}

/**
 * The moderator page's columns of a fixed sample of sessions (every session up to SESSION_SAMPLE_ROWS;
 * the same hash as moderator_sessions' sample, so the samples nest), and those sessions' idle periods.
 */
export function sessionSampleTables(world: SessionWorld): {session_sample: Columns; idle_sample: Columns} {
  const {sessions: s, idle} = world.sessions;
  const {keep, rowsOf} = sessionSample(s.length, sessionSampleRate(s.length));
  const idleRows = rowsOf(idle);
  const sessionId = idOf(world.labels?.session);
  return {
    session_sample: {
      session_id: keep.map(sessionId),
      reviewer_id: keep.map((i) => world.reviewers.id[s.reviewer[i]]),
      start_ts: keep.map((i) => Math.round(s.start[i])),
      duration_s: keep.map((i) => round(s.durationS[i], 1)),
      items: keep.map((i) => s.items[i]),
      unique_items: keep.map((i) => s.uniqueItems[i])
    },
    idle_sample: {
      session_id: idleRows.map((i) => sessionId(idle.session[i])),
      idle_type: idleRows.map((i) => IDLE_TYPES[idle.type[i]]),
      duration_s: idleRows.map((i) => round(idle.durationS[i], 1))
    }
  };
}

/**
 * The item-level session tables: sessions, their item views and idle periods, every row up to scale 4
 * and the sessions kept by the fixed hash above it (with their rows). Ids are the world's indexes, or
 * the imported labels when the world has them.
 */
export function sessionTables(world: SessionWorld): {moderator_sessions: Columns; session_items: Columns; idle_periods: Columns} {
  const rate = sampleRate(world.scale);
  const {keep, rowsOf} = sessionSample(world.sessions.sessions.length, rate);
  return {
    moderator_sessions: moderatorSessionsTable(world, keep),
    // A decided flag outside the published sample is not linked (references stay valid).
    session_items: sessionItemsTable(world, rowsOf(world.sessions.items), (flag) => sampled(flag, rate)),
    idle_periods: idlePeriodsTable(world, rowsOf(world.sessions.idle))
  };
}

/** The moderator_sessions table's columns of the sessions `rows`. */
export function moderatorSessionsTable(world: SessionWorld, rows: number[]): Columns {
  const s = world.sessions.sessions;
  const sessionId = idOf(world.labels?.session);
  return {
    session_id: rows.map(sessionId),
    reviewer_id: rows.map((i) => world.reviewers.id[s.reviewer[i]]),
    start_ts: rows.map((i) => Math.round(s.start[i])),
    end_ts: rows.map((i) => Math.round(s.end[i])),
    duration_s: rows.map((i) => round(s.durationS[i], 1)),
    items: rows.map((i) => s.items[i]),
    unique_items: rows.map((i) => s.uniqueItems[i]),
    cases: rows.map((i) => s.cases[i]),
    idle_inactivity_s: rows.map((i) => round(s.idleInactivityS[i], 1)),
    idle_pause_s: rows.map((i) => round(s.idlePauseS[i], 1))
  };
}

/** The session_items table's columns of the item views `rows`, linking a view to its decided flag where `linked` says the flag is published. */
export function sessionItemsTable(world: SessionWorld, rows: number[], linked: (flag: number) => boolean = () => true): Columns {
  const items = world.sessions.items;
  const [sessionId, flagId, contentId] = [idOf(world.labels?.session), idOf(world.labels?.flag), idOf(world.labels?.content)];
  return {
    session_id: rows.map((i) => sessionId(items.session[i])),
    item_index: rows.map((i) => items.index[i]),
    flag_id: rows.map((i) => (items.flag[i] >= 0 && linked(items.flag[i]) ? flagId(items.flag[i]) : null)),
    content_id: rows.map((i) => contentId(items.content[i])),
    status: rows.map((i) => ITEM_STATUSES[items.status[i]]),
    decision: rows.map((i) => DECISION_KEYS[items.decision[i]]),
    view_ts: rows.map((i) => Math.round(items.start[i])),
    view_s: rows.map((i) => round(items.viewS[i], 1)),
    loops: rows.map((i) => items.loops[i]),
    sound_muted: rows.map((i) => items.soundMuted[i] === 1)
  };
}

/** The idle_periods table's columns of the idle periods `rows`. */
export function idlePeriodsTable(world: SessionWorld, rows: number[]): Columns {
  const idle = world.sessions.idle;
  const sessionId = idOf(world.labels?.session);
  return {
    session_id: rows.map((i) => sessionId(idle.session[i])),
    idle_type: rows.map((i) => IDLE_TYPES[idle.type[i]]),
    start_ts: rows.map((i) => Math.round(idle.start[i])),
    duration_s: rows.map((i) => round(idle.durationS[i], 1))
  };
}

/** A formatter that formats each distinct id once (and hands out one string per id). */
function formatOnce(format: (x: number) => string): (x: number) => string {
  const cache = new Map<number, string>();
  return (x) => {
    let s = cache.get(x);
    if (s === undefined) cache.set(x, (s = format(x)));
    return s;
  };
}

export function eventsTable(world: World): Columns {
  const e = world.events;
  const rows = Array.from({length: e.length}, (_, i) => i);
  // A million events carry a cohort of a few thousand users, with their devices, networks and cards.
  const user = formatOnce(userId);
  const device = formatOnce(deviceId);
  const network = formatOnce(ipPrefix);
  const card = formatOnce(paymentId);
  return {
    event_id: rows,
    ts: rows.map((i) => e.ts[i]),
    user_id: rows.map((i) => user(e.user[i])),
    event_type: rows.map((i) => EVENT_TYPES[e.type[i]]),
    device_id: rows.map((i) => device(e.device[i])),
    ip_prefix: rows.map((i) => network(e.ipPrefix[i])),
    payment_id: rows.map((i) => (e.payment[i] >= 0 ? card(e.payment[i]) : null)),
    peer_id: rows.map((i) => (e.peer[i] >= 0 ? user(e.peer[i]) : null)),
    peer_new: rows.map((i) => e.peerNew[i] === 1),
    abusive: rows.map((i) => e.abusive[i] === 1)
  };
}

export function cohortTable(world: World): Columns {
  const c = world.events.cohort;
  const rows = Array.from({length: c.length}, (_, i) => i);
  const day = (d: number) => (d >= 0 ? world.dates[Math.min(d, world.dates.length - 1)] : null);
  return {
    user_id: rows.map((i) => userId(c.user[i])),
    stratum: rows.map((i) => COHORT_STRATA[c.stratum[i]]),
    weight: rows.map((i) => round(c.weight[i], 4)),
    arm: rows.map((i) => ARMS[c.arm[i]]),
    exposed_date: rows.map((i) => day(c.exposedDay[i])),
    exposures: rows.map((i) => c.exposures[i]),
    churn_date: rows.map((i) => day(c.churnDay[i])),
    suspended_date: rows.map((i) => day(c.suspendedDay[i])),
    rate_limited: rows.map((i) => c.rateLimited[i])
  };
}

/**
 * Every published table of a world. Tables are built on first access and kept, so a loader that
 * publishes one table (and the tables it references) builds only those.
 */
export interface PublishOptions {
  /** Privacy mode: identifier columns go through this keyed hash and small counts are suppressed. */
  pseudonym?: KeyedHash;
}

/** The count columns of daily_country, how they add up, and the rates computed from them. */
export const DAILY_COUNTRY_CELLS = {
  counts: [
    "reports", "enforcements", "appeals", "successful_appeals",
    ...CATEGORIES.map((k) => `reports_${k}`), ...SOURCES.map((s) => `source_${s}`),
    ...ACTIONS.filter((a) => a !== "none").map((a) => `enforce_${a}`)
  ],
  groups: [
    {total: "reports", parts: CATEGORIES.map((k) => `reports_${k}`)},
    {total: "reports", parts: SOURCES.map((s) => `source_${s}`)},
    {total: "enforcements", parts: ACTIONS.filter((a) => a !== "none").map((a) => `enforce_${a}`)}
  ],
  derived: {
    report_rate: ["reports"],
    enforcement_rate: ["enforcements", "reports"],
    appeal_rate: ["appeals", "enforcements"],
    appeal_success_rate: ["successful_appeals", "appeals"],
    ...Object.fromEntries(CATEGORIES.map((k) => [`share_${k}`, [`reports_${k}`, "reports"]])),
    ...Object.fromEntries(SOURCES.map((s) => [`share_source_${s}`, [`source_${s}`, "reports"]]))
  } as Record<string, string[]>
};

/** The contracts as published: in privacy mode, suppressed counts may be null. */
export function publishedSchemas(options: PublishOptions = {}): Record<TableName, TableSchema> {
  if (!options.pseudonym) return SCHEMAS;
  const nullable = new Set([...DAILY_COUNTRY_CELLS.counts, ...Object.keys(DAILY_COUNTRY_CELLS.derived)]);
  return {...SCHEMAS, daily_country: {...SCHEMAS.daily_country, columns: SCHEMAS.daily_country.columns.map((c) => (nullable.has(c.name) ? {...c, nullable: true} : c))}};
}

/**
 * The flag cubes and the review queue's aggregates of a world's flags, review and reviewers: one list,
 * used by the simulation (buildTables) and by a build from imported tables (fromImport/flags.ts).
 */
export function flagAggregateBuilders(world: Pick<World, "flags" | "review" | "reviewers" | "dates">) {
  return {
    flag_mix: () => flagMixCube(world),
    flag_outcomes: () => flagOutcomeCube(world),
    score_outcomes: () => scoreOutcomeCube(world),
    queue_outcomes: () => queueOutcomeCube(world),
    tta_bins: () => ttaCube(world),
    flag_scores: () => flagScoresTable(world),
    backlog_days: () => backlogDays(world, REVIEW.slaHours),
    reviewer_days: () => reviewerDays(world, detailedReviewers()),
    wait_bins: () => waitBins(world),
    queue_hours: () => queueHours(world)
  } satisfies Partial<Record<TableName, () => Columns>>;
}

export function buildTables(world: World, options: PublishOptions = {}): Record<TableName, Columns> {
  let rows: number[] | undefined;
  const flagRows = () => (rows ??= publishedFlagRows(world));
  let sessionCache: ReturnType<typeof sessionTables> | undefined;
  const sessions = () => (sessionCache ??= sessionTables(world));
  let pageSessionCache: ReturnType<typeof sessionSampleTables> | undefined;
  const pageSessions = () => (pageSessionCache ??= sessionSampleTables(world));
  const builders: Record<TableName, () => Columns> = {
    daily_country: () => dailyCountry(world),
    flags: () => flagsTable(world, flagRows()),
    snippets: () => snippetsTable(world, flagRows()),
    flag_texts: () => flagTextsTable(world),
    cases: () => casesTable(world),
    reviewers: () => reviewersTable(world),
    attacks: () => attacksTable(world),
    benign_events: () => benignEventsTable(world),
    known_events: () => knownEventsTable(SCENARIO_EVENTS),
    rings: () => ringsTable(world),
    users: () => usersTable(world, flagRows()),
    moderator_sessions: () => sessions().moderator_sessions,
    session_items: () => sessions().session_items,
    idle_periods: () => sessions().idle_periods,
    session_sample: () => pageSessions().session_sample,
    idle_sample: () => pageSessions().idle_sample,
    events: () => eventsTable(world),
    cohort: () => cohortTable(world),
    dsa_flags: () => dsaFlagsTable(world, flagRows()),
    monthly_active: () => monthlyActiveTable(world),
    ...flagAggregateBuilders(world),
    moderator_days: () => moderatorDays({sessions: world.sessions, isViolation: world.flags.isViolation, reviewerIds: world.reviewers.id, detailed: DETAILED_MODERATORS}),
    item_view_days: () => itemViewDays({sessions: world.sessions, reviewerIds: world.reviewers.id, detailed: DETAILED_MODERATORS})
  };
  return lazyTables(builders, options);
}

/**
 * Published tables built on first access from `builders`, each protected as privacy mode asks (the
 * simulation's tables and a platform's imported ones alike).
 */
export function lazyTables(builders: Record<TableName, () => Columns>, options: PublishOptions = {}): Record<TableName, Columns> {
  const cache: Partial<Record<TableName, Columns>> = {};
  const pending: Partial<Record<TableName, () => Columns>> = {...builders};
  const tables = {} as Record<TableName, Columns>;
  for (const name of Object.keys(builders) as TableName[]) {
    Object.defineProperty(tables, name, {enumerable: true, get: () => (cache[name] ??= build(name))});
  }
  // A builder is dropped once it has run: when every table is built, what they were built from (a
  // world, an import's columns) is no longer held here.
  function build(name: TableName): Columns {
    const columns = protectTable(name, pending[name]!(), options);
    delete pending[name];
    return columns;
  }
  return tables;
}

/** A published table as privacy mode publishes it: identifiers pseudonymised, small country-level counts suppressed. */
export function protectTable(name: TableName, columns: Columns, options: PublishOptions = {}): Columns {
  if (!options.pseudonym) return columns;
  const pseudonymised = pseudonymise(SCHEMAS[name], columns, options.pseudonym);
  if (name !== "daily_country") return pseudonymised;
  return suppressSmallCells(pseudonymised, DAILY_COUNTRY_CELLS.counts, DAILY_COUNTRY_CELLS.groups, DAILY_COUNTRY_CELLS.derived).columns;
}
