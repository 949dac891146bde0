import {INCIDENT} from "../core/scenarios.js";
import {analyseIncident} from "./analyseIncident.js";
import type {IncidentOptions, IncidentReview, IncidentSpec} from "./incidentTypes.js";
import {narrateIncident} from "./narrateIncident.js";

export * from "./incidentTypes.js";

/**
 * The postmortem of a classifier push that over-blocked benign content (the analyst role profile's incident summary:
 * what happened, impact, root cause, actions, metrics to watch), measured on the flags table. The deploy
 * log (push and rollback times) is an input; everything else (when wrongful blocks started and stopped,
 * when a detector on an observable signal would have fired, who was affected, what appeals undid, how
 * the scores moved) comes from the data: analyseIncident measures it, narrateIncident writes it up.
 */

/** The world's incident (scenarios.ts INCIDENT): its deploy log. */
export const WORLD_INCIDENT: IncidentSpec = {id: INCIDENT.id, title: INCIDENT.title, category: INCIDENT.category, start: INCIDENT.start, end: INCIDENT.end};

export function reviewIncident(tables: Parameters<typeof analyseIncident>[0], spec: IncidentSpec, options: IncidentOptions = {}): IncidentReview {
  const a = analyseIncident(tables, spec, options);
  const text = narrateIncident(a);
  return {
    spec: a.spec,
    options: a.options,
    timeline: text.timeline,
    durations: a.durations,
    impact: a.impact,
    rootCause: a.rootCause,
    bins: a.bins,
    scoreBins: a.scoreBins,
    days: a.days,
    watch: text.watch,
    actions: text.actions,
    findings: text.findings
  };
}
