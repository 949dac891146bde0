import type {Activity} from "./activity.js";
import {daysBetween} from "../core/calendar.js";
import {ColumnBuffer} from "./columnBuffer.js";
import {ACTOR_TYPES, CATEGORIES, COUNTRIES, DAY_MS, DIURNAL, SEVERITIES, SOURCES, type Category, type Severity, type Source} from "../core/constants.js";
import {CATEGORY_PARAMS, SCORE} from "../core/params.js";
import {beta, chance, int, pick, poisson, weightTotal, type Rng} from "../core/random.js";
import {ATTACKS, DRIFT, INCIDENT, LOOKALIKES, MESSAGING_LAUNCH, MISINFO_EVENT, SPAM_SURGE} from "../core/scenarios.js";
import {campaignTemplate, lookalikeTemplate, LOOKALIKE_TEXT_KINDS, pickTemplate, type LookalikeTextKind} from "./text.js";
import {timeOrder} from "./order.js";
import type {Users} from "./users.js";


/**
 * Flags (reports) on content, columnar and sorted by time. Categorical columns hold indexes into the
 * vocabularies of constants.ts. Routing, review and appeal columns are filled by later stages.
 */
export interface Flags {
  length: number;
  ts: Float64Array;
  day: Int16Array;
  country: Uint8Array;
  category: Uint8Array;
  source: Uint8Array;
  severity: Uint8Array;
  surface: Uint8Array;
  mlScore: Float32Array;
  /** Ground truth, 1 or 0; UNKNOWN_TRUTH where imported data does not say (TRUTH publishes it). */
  isViolation: Uint8Array;
  coordinated: Uint8Array;
  /** Index into ATTACKS, -1 when the flag is not part of an attack. */
  attack: Int8Array;
  actor: Int32Array;
  /** The user a harassment flag's content targets, -1 otherwise. */
  target: Int32Array;
  template: Int16Array;
  /**
   * Index into LOOKALIKES of the benign look-alike a flag belongs to, -1 otherwise (ground truth).
   * Always set by generateFlags; optional so that hand-built flags in tests need not carry it.
   */
  lookalike?: Int8Array;
  /**
   * Printable identifiers where they are not the simulation's own (flags built from imported data):
   * absent, the published tables format them from the indexes (flag i is flag_id i, user u is userId(u)).
   */
  labels?: FlagLabels;
}

/** A ground-truth flag (isViolation, coordinated) that imported data does not supply. */
export const UNKNOWN_TRUTH = 2;
/** A ground-truth flag's published value: false, true, or null where unknown. */
export const TRUTH = [false, true, null] as const;

/**
 * Identifiers of imported flags: the flag id of each flag (by index), the account id of each index of
 * `actor` and `target`, the attack id of each index of `attack`, and each flag's template id (null when
 * the platform does not supply one).
 */
export interface FlagLabels {
  flag: ArrayLike<number>;
  user: readonly string[];
  attack: readonly string[];
  template: ArrayLike<number | null>;
}

const SEVERITY_WEIGHTS = CATEGORIES.map((k) => SEVERITIES.map((s) => CATEGORY_PARAMS[k].severity[s]));
const SOURCE_WEIGHTS = CATEGORIES.map((k) => SOURCES.map((s) => CATEGORY_PARAMS[k].source[s]));
const VIOLATION_P = CATEGORIES.map((k) => SOURCES.map((s) => CATEGORY_PARAMS[k].violation[s as Source]));
const AI = SOURCES.indexOf("ai");
const USER = SOURCES.indexOf("user");
/** Flags per message relative to flags per post, by category: DMs carry harassment and spam. */
const MESSAGE_RATE: Record<Category, number> = {spam: 1.5, harassment_hate: 1.9, nudity: 0.6, misinformation: 0.3, child_safety: 1, other: 0.5};
/** Which actor types post violating content of each category (benign users violate too). */
const VIOLATOR_MIX: Record<Category, Partial<Record<(typeof ACTOR_TYPES)[number], number>>> = {
  spam: {spammer: 0.55, scammer: 0.15, benign: 0.3},
  harassment_hate: {harasser: 0.5, benign: 0.5},
  nudity: {spammer: 0.2, benign: 0.8},
  misinformation: {benign: 0.9, harasser: 0.1},
  child_safety: {benign: 1},
  other: {benign: 0.85, spammer: 0.1, scammer: 0.05}
};
const DIURNAL_TOTAL = weightTotal(DIURNAL);
const BENIGN = ACTOR_TYPES.indexOf("benign");
const VIOLATOR_TYPES = CATEGORIES.map((k) => Object.keys(VIOLATOR_MIX[k]).map((t) => ACTOR_TYPES.indexOf(t as (typeof ACTOR_TYPES)[number])));
const VIOLATOR_WEIGHTS = CATEGORIES.map((k) => Object.values(VIOLATOR_MIX[k]) as number[]);
const INCIDENT_START = Date.parse(INCIDENT.start);
const INCIDENT_END = Date.parse(INCIDENT.end);
const INCIDENT_CATEGORY = CATEGORIES.indexOf(INCIDENT.category);

