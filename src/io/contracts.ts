import {formatCount} from "../core/format.js";
import {ACTIONS, ACTOR_TYPES, CATEGORIES, COUNTRIES, REGIONS, ROUTES, SEVERITIES, SOURCES, ARMS, COHORT_STRATA, EVENT_TYPES, DECISION_KEYS, IDLE_TYPES, ITEM_STATUSES} from "../core/constants.js";
import {LOOKALIKE_KINDS} from "../core/scenarios.js";
import {CASE_SAMPLE_FLAGS, DETAILED_MODERATORS, SESSION_SAMPLE_ROWS, TEXT_SAMPLE_FLAGS} from "../core/sampling.js";
import {ACCOUNT_TYPES, CONTENT_TYPES, DECISION_GROUNDS, LANGUAGES, LEGAL_GROUNDS, NOTICE_TYPES} from "../core/dsaTerms.js";
import {count, date, seconds, share, ts} from "./columns.js";
import type {ColumnSpec, TableSchema} from "./schema.js";

/** The schemas of every published table: the single source for validation, Arrow types and the data dictionary. */

const countryNames = COUNTRIES.map((c) => c.name);
const label = (s: string) => s.replace(/_/g, " ");

export const DAILY_COUNTRY: TableSchema = {
  name: "daily_country",
  description: "One row per date and country: the APAC KPI dashboard's daily KPI table, aggregated from every flag of the world.",
  grain: "date x country (aggregate, never sampled)",
  key: ["date", "country"],
  columns: [
    date("date", "UTC calendar date."),
    {name: "country", type: "string", values: countryNames, description: "Country of the content's author."},
    {name: "region", type: "string", values: REGIONS, description: "Region of the country."},
    count("active_users", "Daily active users."),
    count("content_created", "Posts, comments and direct messages created, coordinated rings' campaign posts included."),
    count("reports", "Flags raised that day (user reports, AI classifier flags and trusted-flagger reports)."),
    count("enforcements", "Reports of that day that ended in an enforcement action (removal, warning, suspension or downrank)."),
    count("appeals", "Enforced reports of that day that were appealed."),
    count("successful_appeals", "Appeals that overturned the action."),
    {name: "median_response_time_hours", type: "float", min: 0, nullable: true, description: "Median hours from report to decision over that day's human-reviewed reports (null when there were none)."},
    ...CATEGORIES.map((k) => count(`reports_${k}`, `Reports in category ${label(k)}.`)),
    ...SOURCES.map((s) => count(`source_${s}`, `Reports raised by ${label(s)}.`)),
    ...ACTIONS.filter((a) => a !== "none").map((a) => count(`enforce_${a}`, `Enforcements by ${a}.`)),
    share("report_rate", "reports / content_created (null for a day and country without content created).", true),
    share("enforcement_rate", "enforcements / reports.", true),
    share("appeal_rate", "appeals / enforcements.", true),
    share("appeal_success_rate", "successful_appeals / appeals (null when there were no appeals).", true),
    ...CATEGORIES.map((k) => share(`share_${k}`, `reports_${k} / reports.`, true)),
    ...SOURCES.map((s) => share(`share_source_${s}`, `source_${s} / reports.`, true))
  ]
};

export const FLAGS: TableSchema = {
  name: "flags",
  description: "One row per flag (report) on a piece of content, with its routing, review, enforcement, appeal and ground truth.",
  grain: "flag (item-level; sampled above scale 4)",
  key: ["flag_id"],
  references: [
    {column: "reviewer_id", table: "reviewers"},
    {column: "attack_id", table: "attacks"},
    {column: "actor_id", table: "users", references: "user_id"},
    {column: "target_id", table: "users", references: "user_id"}
  ],
  columns: [
    {name: "flag_id", type: "int", unique: true, min: 0, description: "Flag identifier, in time order."},
    {name: "ts", type: "timestamp", description: "When the flag was raised (UTC)."},
    date("date", "UTC date of ts."),
    {name: "country", type: "string", values: countryNames, description: "Country of the content's author."},
    {name: "region", type: "string", values: REGIONS, description: "Region of the country."},
    {name: "category", type: "string", values: CATEGORIES, description: "Policy category."},
    {name: "source", type: "string", values: SOURCES, description: "Who raised the flag: user report, AI classifier or trusted flagger."},
    {name: "severity", type: "string", values: SEVERITIES, description: "Triage severity."},
    {name: "surface", type: "string", values: ["post", "comment", "message"], nullable: true, description: "Where the content was posted (direct messages exist from the messaging launch on). Null where the platform does not supply it."},
    {name: "ml_score", type: "float", float32: true, min: 0, max: 1, nullable: true, description: "Classifier score of the content (probability of violation). Null where the platform does not supply it."},
    {name: "route", type: "string", values: ROUTES, description: "auto_block (score over the block threshold), human_review, auto_action (light automated action) or auto_dismiss."},
    {name: "action", type: "string", values: ACTIONS, description: "Enforcement action taken, or none."},
    {name: "reviewer_id", type: "string", dictionary: true, nullable: true, description: "Reviewer who decided a human-reviewed flag."},
    {name: "opened_ts", type: "timestamp", nullable: true, description: "When a reviewer opened the case; for automated routes, when the flag was raised (UTC). Null where unknown: an import that supplies neither it nor the reviewers' shifts."},
    {name: "decided_ts", type: "timestamp", description: "When the decision was made (UTC)."},
    {name: "tta_hours", type: "float", float32: true, min: 0, description: "Time to action: hours from flag to decision."},
    {name: "sla_breached", type: "bool", description: "High or critical severity and time to action over 24 hours."},
    {name: "appealed", type: "bool", description: "The enforcement was appealed."},
    {name: "appeal_ts", type: "timestamp", nullable: true, description: "When the appeal was filed."},
    {name: "overturned", type: "bool", description: "The appeal reversed the action."},
    {name: "is_violation", type: "bool", nullable: true, description: "Ground truth: the content violates policy. Null where unknown (imported data without ground truth)."},
    {name: "coordinated", type: "bool", nullable: true, description: "Ground truth: posted by a coordinated ring as part of a campaign. Null where unknown (imported data without ground truth)."},
    {name: "attack_id", type: "string", dictionary: true, nullable: true, description: "Ground truth: the attack this flag belongs to."},
    {name: "actor_id", type: "string", dictionary: true, nullable: true, identifier: true, description: "Account that posted the content. Null where the platform does not supply it."},
    {name: "target_id", type: "string", dictionary: true, nullable: true, identifier: true, description: "Account a harassment flag's content targets."},
    {name: "template_id", type: "int", min: 0, nullable: true, description: "Content cluster: the template the content's text was generated from. Flags that share it carry near-identical text (a stand-in for a near-duplicate hash); snippets holds the texts of the review queue. Null where the platform does not supply it."}
  ]
};

