import {analyseReportSpike} from "./analyseReportSpike.js";
import {narrateReportSpike} from "./narrateReportSpike.js";
import type {QueryRunner} from "./queries.js";
import type {Investigation, InvestigationOptions} from "./spikeTypes.js";

export * from "./spikeTypes.js";

/**
 * The analyst role profile's abuse-spike case, computed: "reports rose 40% in a week, churn is up, a messaging feature
 * launched recently". analyseReportSpike runs the queries of queries.ts and measures the case (the
 * case week, the rise split into adoption, attacker activity and the rest, four hypotheses decided by
 * stated rules, churn against abusive messages, a signal without ground truth); narrateReportSpike
 * writes the hypotheses, findings, mitigations and measurement plan from those numbers. Everything it
 * says comes from the query results.
 */
export async function investigateReportSpike(run: QueryRunner, options: InvestigationOptions = {}): Promise<Investigation> {
  const a = await analyseReportSpike(run, options);
  const text = narrateReportSpike(a);
  return {
    options: a.options,
    launch: a.launch,
    weeks: a.weeks,
    caseWeek: a.caseWeek,
    previousWeek: a.previousWeek,
    otherRises: a.otherRises,
    segments: a.segments,
    components: a.components,
    unexplained: a.unexplained,
    adoption: a.adoption,
    churn: a.churn,
    senderAge: a.senderAge,
    rings: a.rings,
    violationShare: a.violationShare,
    violationComparison: a.violationComparison,
    youngSenders: a.youngSenders,
    attackerAiShare: a.attackerAiShare,
    ...text,
    queries: a.queries
  };
}
