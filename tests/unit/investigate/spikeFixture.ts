import {ABUSIVE_DM_EXPOSURE, CHURN_BY_WEEK, KNOWN_EVENT_LIST, MESSAGING_ADOPTION, MESSAGING_LAUNCH_DAY, REPORTS_BY_SEGMENT, ringInfrastructureQuery, senderAgeQuery, WEEKLY_REPORTS, type QueryRunner} from "../../../src/investigate/queries.js";

/**
 * A fake query runner for analyseReportSpike: five full weeks of reports (700, then 1,000 three times,
 * then 1,400 in the week of 2025-06-23), a first direct message on 2025-06-12, and hand-picked rows for
 * every other query (a spam surge in the week of 2025-06-02 among the known events). It answers only the SQL the investigation should send (the case-week queries for
 * 2025-06-23 and 14-day-old senders) and records what it was asked.
 */
export function fakeSpikeRunner(rows: Partial<Record<string, Record<string, unknown>[]>> = {}) {
  const week = (w: string, reports: number) => ({week: w, days: 7, reports, content_created: 10 * reports, user_days: 100 * reports});
  const seg = (w: string, surface: string, sender: string, reports: number, violations: number, ai_raised: number) => ({week: w, surface, sender, reports, violations, ai_raised});
  const answers: Record<string, Record<string, unknown>[]> = {
    weekly_reports: [week("2025-05-26", 700), week("2025-06-02", 1000), week("2025-06-09", 1000), week("2025-06-16", 1000), week("2025-06-23", 1400)],
    messaging_launch: [{first_message: "2025-06-12", first_message_report: "2025-06-13"}],
    reports_by_segment: [
      seg("2025-06-02", "message", "ring", 100, 90, 10),
      seg("2025-06-02", "post_comment", "other", 900, 600, 100),
      seg("2025-06-16", "message", "other", 200, 150, 50),
      seg("2025-06-16", "message", "ring", 100, 90, 60),
      seg("2025-06-16", "post_comment", "other", 700, 500, 100),
      seg("2025-06-23", "message", "other", 400, 300, 100),
      seg("2025-06-23", "message", "ring", 300, 280, 240),
      seg("2025-06-23", "post_comment", "other", 700, 500, 100)
    ],
    messaging_adoption: [
      {week: "2025-06-16", messages: 110_000, ring_messages: 10_000, active_benign_users: 50_000, messaging_benign_users: 10_000},
      {week: "2025-06-23", messages: 230_000, ring_messages: 30_000, active_benign_users: 50_000, messaging_benign_users: 15_000}
    ],
    abusive_dm_exposure: [{week: "2025-06-23", exposed_users: 500, exposed_by_ring: 400}],
    churn_by_week: [
      {week: "2025-05-26", at_risk: 10_000, churned: 20, churned_after_abuse: 2, churned_after_ring_abuse: 1, churners_in_cohort: 3},
      {week: "2025-06-02", at_risk: 10_000, churned: 20, churned_after_abuse: 2, churned_after_ring_abuse: 1, churners_in_cohort: 3},
      {week: "2025-06-09", at_risk: 10_000, churned: 30, churned_after_abuse: 10, churned_after_ring_abuse: 5, churners_in_cohort: 5},
      {week: "2025-06-16", at_risk: 10_000, churned: 50, churned_after_abuse: 30, churned_after_ring_abuse: 15, churners_in_cohort: 6}
    ],
    sender_age: [
      {young_sender: true, ring_sender: true, reports: 240},
      {young_sender: false, ring_sender: true, reports: 60},
      {young_sender: true, ring_sender: false, reports: 40},
      {young_sender: false, ring_sender: false, reports: 360}
    ],
    known_events: [{event: "spam surge", start_date: "2025-06-03", end_date: "2025-06-04", note: null}],
    ring_infrastructure: [{ring_id: "R1", purpose: "dm_scam", ring_accounts: 50, reported_accounts: 40, devices: 5, ip_prefixes: 3, payment_instruments: 2, first_signup: "2025-06-01", last_signup: "2025-06-10"}],
    ...rows
  };
  const specs = [WEEKLY_REPORTS, MESSAGING_LAUNCH_DAY, REPORTS_BY_SEGMENT, MESSAGING_ADOPTION, ABUSIVE_DM_EXPOSURE, CHURN_BY_WEEK, senderAgeQuery("2025-06-23", 14), ringInfrastructureQuery("2025-06-23"), KNOWN_EVENT_LIST];
  const asked: string[] = [];
  const run: QueryRunner = async (sql) => {
    const spec = specs.find((s) => s.sql === sql);
    if (!spec) throw new Error(`unexpected query: ${sql.slice(0, 60)}`);
    asked.push(spec.id);
    return answers[spec.id];
  };
  return {run, asked};
}