export const REVIEWERS: TableSchema = {
  name: "reviewers",
  description: "The human review team: hub, shift and the traits that drive the queue simulation.",
  grain: "reviewer",
  key: ["reviewer_id"],
  columns: [
    {name: "reviewer_id", type: "string", unique: true, description: "Reviewer identifier."},
    {name: "hub", type: "string", description: "Review hub (sets the shift's UTC start)."},
    {name: "shift_start_hour", type: "int", min: 0, max: 23, description: "UTC hour the shift starts."},
    {name: "shift_hours", type: "int", min: 1, max: 24, description: "Shift length in hours."},
    {name: "workdays", type: "string", description: "Days worked, e.g. Mon-Fri."},
    {name: "first_day", type: "date", description: "First UTC day on the queue: the team grows with the platform, so later hires start after the calendar's first day."},
    {name: "speed", type: "float", min: 0, nullable: true, description: "Handling-time multiplier (below 1 is faster); null where the data does not say (a platform's imported reviewers)."},
    {name: "accuracy", type: "float", min: 0, max: 1, nullable: true, description: "Ground truth: probability that a decision matches the truth. Null where unknown (imported data without ground truth)."}
  ]
};

export const ATTACKS_TABLE: TableSchema = {
  mayBeEmpty: true,
  name: "attacks",
  description: "Ground truth: the coordinated attacks in the world.",
  grain: "attack",
  key: ["attack_id"],
  references: [{column: "ring_id", table: "rings"}],
  columns: [
    {name: "attack_id", type: "string", unique: true, description: "Attack identifier."},
    {name: "start_date", type: "date", description: "First attack day (UTC)."},
    {name: "end_date", type: "date", description: "Last attack day (UTC)."},
    {name: "days", type: "int", min: 1, description: "Attack days."},
    {name: "category", type: "string", values: CATEGORIES, description: "Policy category of the campaign."},
    {name: "pattern", type: "string", description: "Attack pattern."},
    {name: "accounts", type: "int", min: 1, description: "Ring accounts behind the attack."},
    {name: "flags", type: "int", min: 0, description: "Flags raised on the attack's content."},
    {name: "ring_id", type: "string", description: "Ring that ran the attack."},
    {name: "description", type: "string", description: "What happened."}
  ]
};

export const BENIGN_EVENTS: TableSchema = {
  mayBeEmpty: true,
  name: "benign_events",
  description: "Ground truth: benign look-alikes, events that trip one signal of coordination the way an attack does (a viral report burst, a signup cohort, shared family and office identifiers, campus NAT, benign near-duplicate text). For evaluation only: no detector reads it.",
  grain: "benign event",
  key: ["event_id"],
  columns: [
    {name: "event_id", type: "string", unique: true, description: "Benign event identifier."},
    {name: "kind", type: "string", values: LOOKALIKE_KINDS, description: "What happened."},
    {name: "signal", type: "string", values: ["volume", "young", "duplicate", "shared", "target", "ip_prefix"], description: "The signal it trips: a daily signal of the attack detector, or ip_prefix (entity resolution's IP-prefix links)."},
    {name: "start_date", type: "date", description: "First day (UTC)."},
    {name: "end_date", type: "date", description: "Last day (UTC)."},
    {name: "days", type: "int", min: 1, description: "Days."},
    {name: "category", type: "string", values: CATEGORIES, description: "Policy category the reports are filed under."},
    {name: "accounts", type: "int", min: 0, description: "Accounts of its own (a viral post's creator, a cohort, households, a campus); 0 for near-duplicate text posted by anyone."},
    {name: "flags", type: "int", min: 0, description: "Flags raised on its content."},
    {name: "violating_flags", type: "int", min: 0, nullable: true, description: "Of those, flags on content that does violate policy (ground truth). Null where the platform does not supply it."},
    {name: "description", type: "string", description: "What happened."}
  ]
};

