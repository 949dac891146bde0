/**
 * The SQL of the "reports up 40% in a week" investigation (the analyst role profile's case). The queries run at build
 * time in DuckDB over the published tables (data-loaders/_duckdb.ts); the page shows each one with the
 * values it ran with. Queries that depend on an earlier answer (the case week) are functions of it.
 * Weeks are ISO weeks, Monday to Sunday (`date_trunc('week', ...)`).
 */

/** Runs one SQL statement and returns plain rows (numbers, strings, booleans, null; dates as "YYYY-MM-DD"). */
export type QueryRunner = (sql: string) => Promise<Record<string, unknown>[]>;

export interface QuerySpec {
  id: string;
  title: string;
  /** What the query answers, in one sentence. */
  question: string;
  sql: string;
}

const dateLiteral = (date: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`invalid date: ${date}`);
  return `DATE '${date}'`;
};

export const WEEKLY_REPORTS: QuerySpec = {
  id: "weekly_reports",
  title: "Reports per week",
  question: "Which week did reports rise, and by how much? (every flag, from the daily country table)",
  sql: `SELECT CAST(date_trunc('week', date) AS DATE) AS week,
       count(DISTINCT date) AS days,
       sum(reports) AS reports,
       sum(content_created) AS content_created,
       sum(active_users) AS user_days
FROM daily_country
GROUP BY ALL
ORDER BY week`
};

export const KNOWN_EVENT_LIST: QuerySpec = {
  id: "known_events",
  title: "Known events",
  question: "Which dated events (launches, incidents, campaigns) does the calendar hold, to name what else happened in a week?",
  sql: `SELECT event, start_date, end_date
FROM known_events
ORDER BY start_date, event`
};

export const MESSAGING_LAUNCH_DAY: QuerySpec = {
  id: "messaging_launch",
  title: "When messaging launched",
  question: "When did the first direct message appear in the event log, and the first report on one?",
  sql: `SELECT (SELECT CAST(min(ts) AS DATE) FROM events WHERE event_type = 'chat') AS first_message,
       (SELECT min(date) FROM flags WHERE surface = 'message') AS first_message_report`
};

export const REPORTS_BY_SEGMENT: QuerySpec = {
  id: "reports_by_segment",
  title: "Reports per week by surface and sender",
  question: "Where did the extra reports land (direct messages or posts and comments), and who sent the reported content (ring accounts, by ground truth, or others)?",
  sql: `SELECT CAST(date_trunc('week', f.date) AS DATE) AS week,
       CASE WHEN f.surface = 'message' THEN 'message' ELSE 'post_comment' END AS surface,
       CASE WHEN u.actor_type = 'ring_member' THEN 'ring' ELSE 'other' END AS sender,
       count(*) AS reports,
       count(*) FILTER (WHERE f.is_violation) AS violations,
       count(*) FILTER (WHERE f.source = 'ai') AS ai_raised
FROM flags AS f
JOIN users AS u ON u.user_id = f.actor_id
GROUP BY ALL
ORDER BY ALL`
};

export const MESSAGING_ADOPTION: QuerySpec = {
  id: "messaging_adoption",
  title: "Messaging adoption per week",
  question: "How many people used messaging, and how many messages did they send? (the cohort's event log, weighted to the population)",
  sql: `WITH user_weeks AS (
  SELECT CAST(date_trunc('week', e.ts) AS DATE) AS week,
         e.user_id,
         any_value(c.weight) AS weight,
         any_value(c.stratum) AS stratum,
         count(*) FILTER (WHERE e.event_type = 'chat') AS messages
  FROM events AS e
  JOIN cohort AS c USING (user_id)
  GROUP BY ALL
)
SELECT week,
       sum(weight) FILTER (WHERE stratum LIKE 'benign%') AS active_benign_users,
       sum(weight) FILTER (WHERE stratum LIKE 'benign%' AND messages > 0) AS messaging_benign_users,
       sum(weight * messages) AS messages,
       sum(weight * messages) FILTER (WHERE stratum = 'ring') AS ring_messages
FROM user_weeks
GROUP BY week
ORDER BY week`
};

export const ABUSIVE_DM_EXPOSURE: QuerySpec = {
  id: "abusive_dm_exposure",
  title: "Ordinary users who received an abusive direct message, per week",
  question: "How many ordinary users did abusive messages reach each week, and from whom (ring accounts or others, by ground truth)?",
  sql: `WITH received AS (
  SELECT CAST(date_trunc('week', e.ts) AS DATE) AS week,
         e.peer_id AS user_id,
         bool_or(s.actor_type = 'ring_member') AS from_ring
  FROM events AS e
  JOIN users AS s ON s.user_id = e.user_id
  WHERE e.event_type = 'chat' AND e.abusive AND e.peer_id IS NOT NULL
  GROUP BY ALL
)
SELECT r.week,
       sum(c.weight) AS exposed_users,
       sum(c.weight) FILTER (WHERE r.from_ring) AS exposed_by_ring
FROM received AS r
JOIN cohort AS c USING (user_id)
WHERE c.stratum IN ('benign_new', 'benign_established')
GROUP BY r.week
ORDER BY r.week`
};

