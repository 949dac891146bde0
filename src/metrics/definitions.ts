/**
 * Every KPI the workbook shows, as data: what it measures, its formula over the published tables, its
 * target and its version history. The KPI dictionary page renders these entries, and computeKpi
 * evaluates the same `formula`, so a definition cannot drift from its computation. The analyst role profile section 7's
 * metric governance: numerator and denominator, inclusion rules, "confirmed" standard, time window, and
 * a versioned change log.
 */

export type Scalar = string | number | boolean;
/** A conjunction of field conditions: a value, any of a list, or `{not: ...}`. */
export type Filter = Readonly<Record<string, Scalar | readonly Scalar[] | {readonly not: Scalar | readonly Scalar[]}>>;

/** A count or sum over one published table, in scope. */
export type Measure =
  | {readonly table: "daily_country"; readonly sum: string}
  | {readonly table: "flags"; readonly count: Filter};

export type Formula =
  | {readonly kind: "sum"; readonly measure: Measure}
  | {readonly kind: "ratio"; readonly numerator: Measure; readonly denominator: Measure; readonly per?: number}
  | {readonly kind: "quantile"; readonly field: string; readonly p: number; readonly where: Filter}
  | {readonly kind: "median_of_days"; readonly field: string}
  | {readonly kind: "share_of_days"; readonly field: string; readonly atMost: number}
  | {readonly kind: "recurrence"; readonly offence: Filter; readonly days: number};

import type {Unit} from "../core/format.js";

export type {Unit};

/** A target the world can be checked against: a bound on the value, or a direction between quarters. */
export type TargetCheck = {readonly op: "<" | ">"; readonly value: number} | {readonly op: "falling" | "rising"};

export interface ChangeLogEntry {
  readonly version: string;
  readonly date: string;
  readonly change: string;
}

export interface KpiDefinition {
  readonly id: string;
  readonly name: string;
  /** Other names the same definition goes by in the reference systems. */
  readonly aliases?: readonly string[];
  readonly measures: string;
  readonly why: string;
  /** Which reference system asks for it. */
  readonly origin: "003" | "000" | "000+003";
  readonly formula: Formula;
  readonly unit: Unit;
  /** Rules a reader needs beyond the formula's filters: what "confirmed" means, what is left out. */
  readonly inclusion: string;
  readonly window: string;
  readonly target: {readonly text: string; readonly check?: TargetCheck};
  readonly frequency: string;
  readonly indicator: "leading" | "lagging" | "volume";
  /** Whether a rise is good news, for colouring changes. */
  readonly goodWhen: "up" | "down" | "neutral";
  readonly version: string;
  readonly changelog: readonly ChangeLogEntry[];
}

