import {addDays, formatDate} from "../core/calendar.js";
import {ACTIONS, ACTOR_TYPES, CATEGORIES, COUNTRIES, HOUR_MS, ROUTES, SOURCES, type Category} from "../core/constants.js";
import {LANGUAGES, LEGAL_GROUNDS, NOTICE_TYPES} from "../core/dsaTerms.js";
import type {Activity} from "./activity.js";
import type {Flags} from "./flags.js";
import {chance, lognormal, pick, type Rng} from "../core/random.js";
import type {Review} from "./review.js";
import type {Users} from "./users.js";

/**
 * What the Digital Services Act's transparency outputs need beyond moderation itself: the type and
 * language of the content, the business or private account behind it, how a flag reached the platform
 * (an Article 16 illegal-content notice citing a law, a trusted flagger's notice, another notification
 * or the platform's own initiative), whether the content is in fact illegal (ground truth), the ground
 * the platform decided on, when an account suspension ends, when a complaint (appeal) was decided, and
 * the monthly active recipients per country. It draws from its own fork of the seed, after everything
 * else, so the rest of the world is the same with or without it.
 */


/** Indexes into LEGAL_GROUNDS of each category's laws, by category index. */
const GROUNDS_OF: readonly number[][] = CATEGORIES.map((k) => LEGAL_GROUNDS.flatMap((g, i) => (g.category === k ? [i] : [])));
/** Share of user reports from the EEA filed through the Article 16 illegal-content form, by category. */
const ARTICLE_16_SHARE: Record<Category, number> = {spam: 0.12, harassment_hate: 0.3, nudity: 0.18, misinformation: 0.12, child_safety: 0.6, other: 0.2};
/** Share of violating content that is also illegal in the member state (ground truth), by category. */
const ILLEGAL_SHARE: Record<Category, number> = {spam: 0.3, harassment_hate: 0.35, nudity: 0.15, misinformation: 0.05, child_safety: 0.95, other: 0.2};
/** Content types by surface (post, comment, message): text, image, video weights. */
const CONTENT_BY_SURFACE = [[0.45, 0.35, 0.2], [0.9, 0.1, 0], [0.85, 0.15, 0]] as const;
/** Share of business accounts by actor type: scam shops and spam outfits run business accounts more often. */
const BUSINESS_SHARE: Record<(typeof ACTOR_TYPES)[number], number> = {benign: 0.04, spammer: 0.2, scammer: 0.25, harasser: 0.01, ring_member: 0.03};
/** Account suspensions: 7 days, 30 days, or permanent (termination, 0). */
const SUSPENSION_DAYS = [7, 30, 0] as const;
const SUSPENSION_WEIGHTS = [0.45, 0.35, 0.2] as const;

export interface Transparency {
  /** Per flag: index into CONTENT_TYPES. */
  contentType: Uint8Array;
  /** Per flag: index into LANGUAGES. */
  language: Uint8Array;
  /** Per flag: index into NOTICE_TYPES. */
  notice: Uint8Array;
  /** Per flag: index into LEGAL_GROUNDS of the law a notice cites, -1 for none. */
  allegedGround: Int8Array;
  /** Per flag, ground truth: the content is illegal where it was posted. */
  isIllegal: Uint8Array;
  /** Per flag: index into DECISION_GROUNDS for an enforcement, -1 without one. */
  decisionGround: Int8Array;
  /** Per flag: days an account suspension lasts, 0 for a permanent one, -1 for other actions. */
  suspensionDays: Int16Array;
  /** Per flag: when the complaint (appeal) was decided, NaN without one. */
  complaintDecided: Float64Array;
  /** Per user: index into ACCOUNT_TYPES. */
  accountType: Uint8Array;
  /** Per month and country (month-major): average monthly active recipients. */
  monthlyActive: Float64Array;
  months: string[];
}


