import {generateActivity, type Activity} from "./activity.js";
import {dateRange} from "./calendar.js";
import {generateEvents, type EventLog} from "./events.js";
import {generateFlags, type Flags} from "./flags.js";
import {REVIEW} from "./params.js";
import {createRng} from "./random.js";
import {generateReviewers, type Reviewers} from "./reviewers.js";
import {reviewFlags, type Review} from "./review.js";
import {generateSessions, type ModeratorSessions} from "./sessions.js";
import {generateUsers, type Users} from "./users.js";

export interface WorldOptions {
  seed: number;
  scale: number;
}

/** The whole simulated platform. Every published dataset is a projection of one World. */
export interface World {
  seed: number;
  scale: number;
  dates: string[];
  users: Users;
  activity: Activity;
  flags: Flags;
  reviewers: Reviewers;
  review: Review;
  /** The reviewers' tool sessions (seed 004), derived from the review queue's work. */
  sessions: ModeratorSessions;
  /** The product event log of a user cohort (seed 002), with the messaging launch and the experiment. */
  events: EventLog;
}

export function validateWorldOptions({seed, scale}: WorldOptions): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`invalid seed: ${seed} (expected an integer from 0 to ${Number.MAX_SAFE_INTEGER})`);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 250) throw new Error(`invalid scale: ${scale} (expected a number in (0, 250])`);
}

export function simulate(options: WorldOptions): World {
  validateWorldOptions(options);
  const {seed, scale} = options;
  const rng = createRng(seed);
  const dates = dateRange();
  const users = generateUsers(rng.fork("users"), scale);
  const activity = generateActivity(rng.fork("activity"), scale, dates);
  const flags = generateFlags(rng.fork("flags"), activity, users);
  const reviewers = generateReviewers(rng.fork("reviewers"), Math.max(1, Math.round(REVIEW.reviewers * scale)), REVIEW.shiftHours);
  const review = reviewFlags(rng.fork("review"), flags, reviewers, dates);
  const sessions = generateSessions(rng.fork("sessions"), {flags, review, reviewers, dates});
  const events = generateEvents(rng.fork("events"), {users, activity, dates, flags, scale});
  return {seed, scale, dates, users, activity, flags, reviewers, review, sessions, events};
}
