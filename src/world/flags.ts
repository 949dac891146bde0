import type {Activity} from "./activity.js";
import {daysBetween} from "./calendar.js";
import {ACTOR_TYPES, CATEGORIES, COUNTRIES, DAY_MS, DIURNAL, SEVERITIES, SOURCES, type Category, type Severity, type Source} from "./constants.js";
import {CATEGORY_PARAMS, SCORE} from "./params.js";
import {beta, chance, int, pick, poisson, weightTotal, type Rng} from "./random.js";
import {ATTACKS, DRIFT, INCIDENT, LOOKALIKES, MESSAGING_LAUNCH, MISINFO_EVENT, SPAM_SURGE} from "./scenarios.js";
import {campaignTemplate, lookalikeTemplate, LOOKALIKE_TEXT_KINDS, pickTemplate, type LookalikeTextKind} from "./text.js";
import {timeOrder} from "./order.js";
import type {Users} from "./users.js";

export const SURFACES = ["post", "comment", "message"] as const;

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
}

/** One day's flags before they are sorted by time: columns that grow, reused from day to day. */
class DayBuffer {
  length = 0;
  ts = new Float64Array(1024);
  country = new Uint8Array(1024);
  category = new Uint8Array(1024);
  source = new Uint8Array(1024);
  severity = new Uint8Array(1024);
  surface = new Uint8Array(1024);
  score = new Float64Array(1024);
  violation = new Uint8Array(1024);
  coordinated = new Uint8Array(1024);
  attack = new Int8Array(1024);
  actor = new Int32Array(1024);
  target = new Int32Array(1024);
  template = new Int16Array(1024);
  lookalike = new Int8Array(1024);

  /** Index of a new row (its fields are set by the caller). */
  add(): number {
    if (this.length === this.ts.length) this.grow();
    return this.length++;
  }

  private grow(): void {
    const n = this.ts.length * 2;
    for (const key of DAY_COLUMNS) {
      const old = this[key];
      const next = new (old.constructor as new (n: number) => typeof old)(n);
      next.set(old as never);
      (this as Record<string, unknown>)[key] = next;
    }
  }
}

const DAY_COLUMNS = ["ts", "country", "category", "source", "severity", "surface", "score", "violation", "coordinated", "attack", "actor", "target", "template", "lookalike"] as const;


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

