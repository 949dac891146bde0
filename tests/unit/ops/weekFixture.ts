import type {WeeklyFlag} from "../../../src/ops/analyseWeek.js";
import {addDays, dateRange} from "../../../src/core/calendar.js";
import {END_DATE, START_DATE} from "../../../src/core/constants.js";

const H = 3_600_000;

/**
 * A small, steady world for analyseWeek, every day from START_DATE to END_DATE: two nudity flags (one
 * true violation auto-blocked at score 0.95, one benign flag dismissed at 0.2), and spam flags sent to
 * human review (high severity, true violations, removed 2 h after the flag, from 10:00 an hour apart):
 * 3 a day, and `spamLastWeek` a day in the data's last week. Every flag has its own sender, an old
 * account on its own device, so that no attack signal links them. One reviewer works every day, round the clock.
 */
export function weekFixture({spamLastWeek = 6, lastWeekBlockedBenign = 0} = {}) {
  const flags: WeeklyFlag[] = [];
  const lastWeek = addDays(END_DATE, -6);
  let id = 0;
  const add = (date: string, hour: number, f: Partial<WeeklyFlag>) => {
    const ts = Date.parse(`${date}T00:00:00Z`) + hour * H;
    const route = f.route ?? "auto_dismiss";
    const tta = route === "human_review" ? 2 : 0.01;
    flags.push({
      date, actor_id: `A${id++}`, text: null, ts, category: "nudity", severity: "low", route, action: "none", ml_score: 0.2, is_violation: false,
      reviewer_id: route === "human_review" ? "R1" : null, decided_ts: ts + tta * H, tta_hours: tta, sla_breached: false, attack_id: null, ...f
    });
  };
  for (const date of dateRange(START_DATE, END_DATE)) {
    add(date, 1, {route: "auto_block", action: "removal", ml_score: 0.95, is_violation: true, severity: "medium"});
    add(date, 2, {});
    const spam = date >= lastWeek ? spamLastWeek : 3;
    for (let k = 0; k < spam; k++) add(date, 10 + k, {category: "spam", route: "human_review", severity: "high", action: "removal", ml_score: 0.6, is_violation: true});
    if (date >= lastWeek && lastWeekBlockedBenign > 0) for (let k = 0; k < lastWeekBlockedBenign; k++) add(date, 3, {route: "auto_block", action: "removal", ml_score: 0.9, severity: "medium"});
  }
  const users = flags.map((f) => ({user_id: f.actor_id, signup_date: "2024-01-01", device_id: `D${f.actor_id}`}));
  const reviewers = [{reviewer_id: "R1", shift_start_hour: 0, shift_hours: 24, workdays: "Mon Tue Wed Thu Fri Sat Sun"}];
  return {flags, users, reviewers};
}
