-- core_day_metrics: one row per UTC day: the monitoring series (volumes and rates).
-- Input: events. Portable SQL; DuckDB-specific: none (NULLIF keeps an empty day's rate NULL).
-- block_rate = policy blocks / content attempts (chats + uploads + blocked attempts);
-- warn_rate = warnings per active user. Ground truth is kept in columns named truth_*.
SELECT
  CAST(ts AS DATE) AS date,
  COUNT(DISTINCT user_id) AS active_users,
  SUM(CASE WHEN event_type = 'signup' THEN 1 ELSE 0 END) AS signups,
  SUM(CASE WHEN event_type = 'login' THEN 1 ELSE 0 END) AS logins,
  SUM(CASE WHEN event_type = 'chat' THEN 1 ELSE 0 END) AS chats,
  SUM(CASE WHEN event_type = 'upload' THEN 1 ELSE 0 END) AS uploads,
  SUM(CASE WHEN event_type = 'billing' THEN 1 ELSE 0 END) AS billing_events,
  SUM(CASE WHEN event_type = 'warning' THEN 1 ELSE 0 END) AS warnings,
  SUM(CASE WHEN event_type = 'policy_block' THEN 1 ELSE 0 END) AS policy_blocks,
  1.0 * SUM(CASE WHEN event_type = 'policy_block' THEN 1 ELSE 0 END)
    / NULLIF(SUM(CASE WHEN event_type IN ('chat', 'upload', 'policy_block') THEN 1 ELSE 0 END), 0) AS block_rate,
  1.0 * SUM(CASE WHEN event_type = 'warning' THEN 1 ELSE 0 END) / NULLIF(COUNT(DISTINCT user_id), 0) AS warn_rate,
  1.0 * SUM(CASE WHEN abusive AND event_type IN ('chat', 'upload', 'policy_block') THEN 1 ELSE 0 END)
    / NULLIF(SUM(CASE WHEN event_type IN ('chat', 'upload', 'policy_block') THEN 1 ELSE 0 END), 0) AS truth_abusive_share
FROM events
GROUP BY CAST(ts AS DATE)
ORDER BY date;