/** Mean classifier score on true violations for a day index: stable, then seed 001's linear drift. */
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
  const {dates} = activity;
  const nc = COUNTRIES.length;
  // Each country has its own reporting culture: the report rate varies around the platform's.
  const countryFactor = COUNTRIES.map(() => 0.85 + 0.3 * rng());
  const violatorTypes = CATEGORIES.map((k) => Object.keys(VIOLATOR_MIX[k]).map((t) => ACTOR_TYPES.indexOf(t as (typeof ACTOR_TYPES)[number])));
  const violatorWeights = CATEGORIES.map((k) => Object.values(VIOLATOR_MIX[k]) as number[]);
  const benign = ACTOR_TYPES.indexOf("benign");
  const incidentStart = Date.parse(INCIDENT.start);
  const incidentEnd = Date.parse(INCIDENT.end);
  const incidentCategory = CATEGORIES.indexOf(INCIDENT.category);
  const scamRing = users.ringSpecs.findIndex((r) => r.purpose === "messaging_scam");
  const attackRings = ATTACKS.map((a) => users.ringSpecs.findIndex((r) => r.attack === a.id));
  // Each harassment attack has one victim; organic harassment targets random users.
  const victims = ATTACKS.map(() => users.pools[int(rng, nc)][benign][0] ?? 0);

  // The scenarios' multiplier of each category's organic rate, by day, category and region.
  const regions = [...new Set(COUNTRIES.map((c) => c.region))];
  const regionOf = COUNTRIES.map((c) => regions.indexOf(c.region));
  const multiplier = new Float64Array(dates.length * CATEGORIES.length * regions.length);
  for (let d = 0; d < dates.length; d++) {
    for (let k = 0; k < CATEGORIES.length; k++) {
      for (let g = 0; g < regions.length; g++) multiplier[(d * CATEGORIES.length + k) * regions.length + g] = scenarioMultiplier(CATEGORIES[k], dates[d], regions[g], dates);
    }
  }

  const day = new DayBuffer();
  let orderBuffer = new Int32Array(0);
  let flags = allocateFlags(Math.ceil(activity.posts.reduce((a, b) => a + b, 0) * 0.02) + 1024);
  let total = 0;
  // The benign look-alikes draw from a stream of their own, so the rest of the flags keep their draws.
  const lookalikeRng = rng.fork("lookalikes");
  const drawActor = (country: number, type: number, g: Rng = rng): number => {
    let pool = users.pools[country][type];
    if (pool.length === 0) pool = users.pools[country][benign];
    return pool[int(g, pool.length)];
  };
  const timeOf = (dayStart: number, country: number, g: Rng = rng): number => {
    const localHour = pick(g, DIURNAL, DIURNAL_TOTAL);
    const utcHour = (((localHour - COUNTRIES[country].utcOffset) % 24) + 24) % 24;
    return dayStart + utcHour * 3_600_000 + Math.floor(g() * 3_600_000);
  };

  for (let d = 0; d < dates.length; d++) {
    const date = dates[d];
    const dayStart = Date.parse(`${date}T00:00:00Z`);
    const vMean = violationScoreMean(d, dates);
    day.length = 0;
    let expectedOrganic = 0;
    /** Appends a flag: draws its source, truth, score and severity; returns its row in the day buffer. */
    const push = (ts: number, country: number, k: number, surface: number, coordinated: number, attack: number, actor: number, target: number, template: number, forcedViolation: boolean | null, sourceWeights: readonly number[], g: Rng = rng): number => {
      let source = pick(g, sourceWeights);
      const violation = forcedViolation ?? chance(g, VIOLATION_P[k][source]);
      let score: number;
      if (violation) {
        score = beta(g, vMean, SCORE.violationConcentration);
        // The classifier only raises flags above its threshold; a low-scored violation was reported by a person.
        if (source === AI && score < SCORE.aiFlagThreshold) source = USER;
      } else {
        score = beta(g, SCORE.benignMean, SCORE.benignConcentration);
        if (source === AI) for (let i = 0; i < 50 && score < SCORE.aiFlagThreshold; i++) score = beta(g, SCORE.benignMean, SCORE.benignConcentration);
        if (k === incidentCategory && ts >= incidentStart && ts < incidentEnd) score = Math.min(0.995, score + INCIDENT.scoreInflation);
      }
      const severity = pick(g, SEVERITY_WEIGHTS[k]);
      const r = day.add();
      day.ts[r] = ts;
      day.country[r] = country;
      day.category[r] = k;
      day.source[r] = source;
      day.severity[r] = severity;
      day.surface[r] = surface;
      day.score[r] = score;
      day.violation[r] = violation ? 1 : 0;
      day.coordinated[r] = coordinated;
      day.attack[r] = attack;
      day.actor[r] = actor;
      day.target[r] = target;
      day.template[r] = template;
      day.lookalike[r] = -1;
      return r;
    };
    for (let c = 0; c < nc; c++) {
      const i = d * nc + c;
      for (let k = 0; k < CATEGORIES.length; k++) {
        const category = CATEGORIES[k];
        const rate = CATEGORY_PARAMS[category].rate * countryFactor[c] * multiplier[(d * CATEGORIES.length + k) * regions.length + regionOf[c]];
        const lambdaPosts = activity.posts[i] * rate;
        const lambdaMessages = activity.messages[i] * rate * MESSAGE_RATE[category];
        expectedOrganic += lambdaPosts + lambdaMessages;
        let n = poisson(rng, lambdaPosts + lambdaMessages);
        // The incident's classifier push raises extra false alarms on benign content (added below).
        if (k === incidentCategory && dayStart + DAY_MS > incidentStart && dayStart < incidentEnd) n += poisson(rng, lambdaPosts * 0.5);
        const messageShare = lambdaMessages / Math.max(1e-9, lambdaPosts + lambdaMessages);
        for (let j = 0; j < n; j++) {
          const ts = timeOf(dayStart, c);
          const surface = chance(rng, messageShare) ? 2 : chance(rng, 0.65) ? 0 : 1;
          const r = push(ts, c, k, surface, 0, -1, 0, -1, pickTemplate(rng, category), null, SOURCE_WEIGHTS[k]);
          day.actor[r] = day.violation[r] ? drawActor(c, violatorTypes[k][pick(rng, violatorWeights[k])]) : drawActor(c, benign);
          if (category === "harassment_hate") day.target[r] = drawActor(int(rng, nc), benign);
        }
      }
    }
    // The messaging scam ring (the investigation's attacker activity): DMs from young ring accounts.
    if (date >= MESSAGING_LAUNCH.scamStart && date <= MESSAGING_LAUNCH.scamEnd && scamRing >= 0) {
      const k = CATEGORIES.indexOf("spam");
      const n = poisson(rng, expectedOrganic * 0.2);
      const members = users.ringMembers[scamRing];
      for (let j = 0; j < n; j++) {
        const actor = members[int(rng, members.length)];
        const c = users.country[actor];
        const ts = timeOf(dayStart, c);
        const template = chance(rng, 0.85) ? campaignTemplate("messaging_scam") : pickTemplate(rng, "spam");
        push(ts, c, k, 2, 1, -1, actor, -1, template, chance(rng, 0.95), SOURCE_WEIGHTS[k]);
      }
    }
    // The incident: the pushed classifier raises its own false alarms on benign content, most of which
    // its inflated scores then block automatically.
    if (dayStart + DAY_MS > incidentStart && dayStart < incidentEnd) {
      const from = Math.max(dayStart, incidentStart);
      const span = Math.min(dayStart + DAY_MS, incidentEnd) - from;
      const n = poisson(rng, expectedOrganic * INCIDENT.falseAlarmShare * (span / DAY_MS));
      for (let j = 0; j < n; j++) {
        const actor = drawActor(int(rng, nc), benign);
        const ts = from + Math.floor(rng() * span);
        push(ts, users.country[actor], incidentCategory, chance(rng, 0.65) ? 0 : 1, 0, -1, actor, -1, pickTemplate(rng, INCIDENT.category), false, [0, 1, 0]);
      }
    }
    // Coordinated attacks: extra flags on ring content, scaled to the day's expected organic volume.
    ATTACKS.forEach((a, ai) => {
      if (date < a.start || date > a.end) return;
      const intensity = a.intensity[daysBetween(a.start, date)];
      const k = CATEGORIES.indexOf(a.category);
      const members = users.ringMembers[attackRings[ai]];
      const n = poisson(rng, expectedOrganic * intensity);
      const weights = [(1 - a.aiShare) * 0.7, a.aiShare, (1 - a.aiShare) * 0.3];
      for (let j = 0; j < n; j++) {
        const actor = members[int(rng, members.length)];
        const c = users.country[actor];
        const template = chance(rng, 0.88) ? campaignTemplate(a.pattern) : pickTemplate(rng, a.category);
        const target = a.category === "harassment_hate" ? victims[ai] : -1;
        const ts = timeOf(dayStart, c);
        const surface = chance(rng, 0.6) ? 1 : 0;
        push(ts, c, k, surface, 1, ai, actor, target, template, chance(rng, 0.96), weights);
      }
    });
    pushLookalikes(date, expectedOrganic, {rng: lookalikeRng, users, day, drawActor, timeOf: (c) => timeOf(dayStart, c, lookalikeRng), push});
    // Time order; ties keep generation order.
    if (orderBuffer.length < day.length) orderBuffer = new Int32Array(day.ts.length);
    const order = timeOrder(day.ts, 0, day.length, dayStart, orderBuffer);
    if (total + day.length > flags.length) flags = resizeFlags(flags, Math.max(flags.length * 2, total + day.length));
    for (let j = 0; j < day.length; j++) {
      const r = order[j];
      flags.ts[total] = day.ts[r];
      flags.day[total] = d;
      flags.country[total] = day.country[r];
      flags.category[total] = day.category[r];
      flags.source[total] = day.source[r];
      flags.severity[total] = day.severity[r];
      flags.surface[total] = day.surface[r];
      flags.mlScore[total] = Math.round(day.score[r] * 1e4) / 1e4;
      flags.isViolation[total] = day.violation[r];
      flags.coordinated[total] = day.coordinated[r];
      flags.attack[total] = day.attack[r];
      flags.actor[total] = day.actor[r];
      flags.target[total] = day.target[r];
      flags.template[total] = day.template[r];
      flags.lookalike![total] = day.lookalike[r];
      total++;
    }
  }

  return resizeFlags(flags, total);
}

type Push = (ts: number, country: number, k: number, surface: number, coordinated: number, attack: number, actor: number, target: number, template: number, forcedViolation: boolean | null, sourceWeights: readonly number[], g?: Rng) => number;

/** Mostly user reports: a look-alike draws people's attention, not the classifier's. */
const LOOKALIKE_SOURCES = [0.85, 0.1, 0.05];

/**
 * The benign look-alikes' flags of one day: benign content that trips one signal of coordination.
 * A viral burst's flags come from many commenters at one creator; a cohort's, a household's or a
 * campus's from their own accounts; near-duplicate text from anyone, on the look-alike template.
 */
function pushLookalikes(date: string, expectedOrganic: number, ctx: {rng: Rng; users: Users; day: DayBuffer; drawActor: (c: number, t: number, g: Rng) => number; timeOf: (c: number) => number; push: Push}): void {
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
      ctx.day.lookalike[r] = bi;
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