/** Mean classifier score on true violations for a day index: stable, then the T&S ops dashboard's linear drift. */
export function violationScoreMean(day: number, dates: string[]): number {
  const start = daysBetween(dates[0], DRIFT.start);
  const end = daysBetween(dates[0], DRIFT.end);
  if (day <= start) return DRIFT.stableMean;
  return DRIFT.stableMean + ((DRIFT.endMean - DRIFT.stableMean) * Math.min(day - start, end - start)) / (end - start);
}

/** Multiplier of the organic rate of one category on one day in one country, from the scenarios. */
export function scenarioMultiplier(category: Category, date: string, region: string, dates: string[]): number {
  let m = 1;
  if (category === "spam" && region === SPAM_SURGE.region && date >= SPAM_SURGE.start && date <= SPAM_SURGE.end) m *= SPAM_SURGE.multiplier[daysBetween(SPAM_SURGE.start, date)];
  if (category === "misinformation" && date >= MISINFO_EVENT.start && date <= MISINFO_EVENT.end) {
    const k = daysBetween(MISINFO_EVENT.start, date);
    const left = daysBetween(date, MISINFO_EVENT.end);
    const ramp = Math.min(1, (k + 1) / MISINFO_EVENT.rampDays, (left + 1) / MISINFO_EVENT.decayDays);
    m *= 1 + (MISINFO_EVENT.peak - 1) * ramp;
  }
  const p = CATEGORY_PARAMS[category];
  const t = daysBetween(dates[0], date) / Math.max(1, dates.length - 1);
  return m * (p.trendStart + (p.trendEnd - p.trendStart) * t);
}

export function generateFlags(rng: Rng, activity: Activity, users: Users): Flags {
  // Each country has its own reporting culture: the report rate varies around the platform's.
  const countryFactor = COUNTRIES.map(() => 0.85 + 0.3 * rng());
  // Each harassment attack has one victim; organic harassment targets random users.
  const victims = ATTACKS.map(() => users.pools[int(rng, COUNTRIES.length)][BENIGN][0] ?? 0);
  // The benign look-alikes draw from a stream of their own, so the rest of the flags keep their draws.
  const days = new FlagDays(rng, rng.fork("lookalikes"), activity, users, countryFactor, victims);
  for (let d = 0; d < activity.dates.length; d++) days.simulate(d);
  return days.flags();
}

/** The scenarios' multiplier of each category's organic rate, at [(day * CATEGORIES.length + category) * regions + region]. */
function scenarioMultipliers(dates: string[]): {regions: number; regionOf: number[]; multiplier: Float64Array} {
  const regions = [...new Set(COUNTRIES.map((c) => c.region))];
  const regionOf = COUNTRIES.map((c) => regions.indexOf(c.region));
  const multiplier = new Float64Array(dates.length * CATEGORIES.length * regions.length);
  for (let d = 0; d < dates.length; d++) {
    for (let k = 0; k < CATEGORIES.length; k++) {
      for (let g = 0; g < regions.length; g++) multiplier[(d * CATEGORIES.length + k) * regions.length + g] = scenarioMultiplier(CATEGORIES[k], dates[d], regions[g], dates);
    }
  }
  return {regions: regions.length, regionOf, multiplier};
}

