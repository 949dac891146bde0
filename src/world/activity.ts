import {dateRange, dayOfWeek, daysBetween} from "../core/calendar.js";
import {COUNTRIES} from "../core/constants.js";
import {BASE_DAU, DAU_GROWTH, POSTS_PER_USER, WEEKLY_PATTERN} from "../core/params.js";
import {normal, type Rng} from "../core/random.js";
import {MESSAGING_LAUNCH} from "../core/scenarios.js";

/** Daily activity per country, day-major: index = day * countries + country. */
export interface Activity {
  dates: string[];
  activeUsers: Float64Array;
  /** Posts and comments. */
  posts: Float64Array;
  /** Direct messages (zero before the messaging launch). */
  messages: Float64Array;
  /** Messaging adoption per day, 0 to 1. */
  adoption: Float64Array;
  /**
   * Content created, coordinated rings' campaign posts included, where it is known only as a total
   * (imported daily activity); absent, it is posts + messages + the rings' flagged posts.
   */
  content?: Float64Array;
}

/** Messages per active user per day once messaging is fully adopted, relative to posts. */
export const MESSAGE_SHARE = 0.3;

export function messagingAdoption(day: number, launchDay: number, rampDays: number): number {
  if (day < launchDay) return 0;
  return Math.min(1, (day - launchDay + 1) / rampDays);
}

export function generateActivity(rng: Rng, scale: number, dates: string[] = dateRange()): Activity {
  const n = dates.length * COUNTRIES.length;
  const activeUsers = new Float64Array(n);
  const posts = new Float64Array(n);
  const messages = new Float64Array(n);
  const adoption = new Float64Array(dates.length);
  const launchDay = daysBetween(dates[0], MESSAGING_LAUNCH.date);
  dates.forEach((date, d) => {
    adoption[d] = messagingAdoption(d, launchDay, MESSAGING_LAUNCH.adoptionDays);
    const growth = 1 + (DAU_GROWTH * d) / Math.max(1, dates.length - 1);
    const weekday = WEEKLY_PATTERN[dayOfWeek(date)];
    COUNTRIES.forEach((c, ci) => {
      const i = d * COUNTRIES.length + ci;
      activeUsers[i] = Math.round(BASE_DAU * scale * c.userShare * growth * Math.max(0.5, normal(rng, 1, 0.02)));
      const base = activeUsers[i] * POSTS_PER_USER * weekday * Math.max(0.5, normal(rng, 1, 0.03));
      posts[i] = Math.round(base);
      messages[i] = Math.round(base * MESSAGE_SHARE * adoption[d]);
    });
  });
  return {dates, activeUsers, posts, messages, adoption};
}