export const KNOWN_EVENTS: TableSchema = {
  mayBeEmpty: true,
  name: "known_events",
  description: "The dated events that explain the days they span: launches, incidents, campaigns, news events and confirmed attacks and look-alikes. Every page that explains a day (anomalies, insights, monitoring, the attack day table, the investigation) reads this table: the simulated world's scenario calendar, or a platform's own event log.",
  grain: "dated event",
  key: ["event"],
  columns: [
    {name: "event", type: "string", unique: true, description: "The event's name, as a day's explanation shows it (\"attack A1\", \"spam surge\", \"v3.2 rollout\")."},
    {name: "start_date", type: "date", description: "First day it explains (UTC)."},
    {name: "end_date", type: "date", description: "Last day it explains (UTC), inclusive."},
    {name: "note", type: "string", nullable: true, description: "What happened."}
  ]
};

export const RINGS: TableSchema = {
  mayBeEmpty: true,
  name: "rings",
  description: "Ground truth: rings of coordinated accounts, including dormant ones that never attack.",
  grain: "ring",
  key: ["ring_id"],
  columns: [
    {name: "ring_id", type: "string", unique: true, description: "Ring identifier."},
    {name: "purpose", type: "string", nullable: true, description: "What the ring is for. Null where the platform does not supply it (a ring known only from its accounts' ring_id)."},
    {name: "attack_id", type: "string", nullable: true, description: "Attack the ring runs, if any."},
    {name: "accounts", type: "int", min: 1, description: "Accounts in the ring."}
  ]
};

export const USERS: TableSchema = {
  name: "users",
  description: "Accounts with their identifiers and ground-truth actor type and ring.",
  grain: "account",
  key: ["user_id"],
  references: [{column: "ring_id", table: "rings"}],
  columns: [
    {name: "user_id", type: "string", unique: true, identifier: true, description: "Account identifier."},
    {name: "country", type: "string", values: countryNames, description: "Country of the account."},
    {name: "region", type: "string", values: REGIONS, description: "Region of the country."},
    {name: "signup_date", type: "date", description: "Account creation date (UTC)."},
    {name: "device_id", type: "string", identifier: true, description: "Primary device."},
    {name: "ip_prefix", type: "string", identifier: true, description: "Usual IP prefix (/24)."},
    {name: "payment_id", type: "string", nullable: true, identifier: true, description: "Payment instrument on file."},
    {name: "actor_type", type: "string", values: ACTOR_TYPES, nullable: true, description: "Ground truth: benign, spammer, scammer, harasser or ring_member. Null where the platform does not supply it."},
    {name: "ring_id", type: "string", nullable: true, description: "Ground truth: ring of a ring member."}
  ]
};

export const SNIPPETS: TableSchema = {
  name: "snippets",
  description: "Text of the flagged content in the human review queue, with its ground-truth template. Texts may contain hostile markup or formulas: render as text only.",
  grain: "flag in the human review queue (sampled above scale 4)",
  key: ["flag_id"],
  references: [{column: "flag_id", table: "flags"}],
  columns: [
    {name: "flag_id", type: "int", unique: true, description: "Flag identifier."},
    {name: "template_id", type: "int", min: 0, nullable: true, description: "Ground truth: the template the text was generated from. Null where the platform does not supply it."},
    {name: "template_group", type: "string", nullable: true, description: "Ground truth: the template's category, or campaign:<pattern> for ring scripts, or lookalike:<kind> for benign near-duplicates. Null where the platform does not supply it."},
    {name: "snippet", type: "string", description: "The content's text (synthetic)."}
  ]
};


export const MODERATOR_SESSIONS: TableSchema = {
  name: "moderator_sessions",
  description: "Reviewers' working sessions in the review tool (the moderator-session dashboard), derived from the review queue's actual work; a session ends after a break of more than 20 minutes.",
  grain: "session (sampled above scale 4)",
  key: ["session_id"],
  references: [{column: "reviewer_id", table: "reviewers"}],
  columns: [
    {name: "session_id", type: "int", unique: true, min: 0, description: "Session identifier."},
    {name: "reviewer_id", type: "string", dictionary: true, description: "Reviewer (moderator) working the session."},
    ts("start_ts", "Session start (UTC)."),
    ts("end_ts", "Session end (UTC)."),
    seconds("duration_s", "Session length in seconds."),
    count("items", "Item views in the session."),
    count("unique_items", "Distinct content items viewed."),
    count("cases", "Cases decided in the session."),
    seconds("idle_inactivity_s", "Seconds idle because the queue was empty or the reviewer inactive."),
    seconds("idle_pause_s", "Seconds on deliberate pauses.")
  ]
};

