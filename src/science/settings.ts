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

/**
 * k-means runs for every one of these k at build time; the page's k input picks one, and the build
 * chooses the k of the highest silhouette among them (no ground truth). 30 clusters is about as many
 * cluster summaries as a reviewer reads.
 */
export const CLUSTER_KS = Array.from({length: 29}, (_, i) => i + 2);

/** Days at the end of the data that drift monitoring compares with the training period. */
export const RECENT_DAYS = 28;
