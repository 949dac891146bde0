import type {Category, Severity, Source} from "./constants.js";

/**
 * The tunable constants of the world, in one place. They are calibrated so that, at the default seed
 * and scale, the published data reproduces the reference systems' headline figures (tests/calibration).
 */

/** Daily active users of the whole platform at scale 1, before growth and weekly seasonality. */
export const BASE_DAU = 46_900;
/** Posts, comments and messages per active user per day on Mon–Thu. */
export const POSTS_PER_USER = 0.52;
/**
 * Content (and so flags) by UTC day of week, Sunday first. Fri/Sat/Sun carry about 25% more than
 * Mon–Thu (the T&S ops dashboard); Monday is the quietest day of the week.
 */
export const WEEKLY_PATTERN = [1.25, 0.8, 0.95, 1.1, 1.15, 1.25, 1.25] as const;
/** Platform growth of daily active users across the half-year. */
export const DAU_GROWTH = 0.08;

export interface CategoryParams {
  /** Organic flags per content item at the start of the period. */
  rate: number;
  /** Multiplier of the rate at the end of the period, interpolated linearly (the T&S ops dashboard's category trends). */
  trendEnd: number;
  trendStart: number;
  source: Record<Source, number>;
  severity: Record<Severity, number>;
  /** Probability that an organic flag from each source is a true violation. */
  violation: Record<Source, number>;
}

const TOTAL_RATE = 0.01036;

export const CATEGORY_PARAMS: Record<Category, CategoryParams> = {
  spam: {
    rate: TOTAL_RATE * 0.31, trendStart: 1.22, trendEnd: 0.78,
    source: {user: 0.22, ai: 0.7, trusted_flagger: 0.08},
    severity: {critical: 0, high: 0.1, medium: 0.34, low: 0.56},
    violation: {user: 0.7, ai: 0.9, trusted_flagger: 0.93}
  },
  harassment_hate: {
    rate: TOTAL_RATE * 0.2, trendStart: 0.8, trendEnd: 1.3,
    source: {user: 0.56, ai: 0.22, trusted_flagger: 0.22},
    severity: {critical: 0.06, high: 0.36, medium: 0.42, low: 0.16},
    violation: {user: 0.62, ai: 0.84, trusted_flagger: 0.9}
  },
  nudity: {
    rate: TOTAL_RATE * 0.15, trendStart: 1, trendEnd: 1,
    source: {user: 0.27, ai: 0.65, trusted_flagger: 0.08},
    severity: {critical: 0.03, high: 0.27, medium: 0.45, low: 0.25},
    violation: {user: 0.66, ai: 0.88, trusted_flagger: 0.92}
  },
  misinformation: {
    rate: TOTAL_RATE * 0.1, trendStart: 1, trendEnd: 1,
    source: {user: 0.62, ai: 0.2, trusted_flagger: 0.18},
    severity: {critical: 0.02, high: 0.25, medium: 0.48, low: 0.25},
    violation: {user: 0.6, ai: 0.82, trusted_flagger: 0.88}
  },
  child_safety: {
    rate: TOTAL_RATE * 0.012, trendStart: 1, trendEnd: 1,
    source: {user: 0.2, ai: 0.5, trusted_flagger: 0.3},
    severity: {critical: 0.75, high: 0.25, medium: 0, low: 0},
    violation: {user: 0.72, ai: 0.9, trusted_flagger: 0.95}
  },
  other: {
    rate: TOTAL_RATE * 0.228, trendStart: 1, trendEnd: 1,
    source: {user: 0.5, ai: 0.35, trusted_flagger: 0.15},
    severity: {critical: 0.01, high: 0.09, medium: 0.4, low: 0.5},
    violation: {user: 0.58, ai: 0.8, trusted_flagger: 0.88}
  }
};

/** Classifier scores: Beta with this mean on non-violations, and concentration for both classes. */
export const SCORE = {benignMean: 0.3, violationConcentration: 11, benignConcentration: 6, aiFlagThreshold: 0.5} as const;

/** Routing by score and severity. */
export const ROUTING = {autoBlock: 0.925, autoAction: 0.75, grayZone: 0.57, lowGrayZone: 0.7} as const;

/** The human review operation. */
export const REVIEW = {
  reviewers: 20,
  shiftHours: 8,
  /**
   * Scheduled time off the queue in every shift, [hours after the shift starts, length in hours]: two
   * 15-minute breaks, a 45-minute meal, 30 minutes of wellness time (moderation teams give it for
   * exposure to harmful content) and 45 minutes of training, QA calibration and team meetings. 2.5 of
   * 8 hours, a shrinkage of 31%: contact-centre and moderation staffing commonly plan for 30-35%.
   */
  breaks: [[1.75, 0.25], [3.5, 0.75], [4.75, 0.5], [6, 0.25], [7.25, 0.75]] as readonly (readonly [number, number])[],
  /** Share of the team working from the first day; the rest join one by one between these days of the period. */
  foundingShare: 0.5,
  hiringDays: [30, 150] as readonly [number, number],
  /** Mean handling minutes per case in March and in August: tooling improves through the period. */
  handlingStart: 35,
  handlingEnd: 25,
  handlingCv: 0.6,
  /** Minutes between a decision and the next case opening (closing the case, the tool loading the next). */
  pauseMinutes: 1,
  /**
   * Hours of queue-age credit by severity: the queue serves the largest age plus credit first. Low
   * severity waits behind two days of newer work, so it is reviewed when the week's backlog drains.
   */
  priorityCredit: {critical: 30, high: 16, medium: 0, low: -48} as Record<Severity, number>,
  slaHours: 24,
  /**
   * The APAC queue's goal backlog, in hours of arrivals, at the start and the end of the period: the
   * Manila lead staffs the queue each morning to bring its backlog to it (src/world/apacStaffing.ts),
   * and tightens it as the team grows, so APAC waits fall.
   */
  apacGoalHours: [30.5, 21] as readonly [number, number],
  /** The share of the assigned APAC readers' productive time the lead plans to fill. */
  apacOccupancy: 0.9
} as const;

/** Share of scheduled shift hours spent off the queue (REVIEW.breaks / REVIEW.shiftHours). */
export const SHRINKAGE: number = REVIEW.breaks.reduce((s, [, length]) => s + length, 0) / REVIEW.shiftHours;

/** Appeals and overturns. */
export const APPEALS = {
  rateTruePositive: 0.035,
  rateFalsePositive: 0.3,
  actionFactor: {removal: 1.2, warning: 0.6, suspension: 2.2, downrank: 0.35} as Record<string, number>,
  overturnTruePositive: 0.05,
  overturnFalsePositive: 0.7
} as const;
