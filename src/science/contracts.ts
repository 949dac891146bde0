import {ALERT_SEVERITIES} from "../detect/monitorAlerts.js";
import {ENFORCEMENT_ACTIONS} from "../detect/enforcementPolicy.js";
import {LINK_KINDS} from "../cluster/resolveEntities.js";
import {formatCount} from "../core/format.js";
import {MAX_LISTED_ACCOUNTS, MAX_LISTED_GROUPS} from "./boundRows.js";
import {MAX_SCORED_ROWS} from "./sampleAccounts.js";
import {date, float, int, share, text} from "../io/columns.js";
import type {ColumnSpec, TableSchema} from "../io/schema.js";
import {ACTOR_TYPES, CATEGORIES, EVENT_TYPES} from "../core/constants.js";

/**
 * Contracts of the protection-science pipeline's published tables (docs/science/): the SQL core
 * tables, the scored user-days, the review queue and its enrichment, the alerts and the automation
 * outputs. Loaders check every table against its contract before writing it, and the pages' download
 * buttons export filtered rows under the same schema.
 */

const userId: ColumnSpec = {name: "user_id", type: "string", dictionary: true, identifier: true, description: "Account."};

export const CORE_USERS: TableSchema = {
  name: "core_users",
  description: "SQL core table (sql/core_users.sql): one row per cohort account with lifetime activity from the event log.",
  grain: "cohort account with at least one event",
  key: ["user_id"],
  columns: [
    {...userId, unique: true},
    date("signup_date", "Account creation date (from users)."),
    date("first_seen_date", "First event's UTC date."),
    date("last_seen_date", "Last event's UTC date."),
    int("events", "Events."),
    int("active_days", "Days with at least one event."),
    int("logins", "Logins."),
    int("chats", "Direct messages sent."),
    int("uploads", "Uploads."),
    int("billing_events", "Billing events."),
    int("warnings", "Warnings received."),
    int("policy_blocks", "Content attempts blocked by the platform's filter."),
    share("block_rate", "policy_blocks / (chats + uploads + policy_blocks); null without content attempts.", true),
    int("devices", "Distinct devices."),
    int("ip_prefixes", "Distinct IP prefixes."),
    int("payment_instruments", "Distinct payment instruments."),
    int("peers", "Distinct message recipients."),
    int("truth_abusive_events", "Ground truth: abusive events.")
  ]
};

export const CORE_USER_DAY: TableSchema = {
  name: "core_user_day",
  description: "SQL core table (sql/core_user_day.sql): one row per cohort account and UTC day with any event; the detectors' unit.",
  grain: "account x day with events",
  key: ["user_id", "date"],
  columns: [
    userId,
    date("date", "UTC date."),
    int("account_age_days", "Days since signup.", {nullable: true}),
    int("events", "Events that day."),
    int("logins", "Logins."),
    int("chats", "Direct messages sent."),
    int("uploads", "Uploads."),
    int("billing_events", "Billing events."),
    int("warnings", "Warnings received."),
    int("policy_blocks", "Content attempts blocked."),
    int("chats_to_new_accounts", "Messages to accounts younger than 7 days."),
    int("chat_peers", "Distinct message recipients."),
    int("devices", "Distinct devices."),
    int("ip_prefixes", "Distinct IP prefixes."),
    int("max_attempts_10min", "Most content attempts (chats, uploads, blocked attempts) in one fixed 10-minute bucket."),
    int("truth_abusive_events", "Ground truth: abusive events that day."),
    {name: "truth_abusive", type: "bool", description: "Ground truth label: at least one abusive event that day (abusive content, or a block or warning answering it)."},
    {name: "truth_abusive_posted", type: "bool", description: "Ground truth label without the features' own events: at least one abusive chat or upload that day (blocks and warnings, which are also features, left out)."}
  ]
};