export function simulateTransparency(rng: Rng, world: {flags: Flags; review: Review; users: Users; activity: Activity; dates: string[]}): Transparency {
  const {flags, review, users} = world;
  const accountType = new Uint8Array(users.length);
  for (let u = 0; u < users.length; u++) accountType[u] = chance(rng, BUSINESS_SHARE[ACTOR_TYPES[users.actorType[u]]]) ? 1 : 0;
  const n = flags.length;
  const out = {
    contentType: new Uint8Array(n),
    language: new Uint8Array(n),
    notice: new Uint8Array(n),
    allegedGround: new Int8Array(n).fill(-1),
    isIllegal: new Uint8Array(n),
    decisionGround: new Int8Array(n).fill(-1),
    suspensionDays: new Int16Array(n).fill(-1),
    complaintDecided: new Float64Array(n).fill(NaN)
  };
  const languageDraws = COUNTRIES.map((c) => ({codes: Object.keys(c.languages).map((l) => LANGUAGES.indexOf(l)), weights: Object.values(c.languages)}));
  for (let i = 0; i < n; i++) {
    out.contentType[i] = pick(rng, CONTENT_BY_SURFACE[flags.surface[i]]);
    const draw = languageDraws[flags.country[i]];
    out.language[i] = draw.codes[pick(rng, draw.weights)];
    drawNotice(rng, flags, i, out);
    drawDecision(rng, flags, review, i, out);
  }
  const {months, monthlyActive} = monthlyActiveRecipients(rng, world.activity, world.dates);
  return {...out, accountType, months, monthlyActive};
}

type FlagColumns = Pick<Transparency, "notice" | "allegedGround" | "isIllegal" | "decisionGround" | "suspensionDays" | "complaintDecided">;

/** How the flag reached the platform, the law a notice cites, and whether the content is illegal. */
function drawNotice(rng: Rng, flags: Flags, i: number, out: FlagColumns): void {
  const category = CATEGORIES[flags.category[i]];
  const eea = COUNTRIES[flags.country[i]].eea;
  const source = SOURCES[flags.source[i]];
  out.isIllegal[i] = flags.isViolation[i] && chance(rng, ILLEGAL_SHARE[category]) ? 1 : 0;
  let notice: (typeof NOTICE_TYPES)[number] = "other_notification";
  if (source === "ai") notice = "own_initiative";
  else if (source === "trusted_flagger") notice = eea ? "trusted_flagger" : "other_notification";
  else if (eea && chance(rng, ARTICLE_16_SHARE[category])) notice = "article_16";
  out.notice[i] = NOTICE_TYPES.indexOf(notice);
  if (notice !== "article_16" && notice !== "trusted_flagger") return;
  const grounds = GROUNDS_OF[flags.category[i]];
  out.allegedGround[i] = grounds[Math.floor(rng() * grounds.length)];
}

const SUSPENSION = ACTIONS.indexOf("suspension");
const NONE = ACTIONS.indexOf("none");
const HUMAN = ROUTES.indexOf("human_review");
const CHILD = CATEGORIES.indexOf("child_safety");

/**
 * The ground the platform decided on: a reviewer who enforces on a notice citing a law, or on child
 * sexual abuse material, judges legality, mostly rightly; automated decisions apply the terms and
 * conditions. Then how long a suspension lasts and when a complaint was decided.
 */
function drawDecision(rng: Rng, flags: Flags, review: Review, i: number, out: FlagColumns): void {
  if (review.action[i] === NONE) return;
  const judged = review.route[i] === HUMAN && (out.allegedGround[i] >= 0 || flags.category[i] === CHILD);
  const illegal = judged && chance(rng, out.isIllegal[i] ? 0.9 : 0.08);
  out.decisionGround[i] = illegal ? 0 : 1;
  if (review.action[i] === SUSPENSION) out.suspensionDays[i] = SUSPENSION_DAYS[pick(rng, SUSPENSION_WEIGHTS)];
  if (review.appealed[i]) out.complaintDecided[i] = review.appealTs[i] + lognormal(rng, 30, 0.9) * HOUR_MS;
}

/**
 * Average monthly active recipients per month and country: the month's mean daily active users over the
 * country's DAU/MAU ratio (its "stickiness", between 0.45 and 0.6).
 */
function monthlyActiveRecipients(rng: Rng, activity: Activity, dates: string[]): {months: string[]; monthlyActive: Float64Array} {
  const nc = COUNTRIES.length;
  const stickiness = COUNTRIES.map(() => 0.45 + 0.15 * rng());
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
  const monthlyActive = new Float64Array(months.length * nc);
  months.forEach((month, m) => {
    const days = dates.flatMap((d, k) => (d.startsWith(month) ? [k] : []));
    for (let c = 0; c < nc; c++) {
      let sum = 0;
      for (const d of days) sum += activity.activeUsers[d * nc + c];
      monthlyActive[m * nc + c] = Math.round(sum / days.length / stickiness[c]);
    }
  });
  return {months, monthlyActive};
}

/** The end date (YYYY-MM-DD) of a suspension of `days` days applied at `decidedMs`, null for a permanent one. */
export function suspensionEnd(decidedMs: number, days: number): string | null {
  return days > 0 ? addDays(formatDate(decidedMs), days) : null;
}
