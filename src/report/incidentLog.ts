/** Incident records as rows of the incident_log table (src/science/contracts.ts, INCIDENT_LOG), one per incident. */
import type {Incident} from "./monitoringIncidents.js";

export interface IncidentLogRow {
  incident_id: string;
  title: string;
  severity: string;
  start_date: string;
  end_date: string;
  what_happened: string;
  impact: string;
  root_cause_hypothesis: string;
  /** "action (owner, due date)" items separated by " | ". */
  actions: string;
  metrics_to_watch: string;
  ground_truth: string;
}

type IncidentRecord = Pick<Incident, "id" | "title" | "severity" | "start" | "end" | "whatHappened" | "impact" | "hypothesis" | "actions" | "metricsToWatch" | "groundTruth">;

/** One flat row per incident: lists joined with " | " (ground truth with "; "), for CSV and JSON downloads. */
export function incidentLogRows(incidents: readonly IncidentRecord[]): IncidentLogRow[] {
  return incidents.map((i) => ({
    incident_id: i.id,
    title: i.title,
    severity: i.severity,
    start_date: i.start,
    end_date: i.end,
    what_happened: i.whatHappened,
    impact: i.impact,
    root_cause_hypothesis: i.hypothesis,
    actions: i.actions.map((a) => `${a.action} (${a.owner}, due ${a.due})`).join(" | "),
    metrics_to_watch: i.metricsToWatch.join(" | "),
    ground_truth: i.groundTruth.join("; ")
  }));
}
