-- core_users: one row per account of the event log's cohort, with lifetime activity and identifier counts.
-- Input: events (the raw event log) and users (the account registry: signup date).
-- Portable SQL (CTEs, CASE, COUNT(DISTINCT), CAST ... AS DATE); DuckDB-specific: none.
-- Ground truth is kept in columns named truth_*: detectors must not read them.
WITH per_user AS (
  SELECT
    user_id,
    MIN(ts) AS first_seen_ts,
    MAX(ts) AS last_seen_ts,
    COUNT(*) AS events,
    COUNT(DISTINCT CAST(ts AS DATE)) AS active_days,
    SUM(CASE WHEN event_type = 'login' THEN 1 ELSE 0 END) AS logins,
    SUM(CASE WHEN event_type = 'chat' THEN 1 ELSE 0 END) AS chats,
    SUM(CASE WHEN event_type = 'upload' THEN 1 ELSE 0 END) AS uploads,
    SUM(CASE WHEN event_type = 'billing' THEN 1 ELSE 0 END) AS billing_events,
    SUM(CASE WHEN event_type = 'warning' THEN 1 ELSE 0 END) AS warnings,
    SUM(CASE WHEN event_type = 'policy_block' THEN 1 ELSE 0 END) AS policy_blocks,
    COUNT(DISTINCT device_id) AS devices,
    COUNT(DISTINCT ip_prefix) AS ip_prefixes,
    COUNT(DISTINCT payment_id) AS payment_instruments,
    COUNT(DISTINCT peer_id) AS peers,
    SUM(CASE WHEN abusive THEN 1 ELSE 0 END) AS truth_abusive_events
  FROM events
  GROUP BY user_id
)
SELECT
  p.user_id,
  u.signup_date,
  CAST(p.first_seen_ts AS DATE) AS first_seen_date,
  CAST(p.last_seen_ts AS DATE) AS last_seen_date,
  p.events,
  p.active_days,
  p.logins,
  p.chats,
  p.uploads,
  p.billing_events,
  p.warnings,
  p.policy_blocks,
  1.0 * p.policy_blocks / NULLIF(p.chats + p.uploads + p.policy_blocks, 0) AS block_rate,
  p.devices,
  p.ip_prefixes,
  p.payment_instruments,
  p.peers,
  p.truth_abusive_events
FROM per_user AS p
LEFT JOIN users AS u ON u.user_id = p.user_id
ORDER BY p.user_id;