export const SESSION_ITEMS: TableSchema = {
  name: "session_items",
  description: "Every item a moderator viewed in a session: the case's flagged content (decided) and the context items opened to judge it.",
  grain: "item view (sampled with its session)",
  key: ["session_id", "item_index"],
  references: [
    {column: "session_id", table: "moderator_sessions"},
    {column: "flag_id", table: "flags"}
  ],
  columns: [
    {name: "session_id", type: "int", min: 0, description: "Session of the view."},
    {name: "item_index", type: "int", min: 0, description: "Position of the view within its session, from 0."},
    {name: "flag_id", type: "int", nullable: true, description: "The decided flag, or null for a context item."},
    {name: "content_id", type: "int", min: 0, description: "Content viewed (repeats make items exceed unique items)."},
    {name: "status", type: "string", values: ITEM_STATUSES, description: "completed, partial or not_started."},
    {name: "decision", type: "string", values: DECISION_KEYS, description: "Key pressed: accept (enforce), reject (dismiss) or none."},
    // Nullable for a build from imported views that lack the column (the import takes it whole or not at all).
    ts("view_ts", "View start (UTC); null when imported views have no view_ts.", true),
    {name: "view_s", type: "float", float32: true, min: 0, nullable: true, description: "Seconds viewed; null when imported views have no view_s."},
    {...count("loops", "Complete plays (0 unless completed); null when imported views have no loops."), nullable: true},
    {name: "sound_muted", type: "bool", nullable: true, description: "Viewed with sound muted; null when imported views have no sound_muted."}
  ]
};

export const IDLE_PERIODS: TableSchema = {
  name: "idle_periods",
  description: "Idle periods inside moderator sessions, by type.",
  grain: "idle period (sampled with its session)",
  references: [{column: "session_id", table: "moderator_sessions"}],
  columns: [
    {name: "session_id", type: "int", min: 0, description: "Session of the idle period."},
    {name: "idle_type", type: "string", values: IDLE_TYPES, description: "inactivity or pause."},
    ts("start_ts", "Start (UTC); null when imported idle periods have no start_ts.", true),
    seconds("duration_s", "Length in seconds.")
  ]
};

const columnsOf = (schema: TableSchema, names: readonly string[]): ColumnSpec[] => names.map((name) => schema.columns.find((c) => c.name === name)!);

export const SESSION_SAMPLE: TableSchema = {
  name: "session_sample",
  description: `The moderator page's columns of a fixed sample of sessions: every session while there are at most ${formatCount(SESSION_SAMPLE_ROWS)}, a deterministic sample of about that many above (the same hash as moderator_sessions' sample, so the samples nest). The page's session-duration and per-session charts count it.`,
  grain: `session (item-level; a sample of at most about ${formatCount(SESSION_SAMPLE_ROWS)})`,
  key: ["session_id"],
  references: [{column: "reviewer_id", table: "reviewers"}],
  columns: columnsOf(MODERATOR_SESSIONS, ["session_id", "reviewer_id", "start_ts", "duration_s", "items", "unique_items"])
};

export const IDLE_SAMPLE: TableSchema = {
  name: "idle_sample",
  description: "The idle periods of session_sample's sessions, by type: the moderator page's idle-time chart.",
  grain: "idle period (of a session in session_sample)",
  references: [{column: "session_id", table: "session_sample"}],
  columns: columnsOf(IDLE_PERIODS, ["session_id", "idle_type", "duration_s"])
};

export const EVENTS: TableSchema = {
  name: "events",
  description: "The product event log of a user cohort (the protection-science notebook): signups, logins, direct messages, uploads, billing, warnings and policy blocks, with device, IP prefix and payment identifiers and ground truth.",
  grain: "event of a cohort user (cohort size scales with the world)",
  key: ["event_id"],
  references: [{column: "user_id", table: "cohort"}],
  columns: [
    {name: "event_id", type: "int", unique: true, min: 0, description: "Event identifier, in time order."},
    ts("ts", "When the event happened (UTC)."),
    {name: "user_id", type: "string", dictionary: true, identifier: true, description: "Account."},
    {name: "event_type", type: "string", values: EVENT_TYPES, description: "Event type."},
    {name: "device_id", type: "string", dictionary: true, identifier: true, description: "Device used."},
    {name: "ip_prefix", type: "string", dictionary: true, identifier: true, description: "IP prefix (/24) used."},
    {name: "payment_id", type: "string", dictionary: true, nullable: true, identifier: true, description: "Payment instrument (billing events only)."},
    {name: "peer_id", type: "string", dictionary: true, nullable: true, identifier: true, description: "Recipient of a chat, or of the chat a policy block stopped."},
    {name: "peer_new", type: "bool", description: "The recipient's account was younger than 7 days."},
    {name: "abusive", type: "bool", nullable: true, description: "Ground truth: the content or the action that triggered the event was abusive. Null where the platform does not supply it."}
  ]
};

export const COHORT: TableSchema = {
  name: "cohort",
  description: "The event log's user cohort: stratum, sampling weight, experiment arm and ground-truth outcomes.",
  grain: "cohort user",
  key: ["user_id"],
  references: [{column: "user_id", table: "users"}],
  columns: [
    {name: "user_id", type: "string", unique: true, identifier: true, description: "Account."},
    {name: "stratum", type: "string", values: COHORT_STRATA, description: "Sampling stratum."},
    {name: "weight", type: "float", min: 0, description: "Accounts of the population this cohort user stands for."},
    {name: "arm", type: "string", values: ARMS, description: "Experiment arm (seeded 50/50 hash)."},
    {name: "exposed_date", type: "date", nullable: true, description: "First day an abusive message reached the user."},
    count("exposures", "Abusive messages received."),
    {name: "churn_date", type: "date", nullable: true, description: "Day the user stopped using the platform."},
    {name: "suspended_date", type: "date", nullable: true, description: "Day the account was suspended."},
    count("rate_limited", "Messages the treatment's rate limit stopped (never sent).")
  ]
};

