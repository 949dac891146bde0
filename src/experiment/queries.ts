import type {QuerySpec} from "../investigate/queries.js";

/**
 * The SQL of the experiment readout, run at build time in DuckDB over the published tables. The unit of
 * randomisation is the cluster: a ring as a whole, an account outside rings on its own (a seeded 50/50
 * hash, src/world/events.ts experimentUnit); the treatment caps the messages a new account may send per
 * day, so the rows are the cohort's accounts that were new on at least one day of the test, each with
 * its cluster, and the readout's standard errors count clusters.
 */

export interface ExperimentWindow {
  start: string;
  end: string;
  /** Accounts younger than this many days are "new" (the cap applies to them). */
  newAccountDays: number;
  /** Drop-off: the account stopped using the platform within this many days of signing up. */
  followUpDays: number;
}

const date = (d: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`invalid date: ${d}`);
  return `DATE '${d}'`;
};
const days = (n: number, what: string): number => {
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`invalid ${what}: ${n}`);
  return n;
};

/** One row per account new during the test: arm, cluster, stratum, ground-truth actor type, and its messages while new and inside the test. */
export function experimentUnitsQuery(w: ExperimentWindow): QuerySpec {
  const newDays = days(w.newAccountDays, "new-account days");
  const followUp = days(w.followUpDays, "follow-up days");
  return {
    id: "experiment_units",
    title: "Experiment units: accounts new during the test, with their messages",
    question: "For every account that was new on a day of the test: its arm, what it sent while new (delivered, abusive, blocked by policy), what the rate limit stopped, and whether it dropped off.",
    sql: `WITH units AS (
  SELECT c.user_id, c.arm, coalesce(u.ring_id, c.user_id) AS cluster, c.stratum, c.weight, u.actor_type, u.signup_date,
         c.rate_limited, c.churn_date,
         greatest(u.signup_date, ${date(w.start)}) AS first_day,
         least(u.signup_date + ${newDays - 1}, ${date(w.end)}) AS last_day
  FROM cohort AS c
  JOIN users AS u USING (user_id)
  WHERE u.signup_date BETWEEN ${date(w.start)} - ${newDays - 1} AND ${date(w.end)}
),
sent AS (
  SELECT e.user_id,
         count(*) FILTER (WHERE e.event_type = 'chat') AS messages,
         count(*) FILTER (WHERE e.event_type = 'chat' AND e.abusive) AS abusive_messages,
         count(*) FILTER (WHERE e.event_type = 'policy_block') AS policy_blocks
  FROM events AS e
  JOIN units AS n USING (user_id)
  WHERE CAST(e.ts AS DATE) BETWEEN n.first_day AND n.last_day
  GROUP BY e.user_id
)
SELECT n.arm, n.cluster, n.stratum, n.actor_type, n.weight, n.signup_date,
       n.last_day - n.first_day + 1 AS new_days,
       coalesce(s.messages, 0) AS messages,
       coalesce(s.abusive_messages, 0) AS abusive_messages,
       coalesce(s.policy_blocks, 0) AS policy_blocks,
       n.rate_limited,
       coalesce(n.churn_date < n.signup_date + ${followUp}, false) AS dropped_off
FROM units AS n
LEFT JOIN sent AS s USING (user_id)
ORDER BY n.user_id`
  };
}

/** New accounts' messages per day and arm, from a week before the test to a week after (the weeks outside are an A/A check). */
export function experimentDailyQuery(w: ExperimentWindow): QuerySpec {
  const newDays = days(w.newAccountDays, "new-account days");
  return {
    id: "experiment_daily",
    title: "New accounts' messages per day and arm",
    question: "Do the arms look alike outside the test (they should) and apart inside it?",
    sql: `SELECT CAST(e.ts AS DATE) AS day,
       c.arm,
       sum(c.weight) AS messages,
       sum(c.weight) FILTER (WHERE e.abusive) AS abusive_messages
FROM events AS e
JOIN cohort AS c USING (user_id)
JOIN users AS u USING (user_id)
WHERE e.event_type = 'chat'
  AND CAST(e.ts AS DATE) BETWEEN ${date(w.start)} - 7 AND ${date(w.end)} + 7
  AND CAST(e.ts AS DATE) < u.signup_date + ${newDays}
GROUP BY ALL
ORDER BY ALL`
  };
}

/** Control accounts' attempted messages per day while new and inside the test: what any cap would have stopped. */
export function controlUserDaysQuery(w: ExperimentWindow): QuerySpec {
  const newDays = days(w.newAccountDays, "new-account days");
  return {
    id: "control_user_days",
    title: "Control accounts' attempted messages per day while new",
    question: "Uncapped, how many messages a day do new accounts try to send, ordinary ones and abusive ones (ground truth)? A cap stops what lies above it.",
    sql: `SELECT u.actor_type = 'benign' AS ordinary,
       c.weight,
       count(*) AS attempted
FROM events AS e
JOIN cohort AS c USING (user_id)
JOIN users AS u USING (user_id)
WHERE c.arm = 'control'
  AND (e.event_type = 'chat' OR (e.event_type = 'policy_block' AND e.peer_id IS NOT NULL))
  AND CAST(e.ts AS DATE) BETWEEN ${date(w.start)} AND ${date(w.end)}
  AND CAST(e.ts AS DATE) BETWEEN u.signup_date AND u.signup_date + ${newDays - 1}
GROUP BY e.user_id, CAST(e.ts AS DATE), u.actor_type, c.weight
ORDER BY e.user_id, CAST(e.ts AS DATE)`
  };
}
