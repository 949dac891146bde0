/**
 * What a section of a page needs from the data, for builds from a platform's own tables: which import
 * columns enable it, what a platform usually has instead, and the industry-standard proxy, if there is
 * one. A section whose columns the import lacks shows this instead of an empty or wrong chart.
 */
export interface Need {
  /** Import columns, as table.column, every one of which the section needs. */
  columns: readonly string[];
  /** What the section shows when it has them. */
  enables: string;
  /** What platforms usually have instead, or why they rarely have it. */
  instead: string;
  /** A proxy the page offers, labelled as such, if there is one. */
  proxy?: string;
}

/** Evaluation against confirmed attacks: the attack page's scores of each detector. */
export const ATTACK_TRUTH_NEED: Need = {
  columns: ["attacks.attack_id", "attacks.start_date", "attacks.end_date"],
  enables: "each detector's attack days caught and missed, its false alarms, and its precision, recall and F1 against confirmed attacks",
  instead: "Platforms record confirmed coordinated campaigns in incident reports or takedown logs, not in the flag data; their ids and dates fill the attacks table. Without them the detectors still run and their flagged days are shown, unscored; no proxy is offered, since a detector's own flags cannot score it."
};

/** False alarms on confirmed benign look-alikes: the attack page's signal-by-signal counts. */
export const BENIGN_TRUTH_NEED: Need = {
  columns: ["benign_events.event_id", "benign_events.signal", "benign_events.start_date", "benign_events.end_date"],
  enables: "how often each signal of coordination fires on days of confirmed benign look-alikes (a viral report burst, a signup cohort, shared devices, campus NAT, chain messages)",
  instead: "Investigations that clear an alert usually record why (a news event, a marketing campaign, a campus network); those closed-as-benign alerts, with dates and the signal that fired, fill benign_events."
};

/** Precision and recall against the truth of each flag: the classifier page's threshold and drift figures. */
export const VIOLATION_TRUTH_NEED: Need = {
  columns: ["flags.is_violation"],
  enables: "the precision and recall of acting at the threshold, the calibration of the scores and their drift on true violations",
  instead: "Few platforms know which flags truly violate. They audit a random sample of decisions (QA) and count appeals that overturn an action.",
  proxy: "the appeal overturn rate (overturned appeals over appeals: the KPI dictionary's Appeal overturn rate, shown on the overview page) counts the decision errors users contested, and misses those nobody appealed."
};

/** The share of flags from coordinated rings: the flags page's ring-origin card. */
export const COORDINATED_TRUTH_NEED: Need = {
  columns: ["flags.coordinated"],
  enables: "the share of flags raised on content from coordinated rings, by day and region",
  instead: "Platforms learn which accounts were coordinated from takedowns of networks, after the fact; marking their flags fills flags.coordinated."
};

/** Explanations of flagged days: the anomalies page's explained and unexplained counts. */
export const KNOWN_EVENTS_NEED: Need = {
  columns: ["known_events.event", "known_events.start_date", "known_events.end_date"],
  enables: "which flagged days a dated event explains (a launch, an outage, a policy change, a news event, a campaign) and which stay unexplained",
  instead: "Platforms keep such dates in incident trackers, release notes and the team's calendar; exported as an event name with its first and last day, they fill known_events. Until then every flagged day is unexplained, which says nothing about the detector."
};

/** The moderators page's sound cards: item views muted and with sound. */
export const SOUND_NEED: Need = {
  columns: ["session_items.sound_muted"],
  enables: "how many item views moderators watched muted, overall and per moderator (the moderator-session dashboard's sound status)",
  instead: "Review tools log the audio state only when they play video or audio; a tool for text and images has no such column, and no other column stands in for it."
};

/** The reviewers' shifts: the queue's hours on shift, waits by hour and the Erlang C staffing model. */
export const SHIFT_NEED: Need = {
  columns: ["reviewers.shift_start_hour", "reviewers.shift_hours", "reviewers.workdays"],
  enables: "the hours each reviewer is on shift: the queue's hourly capacity, waits by hour of the day, reviewer utilisation and the Erlang C staffing recommendation",
  instead: "Workforce-management and scheduling tools hold the rota; a row per reviewer with the UTC hour the shift starts, its length and the days worked fills the reviewers table."
};

/** The event log, its accounts and the cohort: the protection-science pipeline, the investigation and the experiment. */
export const EVENT_LOG_NEED: Need = {
  columns: ["events.event_id", "users.user_id", "cohort.user_id"],
  enables: "the protection-science pipeline (the SQL core tables, abuse detection, the review queue, entity resolution, drift and incidents), the report-spike investigation and the rate-limit experiment",
  instead: "Product analytics hold the event log (signups, logins, messages, uploads) and the accounts, usually in a warehouse rather than the moderation tool; a cohort of accounts sampled by stratum keeps it to a size a build can read."
};