export const DSA_FLAGS: TableSchema = {
  name: "dsa_flags",
  description: "One row per flag: what the Digital Services Act's transparency outputs need beyond the flags table (content type and language, account type, how the flag reached the platform, the law a notice cites, the ground decided on, suspension end, complaint decision), with ground-truth illegality.",
  grain: "flag (item-level; sampled with flags above scale 4)",
  key: ["flag_id"],
  references: [{column: "flag_id", table: "flags"}],
  columns: [
    {name: "flag_id", type: "int", unique: true, min: 0, description: "Flag identifier (flags.flag_id)."},
    {name: "content_type", type: "string", values: CONTENT_TYPES, description: "Type of the flagged content."},
    {name: "content_language", type: "string", values: LANGUAGES, description: "Language of the content (ISO 639-1, upper case)."},
    {name: "account_type", type: "string", values: ACCOUNT_TYPES, description: "Whether the posting account is a private person's or a business's."},
    {name: "notice_type", type: "string", values: NOTICE_TYPES, description: "How the flag reached the platform: an Article 16 DSA illegal-content notice (EEA user reports through the legal form), a trusted flagger's notice (EEA), another notification (any other report), or the platform's own initiative (its classifier)."},
    {name: "alleged_legal_ground", type: "string", values: LEGAL_GROUNDS.map((g) => g.id), nullable: true, description: "The law an Article 16 or trusted-flagger notice cites (null for other flags)."},
    {name: "decision_ground", type: "string", values: DECISION_GROUNDS, nullable: true, description: "The ground of an enforcement: illegal content (a reviewer judged it illegal) or the terms and conditions; null without enforcement."},
    {name: "suspension_end_date", type: "date", nullable: true, description: "Day a temporary account suspension ends (UTC): the decision day plus its length; null for permanent suspensions and other actions."},
    {name: "suspension_permanent", type: "bool", description: "An account suspension that does not end (a termination)."},
    {name: "complaint_decided_ts", type: "timestamp", nullable: true, description: "When the appeal (an internal complaint under Article 20 DSA) was decided; null without an appeal."},
    {name: "is_illegal", type: "bool", nullable: true, description: "Ground truth: the content is illegal where it was posted (a subset of is_violation). Null where the platform does not supply it."}
  ]
};

export const MONTHLY_ACTIVE: TableSchema = {
  name: "monthly_active",
  description: "Average monthly active recipients of the service per month and country (Article 24(2) DSA), from the world's daily activity.",
  grain: "month x country (aggregate, never sampled)",
  key: ["month", "country"],
  columns: [
    {name: "month", type: "string", description: "Calendar month, YYYY-MM (UTC)."},
    {name: "country", type: "string", values: countryNames, description: "Country of the recipients."},
    {name: "country_code", type: "string", values: COUNTRIES.map((c) => c.code), description: "ISO 3166-1 alpha-2 code."},
    {name: "region", type: "string", values: REGIONS, description: "Region of the country."},
    {name: "eea", type: "bool", description: "The country is a member state of the European Economic Area."},
    count("monthly_active_recipients", "Recipients active at least once in the month.")
  ]
};

const cubeColumns = {
  date: date("date", "UTC date the flag was raised."),
  region: {name: "region", type: "string", values: REGIONS, description: "Region of the content's author."} as ColumnSpec,
  category: {name: "category", type: "string", values: CATEGORIES, description: "Policy category."} as ColumnSpec,
  source: {name: "source", type: "string", values: SOURCES, description: "Who raised the flag."} as ColumnSpec,
  severity: {name: "severity", type: "string", values: SEVERITIES, description: "Triage severity."} as ColumnSpec,
  route: {name: "route", type: "string", values: ROUTES, description: "Where routing sent the flag."} as ColumnSpec,
  action: {name: "action", type: "string", values: ACTIONS, description: "Enforcement action (none when dismissed)."} as ColumnSpec,
  enforced: {name: "enforced", type: "bool", description: "The flag ended in an enforcement action (action is not none)."} as ColumnSpec,
  is_violation: {name: "is_violation", type: "bool", nullable: true, description: "Ground truth: the content violates policy. Null where unknown (imported data without ground truth)."} as ColumnSpec,
  sla_breached: {name: "sla_breached", type: "bool", description: "High or critical severity decided after the SLA."} as ColumnSpec,
  coordinated: {name: "coordinated", type: "bool", nullable: true, description: "Ground truth: raised on a coordinated ring's content. Null where unknown (imported data without ground truth)."} as ColumnSpec,
  n: {...count("n", "Flags with these values (every flag of the world: never sampled)."), min: 1} as ColumnSpec
};

/** A flag cube's contract: one row per combination of `fields` that occurs, with its count of flags (and `sums`). */
function flagCube(name: string, description: string, fields: (keyof typeof cubeColumns)[], sums: ColumnSpec[] = []): TableSchema {
  return {name, description, grain: `${fields.join(" x ")} (aggregate of every flag, never sampled)`, key: fields, columns: [...fields.map((f) => cubeColumns[f]), cubeColumns.n, ...sums]};
}