export const CHURN_BY_WEEK: QuerySpec = {
  id: "churn_by_week",
  title: "Churn of ordinary users per week, and the abusive messages they received before leaving",
  question: "Did churn rise, and had the users who left received abusive direct messages in the 30 days before, from ring accounts or others?",
  sql: `WITH benign AS (
  SELECT c.user_id, c.weight, u.signup_date, c.churn_date
  FROM cohort AS c
  JOIN users AS u USING (user_id)
  WHERE c.stratum IN ('benign_new', 'benign_established')
),
abuse AS (
  SELECT e.peer_id AS user_id, CAST(e.ts AS DATE) AS day, s.actor_type = 'ring_member' AS from_ring
  FROM events AS e
  JOIN users AS s ON s.user_id = e.user_id
  WHERE e.event_type = 'chat' AND e.abusive AND e.peer_id IS NOT NULL
),
churners AS (
  SELECT b.user_id,
         any_value(b.weight) AS weight,
         any_value(b.churn_date) AS churn_date,
         count(a.day) > 0 AS after_abuse,
         coalesce(bool_or(a.from_ring), false) AS after_ring_abuse
  FROM benign AS b
  LEFT JOIN abuse AS a ON a.user_id = b.user_id AND a.day < b.churn_date AND a.day >= b.churn_date - 30
  WHERE b.churn_date IS NOT NULL
  GROUP BY b.user_id
),
weeks AS (
  SELECT CAST(date_trunc('week', date) AS DATE) AS week
  FROM daily_country
  GROUP BY ALL
  HAVING count(DISTINCT date) = 7
)
SELECT w.week,
       (SELECT sum(weight) FROM benign AS b
        WHERE b.signup_date < w.week + 7 AND (b.churn_date IS NULL OR b.churn_date >= w.week)) AS at_risk,
       coalesce(sum(c.weight), 0) AS churned,
       coalesce(sum(c.weight) FILTER (WHERE c.after_abuse), 0) AS churned_after_abuse,
       coalesce(sum(c.weight) FILTER (WHERE c.after_ring_abuse), 0) AS churned_after_ring_abuse,
       count(c.user_id) AS churners_in_cohort
FROM weeks AS w
LEFT JOIN churners AS c ON c.churn_date >= w.week AND c.churn_date < w.week + 7
GROUP BY w.week
ORDER BY w.week`
};

/** Reports on direct messages in the case week by the sender's account age: a signal visible without ground truth. */
export function senderAgeQuery(week: string, youngDays: number): QuerySpec {
  if (!(Number.isInteger(youngDays) && youngDays > 0)) throw new Error(`invalid account age: ${youngDays}`);
  return {
    id: "sender_age",
    title: "Reported direct messages in the case week by the sender's account age",
    question: `Does "the sender's account is under ${youngDays} days old", a signal an analyst has without ground truth, pick out the attackers?`,
    sql: `SELECT f.date - u.signup_date < ${youngDays} AS young_sender,
       u.actor_type = 'ring_member' AS ring_sender,
       count(*) AS reports,
       count(DISTINCT f.actor_id) AS senders
FROM flags AS f
JOIN users AS u ON u.user_id = f.actor_id
WHERE f.surface = 'message'
  AND f.date BETWEEN ${dateLiteral(week)} AND ${dateLiteral(week)} + 6
GROUP BY ALL
ORDER BY ALL`
  };
}

/** The ring accounts reported in the case week and the infrastructure they share (devices, networks, payment instruments). */
export function ringInfrastructureQuery(week: string): QuerySpec {
  return {
    id: "ring_infrastructure",
    title: "Ring accounts reported in the case week and what they share",
    question: "How many accounts are behind the attacker reports, and how much infrastructure do they share (what a takedown would key on)?",
    sql: `WITH reported AS (
  SELECT DISTINCT f.actor_id AS user_id
  FROM flags AS f
  WHERE f.date BETWEEN ${dateLiteral(week)} AND ${dateLiteral(week)} + 6
)
SELECT u.ring_id,
       r.purpose,
       r.accounts AS ring_accounts,
       count(*) AS reported_accounts,
       count(DISTINCT u.device_id) AS devices,
       count(DISTINCT u.ip_prefix) AS ip_prefixes,
       count(DISTINCT u.payment_id) AS payment_instruments,
       min(u.signup_date) AS first_signup,
       max(u.signup_date) AS last_signup
FROM reported
JOIN users AS u USING (user_id)
JOIN rings AS r USING (ring_id)
GROUP BY ALL
ORDER BY reported_accounts DESC, u.ring_id`
  };
}