type DayColumns = {ts: Float64Array; country: Uint8Array; category: Uint8Array; source: Uint8Array; severity: Uint8Array; surface: Uint8Array; score: Float64Array; violation: Uint8Array; coordinated: Uint8Array; attack: Int8Array; actor: Int32Array; target: Int32Array; template: Int16Array; lookalike: Int8Array};

/** One day's flags before they are sorted by time: columns that grow, reused from day to day. */
function dayBuffer(n = 1024): ColumnBuffer<DayColumns> {
  return new ColumnBuffer<DayColumns>(
    {ts: new Float64Array(n), country: new Uint8Array(n), category: new Uint8Array(n), source: new Uint8Array(n), severity: new Uint8Array(n), surface: new Uint8Array(n), score: new Float64Array(n), violation: new Uint8Array(n), coordinated: new Uint8Array(n), attack: new Int8Array(n), actor: new Int32Array(n), target: new Int32Array(n), template: new Int16Array(n), lookalike: new Int8Array(n)},
    n
  );
}

/** The flags, simulated day by day into a day buffer and appended to the table in time order. */
class FlagDays {
  private readonly day = dayBuffer();
  private table: Flags;
  private total = 0;
  private orderBuffer = new Int32Array(0);
  private readonly scenarios: ReturnType<typeof scenarioMultipliers>;
  private readonly scamRing: number;
  private readonly attackRings: number[];
  // The day being simulated.
  private dayStart = 0;
  private vMean = 0;
  private expectedOrganic = 0;

  constructor(
    private readonly rng: Rng,
    private readonly lookalikeRng: Rng,
    private readonly activity: Activity,
    private readonly users: Users,
    private readonly countryFactor: number[],
    private readonly victims: number[]
  ) {
    this.scenarios = scenarioMultipliers(activity.dates);
    this.scamRing = users.ringSpecs.findIndex((r) => r.purpose === "messaging_scam");
    this.attackRings = ATTACKS.map((a) => users.ringSpecs.findIndex((r) => r.attack === a.id));
    this.table = allocateFlags(Math.ceil(activity.posts.reduce((a, b) => a + b, 0) * 0.02) + 1024);
  }

  /** Day d: organic reports, the scam ring's messages, the incident's false alarms, the attacks and the look-alikes. */
  simulate(d: number): void {
    const {dates} = this.activity;
    const date = dates[d];
    this.dayStart = Date.parse(`${date}T00:00:00Z`);
    this.vMean = violationScoreMean(d, dates);
    this.day.length = 0;
    this.expectedOrganic = 0;
    for (let c = 0; c < COUNTRIES.length; c++) this.organic(d, c);
    this.scamMessages(date);
    this.incidentAlarms();
    ATTACKS.forEach((a, ai) => this.attack(date, a, ai));
    const lookalikeRng = this.lookalikeRng;
    pushLookalikes(date, this.expectedOrganic, {
      rng: lookalikeRng,
      users: this.users,
      day: this.day,
      drawActor: (c, t, g) => this.drawActor(c, t, g),
      timeOf: (c) => this.timeOf(c, lookalikeRng),
      push: (...args: Parameters<Push>) => this.push(...args)
    });
    this.append(d);
  }

  /** The table of every day's flags. */
  flags(): Flags {
    return resizeFlags(this.table, this.total);
  }