export const FLAG_MIX = flagCube("flag_mix", "Flags counted by day, region, category, severity, route, action and ring origin: the flags page's volumes, mixes and shares, exact at any scale.", ["date", "region", "category", "severity", "route", "action", "coordinated"]);

export const FLAG_OUTCOMES = flagCube("flag_outcomes", "Flags counted by day, category, source, severity, route, enforcement, ground truth and SLA breach: the classifier's and the review queue's KPIs and the mean classifier score, exact at any scale.", ["date", "category", "source", "severity", "route", "enforced", "is_violation", "sla_breached"], [
  {name: "score_sum", type: "float", min: 0, nullable: true, description: "Sum of the flags' ml_score (each to 4 decimals): score_sum / n is their mean score. Null where a flag of the cell has no score (imported data)."}
]);

export const SCORE_OUTCOMES = flagCube("score_outcomes", "Flags counted by day, category, source and ground truth, with their summed classifier scores: the classifier page's detection precision and score drift, exact at any scale (flag_outcomes summed over the other fields).", ["date", "category", "source", "is_violation"], [FLAG_OUTCOMES.columns.find((c) => c.name === "score_sum")!]);

export const QUEUE_OUTCOMES = flagCube("queue_outcomes", "Flags counted by day, severity, route, enforcement, ground truth and SLA breach: the review queue page's cases and KPIs, exact at any scale (flag_outcomes summed over category and source).", ["date", "severity", "route", "enforced", "is_violation", "sla_breached"]);

const TTA_KEY = ["date", "severity", "route", "enforced", "tta_hours_lo"];
export const TTA_BINS: TableSchema = {
  name: "tta_bins",
  description: "Decided flags counted by day, severity, route, enforcement and time-to-action bin (0.05 h wide under an hour, 0.25 h above): time-to-action quantiles over any range of days, exact to the bin and much closer where bins hold many flags.",
  grain: "date x severity x route x enforced x time-to-action bin (aggregate of every flag, never sampled)",
  key: TTA_KEY,
  columns: [
    cubeColumns.date, cubeColumns.severity, cubeColumns.route, cubeColumns.enforced,
    {name: "tta_hours_lo", type: "float", float32: true, min: 0, description: "Lower edge of the bin, hours from flag to decision (inclusive); the bin ends 0.05 h above it under an hour, 0.25 h above it from an hour on (exclusive)."},
    cubeColumns.n
  ]
};

export const FLAG_SCORES: TableSchema = {
  name: "flag_scores",
  description: "The classifier page's columns of a fixed sample of flags: every flag while there are at most 100,000, a deterministic sample of 100,000 above (the same hash as the flags table's sample, so the samples nest).",
  grain: "flag (item-level; a sample of at most 100,000 flags)",
  key: ["flag_id"],
  columns: [
    {name: "flag_id", type: "int", unique: true, min: 0, description: "Flag identifier (flags.flag_id; the flag may be outside the flags table's own sample)."},
    date("date", "UTC date the flag was raised."),
    cubeColumns.category, cubeColumns.severity, cubeColumns.route,
    {name: "ml_score", type: "float", float32: true, min: 0, max: 1, nullable: true, description: "Classifier score: probability of a violation. Null where the platform does not supply it."},
    cubeColumns.is_violation
  ]
};

export const FLAG_TEXTS: TableSchema = {
  name: "flag_texts",
  description: `The explorer's flagged texts with their context: the flags in the human review queue among a fixed sample of flags (every flag while there are at most ${formatCount(TEXT_SAMPLE_FLAGS)}, a deterministic sample of about that many above; the same hash as the flags table's sample, so the samples nest). Texts may contain hostile markup or formulas: render as text only.`,
  grain: `flag in the human review queue (item-level; the human-review part of a sample of at most about ${formatCount(TEXT_SAMPLE_FLAGS)} flags)`,
  key: ["flag_id"],
  columns: [
    {name: "flag_id", type: "int", unique: true, min: 0, description: "Flag identifier (flags.flag_id; the flag may be outside the flags table's own sample)."},
    date("date", "UTC date the flag was raised."),
    {name: "country", type: "string", values: countryNames, description: "Country of the content's author."},
    cubeColumns.category, cubeColumns.severity, cubeColumns.action,
    {name: "template_group", type: "string", nullable: true, description: "Ground truth: the template's category, or campaign:<pattern> for ring scripts, or lookalike:<kind> for benign near-duplicates. Null where the platform does not supply it."},
    {name: "snippet", type: "string", description: "The content's text (synthetic)."}
  ]
};

/** The flags table's columns, by name. */
const flagColumn = (name: string): ColumnSpec => FLAGS.columns.find((c) => c.name === name)!;

