/** The fixed vocabulary of the simulated platform: calendar, geography and policy taxonomy. */

export const START_DATE = "2025-03-01";
export const END_DATE = "2025-08-31";
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** Local-time hour weights of activity (posts, reports, app sessions): quiet nights, busy evenings. */
export const DIURNAL = [2, 1.4, 1, 0.8, 0.7, 0.8, 1.2, 1.8, 2.4, 2.8, 3, 3.1, 3.3, 3.2, 3.1, 3.1, 3.3, 3.6, 4, 4.4, 4.6, 4.4, 3.8, 2.9] as const;

export const REGIONS = ["APAC", "AMER", "EMEA"] as const;
export type Region = (typeof REGIONS)[number];

export interface Country {
  code: string;
  name: string;
  region: Region;
  /** Share of the platform's daily active users living in this country. */
  userShare: number;
  /** UTC offset in hours, used for diurnal activity patterns. */
  utcOffset: number;
  /** A member state of the European Economic Area, where the Digital Services Act applies. */
  eea: boolean;
  /** Languages content is written in (ISO 639-1, upper case, as the DSA database takes them) and their shares. */
  languages: Readonly<Record<string, number>>;
}

/**
 * APAC is the APAC KPI dashboard's five countries; AMER and EMEA complete the T&S ops dashboard's three regions. EMEA holds five EU
 * member states, so the platform owes the DSA's transparency outputs for them.
 */
export const COUNTRIES: readonly Country[] = [
  {code: "SG", name: "Singapore", region: "APAC", userShare: 0.05, utcOffset: 8, eea: false, languages: {EN: 0.7, ZH: 0.2, MS: 0.1}},
  {code: "ID", name: "Indonesia", region: "APAC", userShare: 0.16, utcOffset: 7, eea: false, languages: {ID: 0.9, EN: 0.1}},
  {code: "PH", name: "Philippines", region: "APAC", userShare: 0.1, utcOffset: 8, eea: false, languages: {TL: 0.5, EN: 0.5}},
  {code: "TH", name: "Thailand", region: "APAC", userShare: 0.08, utcOffset: 7, eea: false, languages: {TH: 0.9, EN: 0.1}},
  {code: "VN", name: "Vietnam", region: "APAC", userShare: 0.09, utcOffset: 7, eea: false, languages: {VI: 0.95, EN: 0.05}},
  {code: "US", name: "United States", region: "AMER", userShare: 0.14, utcOffset: -5, eea: false, languages: {EN: 0.85, ES: 0.15}},
  {code: "BR", name: "Brazil", region: "AMER", userShare: 0.08, utcOffset: -3, eea: false, languages: {PT: 0.95, EN: 0.05}},
  {code: "MX", name: "Mexico", region: "AMER", userShare: 0.05, utcOffset: -6, eea: false, languages: {ES: 0.95, EN: 0.05}},
  {code: "GB", name: "United Kingdom", region: "EMEA", userShare: 0.06, utcOffset: 0, eea: false, languages: {EN: 1}},
  {code: "DE", name: "Germany", region: "EMEA", userShare: 0.06, utcOffset: 1, eea: true, languages: {DE: 0.88, EN: 0.08, TR: 0.04}},
  {code: "NG", name: "Nigeria", region: "EMEA", userShare: 0.05, utcOffset: 1, eea: false, languages: {EN: 0.8, YO: 0.1, HA: 0.1}},
  {code: "FR", name: "France", region: "EMEA", userShare: 0.03, utcOffset: 1, eea: true, languages: {FR: 0.95, EN: 0.05}},
  {code: "ES", name: "Spain", region: "EMEA", userShare: 0.02, utcOffset: 1, eea: true, languages: {ES: 0.85, CA: 0.1, EN: 0.05}},
  {code: "IT", name: "Italy", region: "EMEA", userShare: 0.02, utcOffset: 1, eea: true, languages: {IT: 0.95, EN: 0.05}},
  {code: "PL", name: "Poland", region: "EMEA", userShare: 0.01, utcOffset: 1, eea: true, languages: {PL: 0.95, EN: 0.05}}
];

export const CATEGORIES = ["spam", "harassment_hate", "nudity", "misinformation", "child_safety", "other"] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  spam: "Spam",
  harassment_hate: "Harassment/hate",
  nudity: "Nudity",
  misinformation: "Misinformation",
  child_safety: "Child safety",
  other: "Other"
};

export const SOURCES = ["user", "ai", "trusted_flagger"] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {user: "User report", ai: "AI classifier", trusted_flagger: "Trusted flagger"};

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ROUTES = ["auto_block", "human_review", "auto_action", "auto_dismiss"] as const;
export type Route = (typeof ROUTES)[number];

export const ACTIONS = ["removal", "warning", "suspension", "downrank", "none"] as const;
export type Action = (typeof ACTIONS)[number];
/** The enforcement actions of the APAC KPI dashboard: everything but "none". */
export const ENFORCEMENTS = ["removal", "warning", "suspension", "downrank"] as const;

export const ACTOR_TYPES = ["benign", "spammer", "scammer", "harasser", "ring_member"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** The surfaces content is posted on. */
export const SURFACES = ["post", "comment", "message"] as const;

/** Moderator sessions (the review tool's log): how far an item view got, and the key pressed on it. */
export const ITEM_STATUSES = ["completed", "partial", "not_started"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** The reviewer's keypress on an item: accept the report (enforce), reject it, or no decision (context). */
export const DECISION_KEYS = ["accept", "reject", "none"] as const;
export type DecisionKey = (typeof DECISION_KEYS)[number];
export const IDLE_TYPES = ["inactivity", "pause"] as const;
export type IdleType = (typeof IDLE_TYPES)[number];

/** The product's event log: event types, the experiment's arms and the cohort's strata. */
export const EVENT_TYPES = ["signup", "login", "chat", "upload", "billing", "warning", "policy_block"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const ARMS = ["control", "treatment"] as const;
export type Arm = (typeof ARMS)[number];
export const COHORT_STRATA = ["ring", "abusive", "benign_new", "benign_established"] as const;
export type CohortStratum = (typeof COHORT_STRATA)[number];

/** Messages a new account may send per day in the experiment's treatment arm. */
export const RATE_LIMIT_PER_DAY = 5;