  /** Organic reports in country c on day d, by category: on posts and messages, at the category's rate under the scenarios. */
  private organic(d: number, c: number): void {
    const {rng, activity, scenarios} = this;
    const i = d * COUNTRIES.length + c;
    for (let k = 0; k < CATEGORIES.length; k++) {
      const category = CATEGORIES[k];
      const rate = CATEGORY_PARAMS[category].rate * this.countryFactor[c] * scenarios.multiplier[(d * CATEGORIES.length + k) * scenarios.regions + scenarios.regionOf[c]];
      const lambdaPosts = activity.posts[i] * rate;
      const lambdaMessages = activity.messages[i] * rate * MESSAGE_RATE[category];
      this.expectedOrganic += lambdaPosts + lambdaMessages;
      let n = poisson(rng, lambdaPosts + lambdaMessages);
      // The incident's classifier push raises extra false alarms on benign content (added below).
      if (k === INCIDENT_CATEGORY && this.dayStart + DAY_MS > INCIDENT_START && this.dayStart < INCIDENT_END) n += poisson(rng, lambdaPosts * 0.5);
      const messageShare = lambdaMessages / Math.max(1e-9, lambdaPosts + lambdaMessages);
      for (let j = 0; j < n; j++) {
        const ts = this.timeOf(c);
        const surface = chance(rng, messageShare) ? 2 : chance(rng, 0.65) ? 0 : 1;
        const r = this.push(ts, c, k, surface, 0, -1, 0, -1, pickTemplate(rng, category), null, SOURCE_WEIGHTS[k]);
        const actor = this.day.cols.violation[r] ? this.drawActor(c, VIOLATOR_TYPES[k][pick(rng, VIOLATOR_WEIGHTS[k])]) : this.drawActor(c, BENIGN);
        this.day.cols.actor[r] = actor;
        if (category === "harassment_hate") this.day.cols.target[r] = this.drawActor(int(rng, COUNTRIES.length), BENIGN);
      }
    }
  }

  /** The messaging scam ring (the investigation's attacker activity): DMs from young ring accounts. */
  private scamMessages(date: string): void {
    if (date < MESSAGING_LAUNCH.scamStart || date > MESSAGING_LAUNCH.scamEnd || this.scamRing < 0) return;
    const rng = this.rng;
    const k = CATEGORIES.indexOf("spam");
    const n = poisson(rng, this.expectedOrganic * 0.2);
    const members = this.users.ringMembers[this.scamRing];
    for (let j = 0; j < n; j++) {
      const actor = members[int(rng, members.length)];
      const c = this.users.country[actor];
      const ts = this.timeOf(c);
      const template = chance(rng, 0.85) ? campaignTemplate("messaging_scam") : pickTemplate(rng, "spam");
      this.push(ts, c, k, 2, 1, -1, actor, -1, template, chance(rng, 0.95), SOURCE_WEIGHTS[k]);
    }
  }

  /** The incident: the pushed classifier raises its own false alarms on benign content, most of which its inflated scores then block automatically. */
  private incidentAlarms(): void {
    const {rng, dayStart} = this;
    if (!(dayStart + DAY_MS > INCIDENT_START && dayStart < INCIDENT_END)) return;
    const from = Math.max(dayStart, INCIDENT_START);
    const span = Math.min(dayStart + DAY_MS, INCIDENT_END) - from;
    const n = poisson(rng, this.expectedOrganic * INCIDENT.falseAlarmShare * (span / DAY_MS));
    for (let j = 0; j < n; j++) {
      const actor = this.drawActor(int(rng, COUNTRIES.length), BENIGN);
      const ts = from + Math.floor(rng() * span);
      this.push(ts, this.users.country[actor], INCIDENT_CATEGORY, chance(rng, 0.65) ? 0 : 1, 0, -1, actor, -1, pickTemplate(rng, INCIDENT.category), false, [0, 1, 0]);
    }
  }

  /** A coordinated attack's day: extra flags on ring content, scaled to the day's expected organic volume. */
  private attack(date: string, a: (typeof ATTACKS)[number], ai: number): void {
    if (date < a.start || date > a.end) return;
    const rng = this.rng;
    const intensity = a.intensity[daysBetween(a.start, date)];
    const k = CATEGORIES.indexOf(a.category);
    const members = this.users.ringMembers[this.attackRings[ai]];
    const n = poisson(rng, this.expectedOrganic * intensity);
    const weights = [(1 - a.aiShare) * 0.7, a.aiShare, (1 - a.aiShare) * 0.3];
    for (let j = 0; j < n; j++) {
      const actor = members[int(rng, members.length)];
      const c = this.users.country[actor];
      const template = chance(rng, 0.88) ? campaignTemplate(a.pattern) : pickTemplate(rng, a.category);
      const target = a.category === "harassment_hate" ? this.victims[ai] : -1;
      const ts = this.timeOf(c);
      const surface = chance(rng, 0.6) ? 1 : 0;
      this.push(ts, c, k, surface, 1, ai, actor, target, template, chance(rng, 0.96), weights);
    }
  }