export const CASES: TableSchema = {
  name: "cases",
  description: `The case view's flags, what an analyst sees of each case, with its QA audit (ground truth only in ring_member, for the investigation’s split): every flag while there are at most ${formatCount(CASE_SAMPLE_FLAGS)}, a deterministic sample of about that many above (the same hash as the flags table's sample, so the samples nest).`,
  grain: `flag (item-level; a sample of at most about ${formatCount(CASE_SAMPLE_FLAGS)} flags)`,
  key: ["flag_id"],
  references: [
    {column: "reviewer_id", table: "reviewers"},
    {column: "actor_id", table: "users", references: "user_id"}
  ],
  columns: [
    {name: "flag_id", type: "int", unique: true, min: 0, description: "Flag identifier (flags.flag_id; the flag may be outside the flags table's own sample)."},
    ...["ts", "date", "country", "region", "category", "source", "severity", "surface", "ml_score", "route", "action", "reviewer_id", "tta_hours", "sla_breached", "appealed", "overturned", "actor_id"].map(flagColumn),
    {name: "session_date", type: "date", nullable: true, description: "UTC day on which the moderator session that decided the case started (moderator_days' day); null for cases no reviewer decided."},
    {name: "qa", type: "string", values: ["pass", "fail"], nullable: true, description: "QA audit of the reviewer's decision: pass when it agrees with the content's true violation (enforce on a violation, no action on benign content), as the moderators page's QA pass rate counts it; null for cases no reviewer decided. Here every decision is audited against the world's truth; a platform audits a sample."},
    {name: "ring_member", type: "bool", nullable: true, description: "Ground truth: the account belongs to a coordinated ring (users.actor_type ring_member). Only the investigation's split by sender filters on it; the case view does not show it. Null where unknown (imported data without ground truth)."}
  ]
};

export const BACKLOG_DAYS: TableSchema = {
  name: "backlog_days",
  description: "Per day and severity, the human-review cases open at the end of the day (24:00 UTC; open: ts <= t < decided_ts), with their ages: the review queue page's backlog, exact at any scale.",
  grain: "day x severity (aggregate of every human-review case, never sampled)",
  key: ["date", "severity"],
  columns: [
    date("date", "UTC day; the backlog is counted at its end."),
    cubeColumns.severity,
    count("open", "Cases open at the end of the day."),
    count("over_sla", "Of those, cases older than the SLA (24 h)."),
    {name: "oldest_hours", type: "float", min: 0, nullable: true, description: "Age of the oldest open case, hours (null when none is open)."},
    {name: "median_age_hours", type: "float", min: 0, nullable: true, description: "Median age of the open cases (R-7), hours (null when none is open)."}
  ]
};

export const REVIEWER_DAYS: TableSchema = {
  name: "reviewer_days",
  description: "Per day, for the whole team (reviewer_id null) and each reviewer (the first 80 by id above scale 4): scheduled shift hours, the productive part of them (the shift minus breaks, meal, wellness, training and meetings: the shrinkage), hours with a case open (from the reviewer opening it to the decision), the part of them outside productive time, and cases decided. Utilisation over any days is (busy - overtime) / productive summed over them.",
  grain: "day x reviewer or team (aggregate of every human-review case, never sampled)",
  key: ["date", "reviewer_id"],
  references: [{column: "reviewer_id", table: "reviewers"}],
  columns: [
    date("date", "UTC day."),
    {name: "reviewer_id", type: "string", nullable: true, dictionary: true, description: "Reviewer (reviewers.reviewer_id); null for the whole team."},
    {name: "scheduled_hours", type: "float", float32: true, min: 0, description: "Hours on shift that day. The hours are 32-bit floats: within 0.002 h (7 s) on the whole team's day at scale 140, far under the 0.1% the utilisation shows."},
    {name: "productive_hours", type: "float", float32: true, min: 0, description: "Of the scheduled hours, those not planned off the queue (breaks, meal, wellness, training and meetings)."},
    {name: "busy_hours", type: "float", float32: true, min: 0, description: "Hours with a case open that day."},
    {name: "overtime_hours", type: "float", float32: true, min: 0, description: "Of the busy hours, those outside productive time: a case finished into a break or past the shift's end."},
    count("cases", "Cases decided that day.")
  ]
};

export const WAIT_BINS: TableSchema = {
  name: "wait_bins",
  description: "Human-review cases by the day they arrived and the bin of their wait (flag to a reviewer opening the case; bins 0.05 h wide under an hour, 0.25 h above), with their summed waits and case times: the Erlang C comparison of the review queue page, exact at any scale.",
  grain: "day x wait bin (aggregate of every human-review case, never sampled)",
  key: ["date", "wait_hours_lo"],
  columns: [
    date("date", "UTC day the cases arrived."),
    {name: "wait_hours_lo", type: "float", float32: true, min: 0, description: "Lower edge of the wait bin, hours (inclusive); the bin ends 0.05 h above it under an hour, 0.25 h above it from an hour on (exclusive)."},
    {...count("n", "Cases."), min: 1},
    {name: "wait_hours_sum", type: "float", min: 0, description: "Sum of the cases' waits, hours."},
    {name: "service_hours_sum", type: "float", min: 0, description: "Sum of the cases' times open (opened to decided), hours."}
  ]
};

export const QUEUE_HOURS: TableSchema = {
  name: "queue_hours",
  description: "Per UTC day and hour: human-review cases that arrived in the hour with their summed waits and case times, and the team's reviewer-hours in the hour on shift, productive (the shift minus breaks, meal, wellness, training and meetings) and with a case open inside productive time: the review queue page's Erlang C per interval, exact at any scale.",
  grain: "day x UTC hour (aggregate of every human-review case and every shift, never sampled)",
  key: ["date", "hour"],
  columns: [
    date("date", "UTC day."),
    {name: "hour", type: "int", min: 0, max: 23, description: "UTC hour of the day (the interval is [hour, hour + 1))."},
    count("arrivals", "Human-review cases raised in the hour."),
    {name: "wait_hours_sum", type: "float", min: 0, description: "Sum of those cases' waits (flag to a reviewer opening the case), hours."},
    {name: "service_hours_sum", type: "float", min: 0, description: "Sum of those cases' times open (opened to decided), hours."},
    {name: "scheduled_hours", type: "float", min: 0, description: "Reviewer-hours on shift in the hour (the team's reviewers on shift, on average over the hour)."},
    {name: "productive_hours", type: "float", min: 0, description: "Of the scheduled reviewer-hours, those not planned off the queue."},
    {name: "busy_hours", type: "float", min: 0, description: "Reviewer-hours in the hour with a case open inside productive time (at most productive_hours)."}
  ]
};

