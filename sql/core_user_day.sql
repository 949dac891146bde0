-- core_user_day: one row per account and UTC day with any event: the detectors' unit of analysis.
-- Input: events and users.
-- Portable SQL; DuckDB-specific: EXTRACT(EPOCH FROM ts) is also PostgreSQL's spelling (BigQuery:
-- UNIX_SECONDS(ts)), and DATE - DATE giving whole days is PostgreSQL's and DuckDB's (BigQuery: DATE_DIFF).
-- A burst is the most content attempts (chats, uploads and the attempts a policy block stopped) in one
-- fixed 10-minute bucket of the day. Ground truth is kept in columns named truth_*.
WITH ev AS (
  SELECT
    user_id,
    CAST(ts AS DATE) AS day,
    event_type,
    device_id,
    ip_prefix,
    peer_id,
    peer_new,
    abusive,
    CAST(FLOOR(EXTRACT(EPOCH FROM ts) / 600) AS BIGINT) AS bucket
  FROM events
),
bursts AS (
  SELECT user_id, day, MAX(attempts) AS max_attempts_10min
  FROM (
    SELECT user_id, day, bucket, COUNT(*) AS attempts
    FROM ev
    WHERE event_type IN ('chat', 'upload', 'policy_block')
    GROUP BY user_id, day, bucket
  ) AS b
  GROUP BY user_id, day
),
per_day AS (
  SELECT
    user_id,
    day,
    COUNT(*) AS events,
    SUM(CASE WHEN event_type = 'login' THEN 1 ELSE 0 END) AS logins,
    SUM(CASE WHEN event_type = 'chat' THEN 1 ELSE 0 END) AS chats,
    SUM(CASE WHEN event_type = 'upload' THEN 1 ELSE 0 END) AS uploads,
    SUM(CASE WHEN event_type = 'billing' THEN 1 ELSE 0 END) AS billing_events,
    SUM(CASE WHEN event_type = 'warning' THEN 1 ELSE 0 END) AS warnings,
    SUM(CASE WHEN event_type = 'policy_block' THEN 1 ELSE 0 END) AS policy_blocks,
    SUM(CASE WHEN event_type = 'chat' AND peer_new THEN 1 ELSE 0 END) AS chats_to_new_accounts,
    COUNT(DISTINCT CASE WHEN event_type = 'chat' THEN peer_id END) AS chat_peers,
    COUNT(DISTINCT device_id) AS devices,
    COUNT(DISTINCT ip_prefix) AS ip_prefixes,
    SUM(CASE WHEN abusive THEN 1 ELSE 0 END) AS truth_abusive_events,
    SUM(CASE WHEN abusive AND event_type IN ('chat', 'upload') THEN 1 ELSE 0 END) AS truth_abusive_content
  FROM ev
  GROUP BY user_id, day
)
SELECT
  d.user_id,
  d.day AS date,
  d.day - u.signup_date AS account_age_days,
  d.events,
  d.logins,
  d.chats,
  d.uploads,
  d.billing_events,
  d.warnings,
  d.policy_blocks,
  d.chats_to_new_accounts,
  d.chat_peers,
  d.devices,
  d.ip_prefixes,
  COALESCE(b.max_attempts_10min, 0) AS max_attempts_10min,
  d.truth_abusive_events,
  d.truth_abusive_events > 0 AS truth_abusive,
  -- The label without the features' own events: abusive content that was posted (blocks and warnings,
  -- which are also features, left out), to measure how much the first label leaks.
  d.truth_abusive_content > 0 AS truth_abusive_posted
FROM per_day AS d
LEFT JOIN bursts AS b ON b.user_id = d.user_id AND b.day = d.day
LEFT JOIN users AS u ON u.user_id = d.user_id
ORDER BY d.day, d.user_id;