  /** Appends a flag: draws its source, truth, score and severity; returns its row in the day buffer. */
  private push(ts: number, country: number, k: number, surface: number, coordinated: number, attack: number, actor: number, target: number, template: number, forcedViolation: boolean | null, sourceWeights: readonly number[], g: Rng = this.rng): number {
    let source = pick(g, sourceWeights);
    const violation = forcedViolation ?? chance(g, VIOLATION_P[k][source]);
    let score: number;
    if (violation) {
      score = beta(g, this.vMean, SCORE.violationConcentration);
      // The classifier only raises flags above its threshold; a low-scored violation was reported by a person.
      if (source === AI && score < SCORE.aiFlagThreshold) source = USER;
    } else {
      score = beta(g, SCORE.benignMean, SCORE.benignConcentration);
      if (source === AI) for (let i = 0; i < 50 && score < SCORE.aiFlagThreshold; i++) score = beta(g, SCORE.benignMean, SCORE.benignConcentration);
      if (k === INCIDENT_CATEGORY && ts >= INCIDENT_START && ts < INCIDENT_END) score = Math.min(0.995, score + INCIDENT.scoreInflation);
    }
    const severity = pick(g, SEVERITY_WEIGHTS[k]);
    const r = this.day.row();
    const col = this.day.cols;
    col.ts[r] = ts;
    col.country[r] = country;
    col.category[r] = k;
    col.source[r] = source;
    col.severity[r] = severity;
    col.surface[r] = surface;
    col.score[r] = score;
    col.violation[r] = violation ? 1 : 0;
    col.coordinated[r] = coordinated;
    col.attack[r] = attack;
    col.actor[r] = actor;
    col.target[r] = target;
    col.template[r] = template;
    col.lookalike[r] = -1;
    return r;
  }

  /** A random account of a type in a country (a benign one where the country has none of that type). */
  private drawActor(country: number, type: number, g: Rng = this.rng): number {
    let pool = this.users.pools[country][type];
    if (pool.length === 0) pool = this.users.pools[country][BENIGN];
    return pool[int(g, pool.length)];
  }

  /** A time on the current day: a local hour by the diurnal curve in the country's time zone. */
  private timeOf(country: number, g: Rng = this.rng): number {
    const localHour = pick(g, DIURNAL, DIURNAL_TOTAL);
    const utcHour = (((localHour - COUNTRIES[country].utcOffset) % 24) + 24) % 24;
    return this.dayStart + utcHour * 3_600_000 + Math.floor(g() * 3_600_000);
  }

  /** Appends the day's flags to the table in time order; ties keep generation order. */
  private append(d: number): void {
    const {day} = this;
    const col = day.cols;
    if (this.orderBuffer.length < day.length) this.orderBuffer = new Int32Array(col.ts.length);
    const order = timeOrder(col.ts, 0, day.length, this.dayStart, this.orderBuffer);
    if (this.total + day.length > this.table.length) this.table = resizeFlags(this.table, Math.max(this.table.length * 2, this.total + day.length));
    const flags = this.table;
    let total = this.total;
    for (let j = 0; j < day.length; j++) {
      const r = order[j];
      flags.ts[total] = col.ts[r];
      flags.day[total] = d;
      flags.country[total] = col.country[r];
      flags.category[total] = col.category[r];
      flags.source[total] = col.source[r];
      flags.severity[total] = col.severity[r];
      flags.surface[total] = col.surface[r];
      flags.mlScore[total] = Math.round(col.score[r] * 1e4) / 1e4;
      flags.isViolation[total] = col.violation[r];
      flags.coordinated[total] = col.coordinated[r];
      flags.attack[total] = col.attack[r];
      flags.actor[total] = col.actor[r];
      flags.target[total] = col.target[r];
      flags.template[total] = col.template[r];
      flags.lookalike![total] = col.lookalike[r];
      total++;
    }
    this.total = total;
  }
}