export const MODERATOR_DAYS: TableSchema = {
  name: "moderator_days",
  description: `Per UTC day of session start, for the whole team (reviewer_id null) and for each moderator (the first ${DETAILED_MODERATORS} by id when the team is larger): the totals of every session that started that day (the moderator page's cards, exact at any scale).`,
  grain: "day x moderator or team (aggregate of every session, never sampled)",
  key: ["date", "reviewer_id"],
  references: [{column: "reviewer_id", table: "reviewers"}],
  columns: [
    date("date", "UTC day the sessions started."),
    {name: "reviewer_id", type: "string", dictionary: true, nullable: true, description: "Moderator (reviewers.reviewer_id); null for the whole team."},
    {...count("sessions", "Sessions started that day."), min: 1},
    // Seconds stay float64: a team's day reaches tens of millions of seconds at large scales, where
    // float32 keeps neither the tenths nor whole seconds.
    {name: "session_s", type: "float", min: 0, description: "Seconds in those sessions (each to 0.1 s, as moderator_sessions.duration_s)."},
    count("item_views", "Item views in those sessions (repeats included)."),
    count("cases", "Cases decided in those sessions."),
    {name: "idle_inactivity_s", type: "float", min: 0, description: "Seconds of inactivity (waiting on an empty queue)."},
    {name: "idle_pause_s", type: "float", min: 0, description: "Seconds of pauses (breaks)."},
    count("idle_periods", "Idle periods (inactivity and pauses) in those sessions."),
    {...count("qa_checked", "Decisions checked against ground truth: every decision on a flag (the world knows every flag's truth); null when imported flags have no is_violation or imported views no flag_id."), nullable: true},
    {...count("qa_correct", "Checked decisions that agree with the flag's is_violation; null when qa_checked is."), nullable: true},
    ...ITEM_STATUSES.map((k) => count(`views_${k}`, `Item views whose completion status is ${label(k)}.`)),
    ...DECISION_KEYS.map((k) => count(`views_${k}`, k === "none" ? "Item views without a decision (context items)." : `Item views decided with the ${k} key.`)),
    {...count("views_muted", "Item views with the sound muted; null when imported views have no sound_muted."), nullable: true}
  ]
};

export const ITEM_VIEW_DAYS: TableSchema = {
  name: "item_view_days",
  description: `Per moderator (the first ${DETAILED_MODERATORS} by id when the team is larger) and for the team (reviewer_id null), and day an item was viewed: how many items were next viewed on which later day. The distinct items of days from..to are the rows dated in that range whose next_date is null or after to.`,
  grain: "reviewer (or team) x view day x next view day (aggregate of every item view, never sampled)",
  key: ["reviewer_id", "date", "next_date"],
  references: [{column: "reviewer_id", table: "reviewers"}],
  columns: [
    {name: "reviewer_id", type: "string", dictionary: true, nullable: true, description: "Moderator (reviewers.reviewer_id); null for the whole team."},
    date("date", "UTC day of the view (the session's start day)."),
    {name: "next_date", type: "date", nullable: true, description: "Next later day the same moderator (or the team) viewed the item; null when never again."},
    {...count("n", "Items."), min: 1}
  ]
};

export const SCHEMAS = {
  daily_country: DAILY_COUNTRY,
  flags: FLAGS,
  reviewers: REVIEWERS,
  attacks: ATTACKS_TABLE,
  benign_events: BENIGN_EVENTS,
  known_events: KNOWN_EVENTS,
  rings: RINGS,
  users: USERS,
  snippets: SNIPPETS,
  moderator_sessions: MODERATOR_SESSIONS,
  session_items: SESSION_ITEMS,
  idle_periods: IDLE_PERIODS,
  session_sample: SESSION_SAMPLE,
  idle_sample: IDLE_SAMPLE,
  events: EVENTS,
  cohort: COHORT,
  dsa_flags: DSA_FLAGS,
  monthly_active: MONTHLY_ACTIVE,
  flag_mix: FLAG_MIX,
  flag_outcomes: FLAG_OUTCOMES,
  flag_texts: FLAG_TEXTS,
  cases: CASES,
  score_outcomes: SCORE_OUTCOMES,
  queue_outcomes: QUEUE_OUTCOMES,
  tta_bins: TTA_BINS,
  flag_scores: FLAG_SCORES,
  backlog_days: BACKLOG_DAYS,
  reviewer_days: REVIEWER_DAYS,
  wait_bins: WAIT_BINS,
  queue_hours: QUEUE_HOURS,
  moderator_days: MODERATOR_DAYS,
  item_view_days: ITEM_VIEW_DAYS
} as const;
export type TableName = keyof typeof SCHEMAS;