export const CORE_DAY_METRICS: TableSchema = {
  name: "core_day_metrics",
  description: "SQL core table (sql/core_day_metrics.sql): one row per UTC day, the monitoring series.",
  grain: "day",
  key: ["date"],
  columns: [
    {...date("date", "UTC date."), unique: true},
    int("active_users", "Accounts with any event."),
    int("signups", "Signups."),
    int("logins", "Logins."),
    int("chats", "Direct messages sent."),
    int("uploads", "Uploads."),
    int("billing_events", "Billing events."),
    int("warnings", "Warnings issued."),
    int("policy_blocks", "Content attempts blocked."),
    share("block_rate", "policy_blocks / content attempts (chats + uploads + blocked attempts).", true),
    float("warn_rate", "Warnings per active user.", {min: 0, nullable: true}),
    share("truth_abusive_share", "Ground truth: share of content attempts that were abusive.", true)
  ]
};

export const SCORED_USER_DAY: TableSchema = {
  name: "scored_user_day",
  description: `Evaluation-period user-days with the heuristic score, the logistic regression's risk and its bootstrap band: every one up to ${formatCount(MAX_SCORED_ROWS)} rows; above that, every day of each account with an abusive day and of a hash sample of the other accounts (sample_weight > 1; model.json's sample says how many).`,
  grain: "account x day with events, evaluation period (all, or a sample of accounts)",
  key: ["user_id", "date"],
  columns: [
    userId,
    date("date", "UTC date."),
    {name: "truth_abusive", type: "bool", description: "Ground truth label: at least one abusive event that day."},
    // 32-bit floats: a page loads up to MAX_SCORED_ROWS evaluation user-days, and scores need no more than 7 digits.
    {...share("heuristic", "Heuristic risk score: rule points / maximum points."), float32: true},
    {...share("risk", "Logistic regression probability of abuse."), float32: true},
    {...share("risk_lo", "Lower end of the bootstrap band (5th percentile of refits)."), float32: true},
    {...share("risk_hi", "Upper end of the bootstrap band (95th percentile of refits)."), float32: true},
    {name: "weight", type: "float", min: 0, description: "Accounts of the population this user-day stands for: the account's cohort weight (cohort.weight) times sample_weight. Figures weighted by it are the population's."},
    {...float("sample_weight", "Cohort user-days this row stands for: 1, or for an account drawn in the sample, the other accounts in all / those drawn. Figures weighted by it are the cohort's (counts without a sample)."), min: 1, float32: true}
  ]
};

export const REVIEW_QUEUE: TableSchema = {
  name: "review_queue",
  description: "Human review queue of the last days: cases prioritised by risk plus uncertainty, with enrichment.",
  grain: "case (account x day)",
  key: ["case_id"],
  columns: [
    text("case_id", "Case identifier.", {unique: true}),
    int("rank", "Queue position (1 is reviewed first)."),
    userId,
    date("date", "Day under review."),
    float("priority", "risk + (risk_hi − risk_lo): risk and uncertainty both move a case up.", {min: 0, max: 2}),
    share("risk", "Logistic regression risk."),
    share("risk_lo", "Bootstrap band, low end."),
    share("risk_hi", "Bootstrap band, high end."),
    share("heuristic", "Heuristic score."),
    text("suggested_action", "Enforcement suggestion for the case.", {values: ENFORCEMENT_ACTIONS}),
    text("reasons", "Why the case is here."),
    int("account_age_days", "Account age on the day.", {nullable: true}),
    int("linked_accounts", "Other accounts in its entity-resolution component."),
    int("snippets", "Flagged texts of the account up to the day."),
    {name: "truth_abusive", type: "bool", description: "Ground truth: the day had abuse (hidden from reviewers)."},
    text("truth_actor_type", "Ground truth: actor type of the account (hidden from reviewers).", {values: ACTOR_TYPES})
  ]
};

export const REVIEW_SNIPPETS: TableSchema = {
  name: "review_snippets",
  description: "Enrichment: the most recent flagged texts of each queued account (untrusted text: render inert).",
  grain: "case x flag",
  key: ["case_id", "flag_id"],
  columns: [
    text("case_id", "Case."),
    int("flag_id", "Flag of the text."),
    date("date", "Flag date."),
    text("category", "Flag category.", {values: CATEGORIES}),
    text("snippet", "The flagged text (synthetic; may hold hostile markup or formulas)."),
    text("truth_template_group", "Ground truth: template group of the text.")
  ]
};