type Push = (ts: number, country: number, k: number, surface: number, coordinated: number, attack: number, actor: number, target: number, template: number, forcedViolation: boolean | null, sourceWeights: readonly number[], g?: Rng) => number;

/** Mostly user reports: a look-alike draws people's attention, not the classifier's. */
const LOOKALIKE_SOURCES = [0.85, 0.1, 0.05];

/**
 * The benign look-alikes' flags of one day: benign content that trips one signal of coordination.
 * A viral burst's flags come from many commenters at one creator; a cohort's, a household's or a
 * campus's from their own accounts; near-duplicate text from anyone, on the look-alike template.
 */
function pushLookalikes(date: string, expectedOrganic: number, ctx: {rng: Rng; users: Users; day: ColumnBuffer<DayColumns>; drawActor: (c: number, t: number, g: Rng) => number; timeOf: (c: number) => number; push: Push}): void {
  const {rng, users} = ctx;
  const benign = ACTOR_TYPES.indexOf("benign");
  LOOKALIKES.forEach((b, bi) => {
    if (date < b.start || date > b.end) return;
    const n = poisson(rng, expectedOrganic * b.intensity[daysBetween(b.start, date)]);
    const k = CATEGORIES.indexOf(b.category);
    const accounts = users.lookalikeAccounts[bi];
    const text = (LOOKALIKE_TEXT_KINDS as readonly string[]).includes(b.kind) ? lookalikeTemplate(b.kind as LookalikeTextKind) : -1;
    const home = accounts.length ? users.country[accounts[0]] : 0;
    for (let j = 0; j < n; j++) {
      const pileOn = b.kind === "viral_report_burst" && b.category === "harassment_hate";
      // A pile-on: many people's replies at the creator. Otherwise a viral burst is reports on the creator's own post.
      const commenter = () => ctx.drawActor(chance(rng, 0.7) ? home : int(rng, COUNTRIES.length), benign, rng);
      const actor = pileOn ? commenter() : b.kind === "viral_report_burst" ? (chance(rng, 0.8) ? accounts[0] : commenter()) : accounts.length ? accounts[int(rng, accounts.length)] : ctx.drawActor(int(rng, COUNTRIES.length), benign, rng);
      const target = pileOn ? accounts[0] : -1;
      const template = text >= 0 && chance(rng, 0.9) ? text : pickTemplate(rng, b.category);
      const c = users.country[actor];
      const r = ctx.push(ctx.timeOf(c), c, k, chance(rng, 0.6) ? 1 : 0, 0, -1, actor, target, template, chance(rng, b.violationShare), LOOKALIKE_SOURCES, rng);
      ctx.day.cols.lookalike[r] = bi;
    }
  });
}

const COLUMNS = ["ts", "day", "country", "category", "source", "severity", "surface", "mlScore", "isViolation", "coordinated", "attack", "actor", "target", "template", "lookalike"] as const;

function allocateFlags(n: number): Flags {
  return {
    length: n,
    ts: new Float64Array(n),
    day: new Int16Array(n),
    country: new Uint8Array(n),
    category: new Uint8Array(n),
    source: new Uint8Array(n),
    severity: new Uint8Array(n),
    surface: new Uint8Array(n),
    mlScore: new Float32Array(n),
    isViolation: new Uint8Array(n),
    coordinated: new Uint8Array(n),
    attack: new Int8Array(n),
    actor: new Int32Array(n),
    target: new Int32Array(n),
    template: new Int16Array(n),
    lookalike: new Int8Array(n)
  };
}

/** A copy with room for n flags, keeping the first min(n, length) rows. */
function resizeFlags(flags: Flags, n: number): Flags {
  const next = allocateFlags(n);
  const keep = Math.min(n, flags.length);
  for (const key of COLUMNS) (next[key] as Float64Array).set((flags[key] as Float64Array).subarray(0, keep));
  return next;
}
