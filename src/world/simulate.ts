import {generateActivity, type Activity} from "./activity.js";
import {dateRange} from "../core/calendar.js";
import {generateEvents, type EventLog} from "./events.js";
import {generateFlags, type Flags} from "./flags.js";
import {REVIEW} from "../core/params.js";
import {createRng} from "../core/random.js";
import {generateReviewers, type Reviewers} from "./reviewers.js";
import {reviewFlags, type Review} from "./review.js";
import {generateSessions, type ModeratorSessions} from "./sessions.js";
import {simulateTransparency, type Transparency} from "./transparency.js";
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
  /** The reviewers' tool sessions (the moderator-session dashboard), derived from the review queue's work. */
  sessions: ModeratorSessions;
  /** The product event log of a user cohort (the protection-science notebook), with the messaging launch and the experiment. */
  events: EventLog;
  /** What the DSA's transparency outputs need: notices, legal grounds, content types, complaints. */
  transparency: Transparency;
}

export function validateWorldOptions({seed, scale}: WorldOptions): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`invalid seed: ${seed} (expected an integer from 0 to ${Number.MAX_SAFE_INTEGER})`);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 250) throw new Error(`invalid scale: ${scale} (expected a number in (0, 250])`);
}

/** The part of the world up to the flags: accounts, activity and flags, with the same draws as in a whole world. */
export type FlagWorld = Pick<World, "seed" | "scale" | "dates" | "users" | "activity" | "flags">;

/**
 * Accounts, activity and flags alone, for studies over many seeds that need nothing downstream of the
 * flags (review, sessions, events): about a sixth of a whole simulation. Each part draws from its own
 * named fork of the seed, so these are exactly the flags of `simulate` with the same options.
 */
export function simulateFlags(options: WorldOptions): FlagWorld {
  validateWorldOptions(options);
  const {seed, scale} = options;
  const rng = createRng(seed);
  const dates = dateRange();
  const users = generateUsers(rng.fork("users"), scale);
  const activity = generateActivity(rng.fork("activity"), scale, dates);
  const flags = generateFlags(rng.fork("flags"), activity, users);
  return {seed, scale, dates, users, activity, flags};
}

export function simulate(options: WorldOptions): World {
  const {seed, scale, dates, users, activity, flags} = simulateFlags(options);
  const rng = createRng(seed);
  const reviewers = generateReviewers(rng.fork("reviewers"), Math.max(1, Math.round(REVIEW.reviewers * scale)), REVIEW.shiftHours);
  const review = reviewFlags(rng.fork("review"), flags, reviewers, dates);
  const sessions = generateSessions(rng.fork("sessions"), {flags, review, reviewers, dates});
  const events = generateEvents(rng.fork("events"), {users, activity, dates, flags, scale});
  const transparency = simulateTransparency(rng.fork("transparency"), {flags, review, users, activity, dates});
  return {seed, scale, dates, users, activity, flags, reviewers, review, sessions, events, transparency};
}
