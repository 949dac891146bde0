import {html} from "htl";
import type {Incident} from "../lib/report/monitoringIncidents.js";

type IncidentCard = Pick<Incident, "id" | "title" | "severity" | "detected" | "alerts" | "whatHappened" | "impact" | "hypothesis" | "evidence" | "actions" | "metricsToWatch" | "groundTruth">;

/** One incident as a card (its id the card's id, for links to #INC-…): the record's sections, then the simulation's account apart. */
function incidentCard(inc: IncidentCard): HTMLElement {
  const sections: [string, string][] = [["What happened", inc.whatHappened], ["Impact", inc.impact], ["Root-cause hypothesis (from the data)", inc.hypothesis]];
  const n = inc.alerts.length;
  return html`<div class="card incident" id=${inc.id}>
    <h2>${inc.id}: ${inc.title}</h2>
    <h3>Severity ${inc.severity} · detected ${inc.detected} by monitoring · ${n} alert${n === 1 ? "" : "s"}</h3>
    ${sections.map(([heading, body]) => html.fragment`<h4>${heading}</h4><p>${body}</p>`)}
    <h4>Evidence</h4>
    <ul>${inc.evidence.map((e) => html`<li>${e}</li>`)}</ul>
    <h4>Actions</h4>
    <table><tr><th>Action</th><th>Owner</th><th>Due</th></tr>${inc.actions.map((a) => html`<tr><td>${a.action}</td><td>${a.owner}</td><td>${a.due}</td></tr>`)}</table>
    <h4>Metrics to watch</h4>
    <ul>${inc.metricsToWatch.map((w) => html`<li>${w}</li>`)}</ul>
    <h4>What the simulation did (ground truth, to grade the hypothesis)</h4>
    <p class="muted">${inc.groundTruth.join("; ") || "no scenario on these days"}</p>
  </div>`;
}

/** The incident records as cards, or a note that none was opened. */
export function incidentCards(incidents: readonly IncidentCard[]): HTMLElement {
  if (incidents.length === 0) return html`<div><p class="muted">No high-severity alert fired at the default monitoring settings, so no incident was opened.</p></div>`;
  return html`<div>${incidents.map(incidentCard)}</div>`;
}