/** The moderator-session tables: the moderators page. */
export const SESSIONS_NEED: Need = {
  columns: ["moderator_sessions.session_id", "session_items.session_id", "idle_periods.session_id"],
  enables: "each moderator's sessions: items reviewed per hour, time per item, idle periods and their reasons, and the QA sample of their decisions",
  instead: "Review tools log sessions (a login to a logout), the items opened in each and the idle periods; many platforms keep only the decision log, from which the queue pages are built."
};

/** The texts of flagged content: deduplication, clustering and the review queue's snippets. */
export const TEXT_NEED: Need = {
  columns: ["snippets.flag_id", "snippets.snippet"],
  enables: "the texts of flagged content: exact and near-duplicate groups, clusters of similar texts and the snippets shown beside cases",
  instead: "The text is in the content store, often kept apart from the moderation data for privacy; a short excerpt per flag of the review queue is enough."
};

/** Daily active users and content created: the denominators of every rate per user or per item. */
export const ACTIVITY_NEED: Need = {
  columns: ["daily_activity.active_users", "daily_activity.content_created"],
  enables: "rates per active user and per item created (flags per 1,000 active users, prevalence of flags in content) by day and country",
  instead: "Product analytics count daily active users and content created per country; without them the pages show counts of flags, not rates."
};

/** The DSA decisions: the transparency report and the statements of reasons. */
export const DSA_NEED: Need = {
  columns: ["dsa_decisions.flag_id"],
  enables: "the EU Digital Services Act's statements of reasons, one per decision, in the Transparency Database's format, and the harmonised transparency report",
  instead: "Platforms under the DSA record each decision's legal or contractual ground, territorial scope and redress; others record only the action, which does not make a statement of reasons."
};

/**
 * Every section that adapts to the data, where it is and what it needs: the data-quality page lists the
 * ones this build's data cannot feed. KPI cards adapt on their own (src/metrics/unrecorded.ts) and are
 * named with the need whose columns they filter on.
 */
export const SECTION_NEEDS: readonly {where: string; need: Need}[] = [
  {where: "Attack detection: each detector's recall, precision and F1, the known attacks and the days right and wrong; Anomalies: attack days caught", need: ATTACK_TRUTH_NEED},
  {where: "Attack detection: benign look-alikes", need: BENIGN_TRUTH_NEED},
  {where: "Classifier health: drift, calibration and auto-blocking; the KPIs detection precision, proactive detection share, harm prevalence and QA pass rate, wherever they are shown", need: VIOLATION_TRUTH_NEED},
  {where: "The KPI coordinated attack share, wherever it is shown", need: COORDINATED_TRUTH_NEED},
  {where: "Anomalies: flagged days explained and unexplained", need: KNOWN_EVENTS_NEED},
  {where: "Moderators: sound status", need: SOUND_NEED},
  {where: "Review queue and weekly report: hours on shift, waits by hour, utilisation and staffing", need: SHIFT_NEED},
  {where: "Protection science (every page), the investigation and the experiment", need: EVENT_LOG_NEED},
  {where: "Moderators: sessions, items and idle periods", need: SESSIONS_NEED},
  {where: "Texts of flagged content: dedup and clustering, snippets beside cases", need: TEXT_NEED},
  {where: "Rates per active user and per item created, wherever they are shown", need: ACTIVITY_NEED},
  {where: "Transparency report and statements of reasons", need: DSA_NEED}
];

/** The notice's sentences: what is missing, what it would enable, what platforms have instead. */
export function needText(need: Need): {title: string; body: string[]} {
  const columns = need.columns;
  const list = columns.length === 1 ? columns[0] : `${columns.slice(0, -1).join(", ")} and ${columns.at(-1)}`;
  const body = [`It needs ${list}, which the imported data does not have. With ${columns.length === 1 ? "it" : "them"}, it shows ${need.enables}.`, `${need.instead}`];
  if (need.proxy) body.push(`Proxy: ${need.proxy}`);
  return {title: `Not in the imported data`, body};
}

/**
 * The need as far as the data falls short of it: its columns that the data lacks (`absent`, as
 * data_quality.json lists them), or null when the data has every column it needs.
 */
export function lacking(need: Need, absent: readonly string[]): Need | null {
  const columns = need.columns.filter((c) => absent.includes(c));
  return columns.length ? {...need, columns} : null;
}