export const REVIEW_LINKS: TableSchema = {
  name: "review_links",
  description: "Enrichment: accounts linked to each queued account through a shared identifier.",
  grain: "case x linked account x identifier",
  columns: [
    text("case_id", "Case."),
    {...userId, name: "linked_user_id", description: "Linked account."},
    text("via", "Kind of shared identifier.", {values: LINK_KINDS}),
    {name: "identifier", type: "string", identifier: true, description: "The shared identifier."}
  ]
};

export const AUDIT_DECISIONS = ["allow", "warn", "rate_limit", "block", "escalate"] as const;

export const AUDIT_LOG: TableSchema = {
  name: "audit_log",
  description: "Audit-log template for review decisions: one row per queued case; reviewers fill the blank fields.",
  grain: "review decision",
  key: ["case_id"],
  columns: [
    text("case_id", "Case reviewed."),
    {...userId},
    text("reviewer_id", "Who decided (filled by the reviewer).", {nullable: true}),
    text("decision", "allow, warn, rate_limit, block or escalate (filled by the reviewer).", {nullable: true, values: AUDIT_DECISIONS}),
    text("policy", "Policy category the decision applies (filled by the reviewer).", {nullable: true, values: CATEGORIES}),
    text("rationale", "Why, in a sentence that an appeal reviewer can check (filled by the reviewer).", {nullable: true}),
    {name: "decided_at", type: "timestamp", nullable: true, description: "When, UTC (filled by the reviewer)."},
    text("suggested_action", "The pipeline's suggestion, for agreement tracking.", {values: ENFORCEMENT_ACTIONS})
  ]
};

export const ALERTS: TableSchema = {
  name: "alerts",
  description: "Monitoring alerts: days a metric exceeded its trailing 14-day mean by more than 3 standard deviations.",
  grain: "day x metric",
  key: ["date", "metric"],
  columns: [
    date("date", "UTC date."),
    text("metric", "Metric column of core_day_metrics."),
    text("label", "Metric label."),
    float("value", "Value that day."),
    float("baseline", "Trailing mean (current day excluded)."),
    float("z", "(value − baseline) / trailing sample sd; null when the baseline was flat (any rise is an infinite z).", {nullable: true}),
    text("severity", "high (harm metric, z ≥ 5), medium (harm metric) or low (volume metric).", {values: ALERT_SEVERITIES})
  ]
};

export const DEDUP_GROUPS: TableSchema = {
  name: "dedup_groups",
  description: `Review-queue texts grouped by the hash of their normalised form; one row per distinct text (when k-means clusters only a sample of them, the ${formatCount(MAX_LISTED_GROUPS)} largest groups and those clustered).`,
  grain: "distinct normalised text",
  key: ["group_id"],
  columns: [
    int("group_id", "Group, in order of first appearance.", {unique: true}),
    text("hash", "64-bit FNV-1a of the normalised text (hex).", {unique: true}),
    int("size", "Queue texts in the group.", {min: 1}),
    int("flag_id", "Flag of the representative (first) text."),
    text("snippet", "Representative text (untrusted: render inert)."),
    text("normalized", "Normalised form that was hashed."),
    text("truth_template_group", "Ground truth: template group of the representative.")
  ]
};

export const ER_ACCOUNTS: TableSchema = {
  name: "er_accounts",
  description: `Entity resolution: accounts linked to at least one other account, with their component and the true ring (whole components, largest first, up to ${formatCount(MAX_LISTED_ACCOUNTS)} accounts).`,
  grain: "linked account",
  key: ["user_id"],
  columns: [
    {...userId, unique: true},
    int("component_id", "Connected component (candidate entity)."),
    int("component_size", "Accounts in the component.", {min: 2}),
    int("links", "Shared identifiers of this account that link it."),
    text("truth_actor_type", "Ground truth: actor type.", {values: ACTOR_TYPES}),
    text("truth_ring_id", "Ground truth: ring, if any.", {nullable: true})
  ]
};

