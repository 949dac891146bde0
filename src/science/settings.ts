import type {MonitoredMetric} from "../detect/monitorAlerts.js";

/**
 * The protection-science pipeline's fixed settings, shared by its loader and its pages so that both
 * state the same choices.
 */

/** The training cut-off: the model learns on March to June and is evaluated on July and August. */
export const SPLIT_DATE = "2025-07-01";

/** The daily series of core_day_metrics that monitoring watches; harm metrics can raise high-severity alerts. */
export const MONITORED: readonly MonitoredMetric[] = [
  {name: "chats", label: "Chat volume", harm: false},
  {name: "active_users", label: "Active users", harm: false},
  {name: "policy_blocks", label: "Policy blocks", harm: true},
  {name: "block_rate", label: "Block rate", harm: true},
  {name: "warnings", label: "Warnings", harm: true},
  {name: "warn_rate", label: "Warn rate", harm: true}
];

/** k-means runs for every one of these k at build time; the page's k input picks one. */
export const CLUSTER_KS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] as const;

/**
 * The k the clustering opens with, fixed before looking at purity: six policy categories, each with
 * organic texts and coordinated scripts. (The silhouette rises slowly with k and shows no peak to
 * choose by.)
 */
export const DEFAULT_K = 12;

/** Days at the end of the data that drift monitoring compares with the training period. */
export const RECENT_DAYS = 28;
