import type {HarmonisedReport} from "./harmonisedReport.js";
import type {StatementOfReasons} from "./statement.js";

/** One figure of the harmonised report, flat, for the CSV download and the page's tables. */
export interface ReportFigure {
  section: string;
  item: string;
  value: number;
  basis: string;
}

const DECISIONS = "statements of reasons: enforcement decisions on EEA content flagged in the window";

/** The report as flat figures, each with the definition it uses. */
export function harmonisedReportRows(r: HarmonisedReport): ReportFigure[] {
  const n = r.notices;
  const rows: ReportFigure[] = [
    {section: "Decisions", item: "statements of reasons", value: r.decisions, basis: DECISIONS},
    {section: "Notices (Article 16)", item: "notices received", value: n.article16, basis: "flags with notice_type article_16 on EEA content"},
    {section: "Notices (Article 16)", item: "notices from trusted flaggers", value: n.trustedFlagger, basis: "flags with notice_type trusted_flagger on EEA content"},
    ...n.byCategory.flatMap((c) => [
      {section: "Notices by type of alleged illegal content", item: `${c.category} (Article 16)`, value: c.article16, basis: "DSA category of the law the notice cites (mapping legal_grounds)"},
      {section: "Notices by type of alleged illegal content", item: `${c.category} (trusted flaggers)`, value: c.trustedFlagger, basis: "DSA category of the law the notice cites (mapping legal_grounds)"}
    ]),
    {section: "Actions on notices", item: "actions taken", value: n.actions.total, basis: "notices that ended in an enforcement"},
    {section: "Actions on notices", item: "on the basis of the law", value: n.actions.illegalContent, basis: "decision_ground illegal_content"},
    {section: "Actions on notices", item: "on the basis of the terms and conditions", value: n.actions.termsAndConditions, basis: "decision_ground terms_and_conditions"},
    {section: "Actions on notices", item: "share of notices processed by automated means", value: n.automated.value, basis: `route other than human_review: ${n.automated.numerator} of ${n.automated.denominator}`},
    {section: "Actions on notices", item: "median time to action (hours)", value: n.medianHours.value, basis: `the dictionary's ${n.medianHours.kpi}, restricted to notices on EEA content (${n.medianHours.n} actions)`},
    {section: "Own-initiative moderation", item: "actions taken", value: r.ownInitiative.actions, basis: "enforcements on flags with notice_type own_initiative"},
    ...r.ownInitiative.byCategory.map((c) => ({section: "Own-initiative actions by category", item: c.category, value: c.count, basis: "DSA category on the statement of reasons"})),
    ...r.ownInitiative.byDecision.map((c) => ({section: "Own-initiative actions by decision method", item: c.automatedDecision, value: c.count, basis: "automated_decision on the statement of reasons"})),
    ...r.ownInitiative.byRestriction.map((c) => ({section: "Own-initiative actions by type of restriction", item: c.restriction, value: c.count, basis: "decision_visibility or decision_account on the statement of reasons"})),
    {section: "Complaints (Article 20)", item: "complaints received", value: r.complaints.received, basis: "appeals filed in the window on EEA content"},
    {section: "Complaints (Article 20)", item: "complaints decided", value: r.complaints.decided, basis: "of those, decided by the window's last day"},
    {section: "Complaints (Article 20)", item: "decisions reversed", value: r.complaints.reversed, basis: "decided complaints that overturned the action"},
    {section: "Complaints (Article 20)", item: "median time to decide (hours)", value: r.complaints.medianHours, basis: "median of complaint_decided_ts minus appeal_ts over decided complaints (R-7)"},
    {section: "Suspensions", item: "account suspensions", value: r.suspensions.total, basis: "enforcements with action suspension"},
    {section: "Suspensions", item: "temporary", value: r.suspensions.temporary, basis: "with an end date"},
    {section: "Suspensions", item: "permanent (terminations)", value: r.suspensions.permanent, basis: "suspension_permanent"},
    {section: "Suspensions", item: "for illegal content (Article 23(1))", value: r.suspensions.illegalContent, basis: "suspensions with decision_ground illegal_content"},
    {section: "Automated tools", item: "fully automated decisions", value: r.automatedAccuracy.decisions, basis: "statements with automated_decision AUTOMATED_DECISION_FULLY"},
    {section: "Automated tools", item: "accuracy", value: r.automatedAccuracy.correct.value, basis: `share of them on content that violates policy (ground truth), 95% Wilson interval ${r.automatedAccuracy.correct.lower.toFixed(4)}–${r.automatedAccuracy.correct.upper.toFixed(4)}`},
    {section: "Automated tools", item: "error rate", value: r.automatedAccuracy.errorRate, basis: "1 − accuracy"},
    ...r.recipients.map((c) => ({section: "Average monthly active recipients", item: `${c.country} (${c.code})`, value: c.average, basis: `mean of monthly_active over the ${c.months} months the window touches`}))
  ];
  return rows;
}

/**
 * A few statements that between them show each kind of decision: the first of each ground, source and
 * restriction, taken in turn from each ground so that both grounds show.
 */
export function sampleStatements(statements: readonly StatementOfReasons[], limit = 8): StatementOfReasons[] {
  const byGround = new Map<string, StatementOfReasons[]>();
  const seen = new Set<string>();
  for (const s of statements) {
    const kind = [s.decision_ground, s.source_type, s.decision_account ?? (s.decision_visibility ?? []).join("+")].join("|");
    if (seen.has(kind)) continue;
    seen.add(kind);
    if (!byGround.has(s.decision_ground)) byGround.set(s.decision_ground, []);
    byGround.get(s.decision_ground)!.push(s);
  }
  const groups = [...byGround.keys()].sort().map((g) => byGround.get(g)!);
  const out: StatementOfReasons[] = [];
  for (let i = 0; out.length < limit && groups.some((g) => i < g.length); i++) {
    for (const g of groups) if (i < g.length && out.length < limit) out.push(g[i]);
  }
  return out;
}