export const ER_LINKS: TableSchema = {
  name: "er_links",
  description: "Entity resolution: every (account, shared identifier) pair that links the accounts of er_accounts.",
  grain: "account x linking identifier",
  key: ["user_id", "via", "identifier"],
  columns: [
    userId,
    int("component_id", "Component of the account."),
    text("via", "Kind of identifier.", {values: LINK_KINDS}),
    {name: "identifier", type: "string", identifier: true, description: "The shared identifier."},
    int("fanout", "Accounts sharing the identifier.", {min: 2})
  ]
};

export const EVENT_COUNTS: TableSchema = {
  name: "event_counts",
  description: "Events per UTC day and type (an aggregate of the events table).",
  grain: "day x event type",
  key: ["date", "event_type"],
  columns: [date("date", "UTC date."), text("event_type", "Event type.", {values: EVENT_TYPES}), int("events", "Events."), int("abusive", "Ground truth: abusive events.")]
};

export const PSI_TABLE: TableSchema = {
  name: "psi",
  description: "Population stability index per feature: recent days against the training period, bins fixed on the training period.",
  grain: "feature",
  key: ["feature"],
  columns: [
    text("feature", "Feature name."),
    text("label", "Feature label."),
    float("psi", "PSI.", {min: 0}),
    text("band", "stable (< 0.1), moderate (0.1 to 0.25) or significant (> 0.25).", {values: ["stable", "moderate", "significant"]}),
    float("reference_mean", "Feature mean in the reference period."),
    float("recent_mean", "Feature mean in the recent period.")
  ]
};

export const CLUSTER_ITEMS: TableSchema = {
  name: "cluster_items",
  description: "Distinct review-queue texts with their k-means cluster at the chosen k.",
  grain: "distinct normalised text (clustered)",
  key: ["group_id"],
  columns: [
    int("group_id", "Dedup group of the text."),
    int("k", "Clusters in the run.", {min: 2}),
    int("cluster", "Cluster of the text."),
    int("size", "Queue texts with this normalised form.", {min: 1}),
    text("snippet", "Representative text (untrusted: render inert)."),
    text("truth_template_group", "Ground truth: template group.")
  ]
};

export const ENFORCEMENT: TableSchema = {
  name: "enforcement_actions",
  description: "Suggested enforcement action of every evaluation-period user-day under the chosen policy.",
  grain: "account x day with events, evaluation period",
  key: ["user_id", "date"],
  columns: [
    userId,
    date("date", "UTC date."),
    share("risk", "Logistic regression risk."),
    share("risk_lo", "Bootstrap band, low end."),
    share("risk_hi", "Bootstrap band, high end."),
    text("action", "Suggested action.", {values: ENFORCEMENT_ACTIONS}),
    {name: "truth_abusive", type: "bool", description: "Ground truth label."}
  ]
};

export const INCIDENT_LOG: TableSchema = {
  name: "incident_log",
  description: "Incident records generated from high-severity monitoring alerts.",
  grain: "incident",
  key: ["incident_id"],
  columns: [
    text("incident_id", "Incident identifier.", {unique: true}),
    text("title", "Title."),
    text("severity", "Severity.", {values: ["high"]}),
    date("start_date", "First alert day."),
    date("end_date", "Last alert day."),
    text("what_happened", "What the alerts show."),
    text("impact", "Impact in numbers."),
    text("root_cause_hypothesis", "Hypothesis drawn from the data."),
    text("actions", "Actions with owners and due dates, separated by ' | '."),
    text("metrics_to_watch", "Metrics to watch, separated by ' | '."),
    text("ground_truth", "What the simulation did on those days (for grading the hypothesis).")
  ]
};

export const PR_CURVE: TableSchema = {
  name: "pr_curve",
  description: "Precision and recall of each detector at every distinct score threshold, evaluation period.",
  grain: "detector x threshold",
  columns: [
    text("detector", "Heuristic or Logistic regression."),
    float("threshold", "Flag user-days scoring at or above this."),
    share("precision", "Share of flagged user-days that are abusive."),
    share("recall", "Share of abusive user-days flagged."),
    int("selected", "User-days flagged.")
  ]
};