/** The date these definitions were first written down in the workbook. */
const V1 = "2026-11-21";
const first = (note = "First definition in the workbook."): ChangeLogEntry[] => [{version: "1.0.0", date: V1, change: note}];
const HIGH = ["critical", "high"] as const;
const PERIOD = "The selected date range (the whole half-year on this page), UTC days; quarters are Mar–May and Jun–Aug.";

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: "content_created", name: "Content created", origin: "000", unit: "count", indicator: "volume", goodWhen: "neutral",
    measures: "Posts, comments and direct messages created.", why: "The exposure base of every rate.",
    formula: {kind: "sum", measure: {table: "daily_country", sum: "content_created"}},
    inclusion: "All countries and surfaces in scope.", window: PERIOD, target: {text: "None: a volume."}, frequency: "Daily",
    version: "1.0.0", changelog: first()
  },
  {
    id: "reports", name: "Reports", origin: "000", unit: "count", indicator: "leading", goodWhen: "neutral",
    measures: "Flags raised: user reports, AI classifier flags and trusted-flagger reports.", why: "Moderation load and an early warning of abuse waves.",
    formula: {kind: "sum", measure: {table: "daily_country", sum: "reports"}},
    inclusion: "Every flag, whatever its route or outcome.", window: PERIOD, target: {text: "None: investigate spikes (see Anomalies)."}, frequency: "Daily",
    version: "1.0.0", changelog: first()
  },
  {
    id: "enforcements", name: "Enforcements", origin: "000", unit: "count", indicator: "volume", goodWhen: "neutral",
    measures: "Reports that ended in removal, warning, suspension or downrank.", why: "Action volume; read with the enforcement rate.",
    formula: {kind: "sum", measure: {table: "daily_country", sum: "enforcements"}},
    inclusion: "Counted on the day of the report, not of the decision.", window: PERIOD, target: {text: "None: a volume."}, frequency: "Daily",
    version: "1.0.0", changelog: first()
  },
  {
    id: "appeals", name: "Appeals", origin: "000", unit: "count", indicator: "lagging", goodWhen: "neutral",
    measures: "Enforced reports whose author appealed.", why: "Appeal load and a signal of contested decisions.",
    formula: {kind: "sum", measure: {table: "daily_country", sum: "appeals"}},
    inclusion: "Counted on the day of the original report.", window: PERIOD, target: {text: "None: a volume."}, frequency: "Daily",
    version: "1.0.0", changelog: first()
  },
  {
    id: "median_response_time", name: "Median response time", origin: "000", unit: "hours", indicator: "lagging", goodWhen: "down",
    measures: "Typical hours from report to decision for human-reviewed reports.", why: "How long users wait and harmful content stays up.",
    formula: {kind: "median_of_days", field: "median_response_time_hours"},
    inclusion: "Median over country-days of each day's median; days without human-reviewed reports are left out.", window: PERIOD,
    target: {text: "< 12 h (the APAC KPI dashboard's recommendation)", check: {op: "<", value: 12}}, frequency: "Daily / Weekly",
    version: "2.0.0",
    changelog: [
      {version: "1.0.0", date: V1, change: "As in the APAC KPI dashboard: the mean of the daily medians."},
      {version: "2.0.0", date: V1, change: "The median of the daily medians, so that one slow day cannot move the KPI; values before and after differ by under an hour on this world."}
    ]
  },
  {
    id: "response_sla_days", name: "Days within the 12 h response target", origin: "000", unit: "percent", indicator: "lagging", goodWhen: "up",
    measures: "Share of country-days whose median response time was 12 hours or less.", why: "How often the response target held, not just on average.",
    formula: {kind: "share_of_days", field: "median_response_time_hours", atMost: 12},
    inclusion: "Country-days with at least one human-reviewed report.", window: PERIOD, target: {text: "Rising quarter on quarter", check: {op: "rising"}}, frequency: "Weekly",
    version: "1.0.0", changelog: first("The APAC KPI dashboard's \"Days ≤12h response\" card, written down.")
  },
  {
    id: "report_rate", name: "Report rate (per content)", origin: "000+003", unit: "percent", indicator: "leading", goodWhen: "neutral",
    measures: "Reports per piece of content created.", why: "Early warning: may reflect harm or awareness (003).",
    formula: {kind: "ratio", numerator: {table: "daily_country", sum: "reports"}, denominator: {table: "daily_country", sum: "content_created"}},
    inclusion: "Sums over the scope, then divides (never an average of daily rates).", window: PERIOD,
    target: {text: "Benchmark ~1.2% (the APAC KPI dashboard); interpret with context, investigate spikes (003)."}, frequency: "Daily / Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "reports_per_dau", name: "Reports per 1,000 DAU", origin: "003", unit: "per_1000_dau", indicator: "leading", goodWhen: "neutral",
    measures: "Reports per 1,000 daily active users (003's report rate, per user instead of per content).", why: "Separates abuse from content growth.",
    formula: {kind: "ratio", numerator: {table: "daily_country", sum: "reports"}, denominator: {table: "daily_country", sum: "active_users"}, per: 1000},
    inclusion: "Denominator: the sum of daily active users over the days in scope (DAU-days).", window: PERIOD,
    target: {text: "Interpret with context; investigate spikes."}, frequency: "Daily / Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "enforcement_rate", name: "Enforcement rate", origin: "000", unit: "percent", indicator: "lagging", goodWhen: "neutral",
    measures: "Share of reports that ended in an enforcement action.", why: "Coverage: how much reported content was actioned.",
    formula: {kind: "ratio", numerator: {table: "daily_country", sum: "enforcements"}, denominator: {table: "daily_country", sum: "reports"}},
    inclusion: "All routes: automatic and human decisions.", window: PERIOD, target: {text: "Benchmark ~73% (the APAC KPI dashboard); not a goal in itself (over-enforcement is a failure too)."}, frequency: "Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "appeal_rate", name: "Appeal rate", origin: "000", unit: "percent", indicator: "lagging", goodWhen: "down",
    measures: "Share of enforcements that were appealed.", why: "Appeal load; rises with contested or wrong actions.",
    formula: {kind: "ratio", numerator: {table: "daily_country", sum: "appeals"}, denominator: {table: "daily_country", sum: "enforcements"}},
    inclusion: "Appeals counted on the day of the original report.", window: PERIOD, target: {text: "Falling quarter on quarter", check: {op: "falling"}}, frequency: "Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "appeal_overturn_rate", name: "Appeal overturn rate", aliases: ["Appeal success rate (the APAC KPI dashboard)"], origin: "000+003", unit: "percent", indicator: "lagging", goodWhen: "down",
    measures: "Share of appealed decisions that were reversed.", why: "Signal of policy ambiguity or inconsistent enforcement (003).",
    formula: {kind: "ratio", numerator: {table: "daily_country", sum: "successful_appeals"}, denominator: {table: "daily_country", sum: "appeals"}},
    inclusion: "Every appeal with its outcome; appeals are decided in the world, so none is pending.", window: PERIOD,
    target: {text: "Downward trend; stable within agreed thresholds (003)", check: {op: "falling"}}, frequency: "Monthly",
    version: "1.1.0",
    changelog: [
      {version: "1.0.0", date: V1, change: "The APAC KPI dashboard's appeal success rate: successful_appeals / appeals."},
      {version: "1.1.0", date: V1, change: "Merged with 003's appeal overturn rate, which has the same numerator and denominator; one definition, two names."}
    ]
  },
  {
    id: "misinformation_share", name: "Misinformation share", origin: "000", unit: "percent", indicator: "leading", goodWhen: "neutral",
    measures: "Share of reports in the misinformation category.", why: "Event-driven risk (the APAC KPI dashboard's July spike).",
    formula: {kind: "ratio", numerator: {table: "daily_country", sum: "reports_misinformation"}, denominator: {table: "daily_country", sum: "reports"}},
    inclusion: "Category as triaged on the flag.", window: PERIOD, target: {text: "None: watch for events."}, frequency: "Daily",
    version: "1.0.0", changelog: first()
  },
  {
    id: "harm_prevalence", name: "Harm prevalence", origin: "003", unit: "per_1000_dau", indicator: "lagging", goodWhen: "down",
    measures: "Confirmed harmful items per 1,000 daily active users.", why: "The core \"are we safer?\" metric (003).",
    formula: {kind: "ratio", numerator: {table: "flags", count: {is_violation: true}}, denominator: {table: "daily_country", sum: "active_users"}, per: 1000},
    inclusion: "Confirmed = the world's ground truth says the flagged content violates policy (a real platform would use QA-labelled samples). Harm nobody flagged is not counted: a lower bound. Flags are weighted by 1 / sample rate above scale 4.",
    window: PERIOD, target: {text: "Downward trend month on month (003)", check: {op: "falling"}}, frequency: "Weekly / Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "tta_high_p50", name: "Time to action, high severity (P50)", origin: "003", unit: "hours", indicator: "lagging", goodWhen: "down",
    measures: "Median hours from flag to enforcement for critical and high severity cases.", why: "Reduces user harm and brand risk (003).",
    formula: {kind: "quantile", field: "tta_hours", p: 0.5, where: {severity: HIGH, enforced: true}},
    inclusion: "Enforced flags only (a dismissal is not an action); automatic actions count with their near-zero times.", window: PERIOD,
    target: {text: "P50 < 1 hour (003)", check: {op: "<", value: 1}}, frequency: "Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "tta_high_p90", name: "Time to action, high severity (P90)", origin: "003", unit: "hours", indicator: "lagging", goodWhen: "down",
    measures: "90th percentile of hours from flag to enforcement for critical and high severity cases.", why: "The tail: the cases that wait longest.",
    formula: {kind: "quantile", field: "tta_hours", p: 0.9, where: {severity: HIGH, enforced: true}},
    inclusion: "As for P50.", window: PERIOD, target: {text: "P90 < 8 hours (003)", check: {op: "<", value: 8}}, frequency: "Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "tta_p50", name: "Time to action (P50)", origin: "003", unit: "hours", indicator: "lagging", goodWhen: "down",
    measures: "Median hours from flag to enforcement over every severity.", why: "The time the DSA's harmonised transparency report asks for, on notices and on own-initiative actions alike.",
    formula: {kind: "quantile", field: "tta_hours", p: 0.5, where: {enforced: true}},
    inclusion: "Enforced flags only (a dismissal is not an action); automatic actions count with their near-zero times. The high-severity variant is tta_high_p50.", window: PERIOD,
    target: {text: "None: a reporting figure; the high-severity P50 carries the target."}, frequency: "Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "ttr_standard", name: "Time to resolution, standard queue (P50)", origin: "003", unit: "hours", indicator: "lagging", goodWhen: "down",
    measures: "Median hours from case creation to closure in the human queue for medium and low severity.", why: "Operational throughput and user experience (003).",
    formula: {kind: "quantile", field: "tta_hours", p: 0.5, where: {route: "human_review", severity: ["medium", "low"]}},
    inclusion: "Every closed case, enforced or dismissed.", window: PERIOD,
    target: {text: "Improve by 10–20% quarter on quarter without quality loss (003)", check: {op: "falling"}}, frequency: "Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "detection_precision", name: "Detection precision (AI classifier)", origin: "003", unit: "percent", indicator: "lagging", goodWhen: "up",
    measures: "Share of automated flags that are confirmed violations.", why: "False positives harm users and create rework (003).",
    formula: {kind: "ratio", numerator: {table: "flags", count: {source: "ai", is_violation: true}}, denominator: {table: "flags", count: {source: "ai"}}},
    inclusion: "Flags raised by the AI classifier; confirmed = ground truth.", window: PERIOD,
    target: {text: "> 85–95% on mature detectors (003); checked against 85%", check: {op: ">", value: 0.85}}, frequency: "Weekly / Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "proactive_share", name: "Proactive detection share", aliases: ["Detection recall proxy (003)"], origin: "003", unit: "percent", indicator: "lagging", goodWhen: "up",
    measures: "Share of confirmed violations that the AI classifier found before a person reported them.", why: "Proactive capability, not purely reactive (003).",
    formula: {kind: "ratio", numerator: {table: "flags", count: {is_violation: true, source: "ai"}}, denominator: {table: "flags", count: {is_violation: true}}},
    inclusion: "Confirmed = ground truth; trusted flaggers count as reports, not as proactive detection.", window: PERIOD,
    target: {text: "Increase quarter on quarter (003)", check: {op: "rising"}}, frequency: "Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "qa_pass_rate", name: "Enforcement accuracy (QA pass rate), high severity", origin: "003", unit: "percent", indicator: "lagging", goodWhen: "up",
    measures: "Share of human decisions on critical and high severity cases that match policy and evidence.", why: "Fairness; fewer appeals and reversals (003).",
    formula: {kind: "ratio", numerator: {table: "flags", count: {route: "human_review", severity: HIGH, decision_correct: true}}, denominator: {table: "flags", count: {route: "human_review", severity: HIGH}}},
    inclusion: "decision_correct = the case was enforced exactly when the ground truth says it violates. The world grades every decision; a real QA programme grades a sample.", window: PERIOD,
    target: {text: "> 95% for high-severity queues (003)", check: {op: ">", value: 0.95}}, frequency: "Weekly / Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "recurrence_rate", name: "Recurrence rate (30 days)", origin: "003", unit: "percent", indicator: "lagging", goodWhen: "down",
    measures: "Share of actioned offenders who offend again within 30 days of their first action.", why: "Deterrence and controls (003).",
    formula: {kind: "recurrence", offence: {enforced: true}, days: 30},
    inclusion: "Offender = account that posted enforced content; first action in scope; offenders whose 30 days run past the data's last day are left out.", window: "First actions in the selected range that have 30 days of follow-up.",
    target: {text: "Reduce by 10% quarter on quarter (003)", check: {op: "falling"}}, frequency: "Monthly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "backlog_health", name: "Backlog health: high-severity SLA breaches", origin: "003", unit: "percent", indicator: "lagging", goodWhen: "down",
    measures: "Share of critical and high severity human-reviewed cases that waited past the 24 h SLA.", why: "Risk exposure and capacity (003).",
    formula: {kind: "ratio", numerator: {table: "flags", count: {route: "human_review", severity: HIGH, sla_breached: true}}, denominator: {table: "flags", count: {route: "human_review", severity: HIGH}}},
    inclusion: "Measured on closed cases (the world closes every case), so it is the aging of the backlog as it was worked.", window: PERIOD,
    target: {text: "No high-severity backlog > SLA (003): 0%", check: {op: "<", value: 0.0005}}, frequency: "Daily / Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "escalation_rate", name: "Escalation rate", origin: "000+003", unit: "percent", indicator: "leading", goodWhen: "down",
    measures: "Share of flags triaged as critical or high severity.", why: "How much of the load needs the urgent queue; a rise is an early sign of a harmful wave.",
    formula: {kind: "ratio", numerator: {table: "flags", count: {severity: HIGH}}, denominator: {table: "flags", count: {}}},
    inclusion: "Every flag, whatever its route; severity as triaged on the flag.", window: PERIOD, target: {text: "None: watch for shifts."}, frequency: "Daily / Weekly",
    version: "1.0.0", changelog: first("The ops dashboard's escalation rate, written down.")
  },
  {
    id: "auto_block_share", name: "Auto-blocked share", origin: "003", unit: "percent", indicator: "volume", goodWhen: "neutral",
    measures: "Share of flags the classifier blocked automatically (score over the block threshold).", why: "How much enforcement happens without a person; read with detection precision.",
    formula: {kind: "ratio", numerator: {table: "flags", count: {route: "auto_block"}}, denominator: {table: "flags", count: {}}},
    inclusion: "Every flag; route as decided at triage.", window: PERIOD, target: {text: "None: a routing mix."}, frequency: "Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "human_review_share", name: "Human review share", origin: "003", unit: "percent", indicator: "volume", goodWhen: "neutral",
    measures: "Share of flags routed to the human review queue.", why: "The reviewers' load as a share of all flags.",
    formula: {kind: "ratio", numerator: {table: "flags", count: {route: "human_review"}}, denominator: {table: "flags", count: {}}},
    inclusion: "Every flag; route as decided at triage.", window: PERIOD, target: {text: "None: a routing mix."}, frequency: "Weekly",
    version: "1.0.0", changelog: first()
  },
  {
    id: "coordinated_share", name: "Coordinated attack share", origin: "003", unit: "percent", indicator: "leading", goodWhen: "down",
    measures: "Share of flags raised on content from coordinated attack rings.", why: "How much of the load the attacks make up.",
    formula: {kind: "ratio", numerator: {table: "flags", count: {coordinated: true}}, denominator: {table: "flags", count: {}}},
    inclusion: "Coordinated = the world's ground truth (a platform would know only what its detectors found: see Attack detection).", window: PERIOD, target: {text: "None: see Attack detection."}, frequency: "Daily",
    version: "1.0.0", changelog: first()
  }
];

/** The analyst role profile's KPIs that this world has no data for, and why: listed, not faked. */
export const NOT_MEASURED: readonly {name: string; reason: string}[] = [
  {name: "User friction impact", reason: "Needs the experiment's conversion data; see the experiment pages of the Protection science section when they exist."},
  {name: "Moderator productivity", reason: "Cases per hour normalised by complexity: the world has no complexity label."},
  {name: "Rework rate", reason: "The world never reopens or re-triages a case."},
  {name: "Incident count (major)", reason: "One incident in six months: a count, not a rate worth trending."},
  {name: "Postmortem action closure rate", reason: "No action tracker in the world."},
  {name: "Coverage of key surfaces", reason: "Every surface is monitored by construction."},
  {name: "Data quality SLA adherence", reason: "Data is built at once, never late."},
  {name: "Stakeholder satisfaction", reason: "A survey, not data."},
  {name: "Training/calibration effectiveness", reason: "No calibration sessions in the world."},
  {name: "Tooling uptime", reason: "No tooling outages in the world."}
];

export function kpiDefinition(id: string): KpiDefinition {
  const def = KPI_DEFINITIONS.find((d) => d.id === id);
  if (!def) throw new Error(`unknown kpi: ${id}`);
  return def;
}
