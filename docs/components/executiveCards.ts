import {html} from "htl";
import {dataLink} from "./dataLink.js";
import {kpiCard} from "./kpiCard.js";
import type {ExecutiveSummary, Incident, Priority} from "../lib/report/executive.js";
import {heldText, kpiTargetNote, postureTone} from "../lib/report/executiveView.js";

/** The home page's sections, as executive.json publishes them (the summary plus the walk through the site). */
export interface WalkSection {
  name: string;
  pages: {name: string; link: string}[];
}

// Links on these cards come from the data: only http(s) or relative ones become links (src/io/safeHref.ts).

/** The posture as a pill in the theme's red, yellow or green. */
export function postureBadge(posture: ExecutiveSummary["posture"]): HTMLElement {
  const tone = postureTone(posture);
  return html`<span class="big posture" data-tone=${tone} style=${{"--posture": `var(--theme-${tone})`}}>${posture}</span>`;
}

/** The top priorities, each a link to its page and its detail. */
export function priorityList(priorities: readonly Priority[]): HTMLElement {
  return html`<ol>${priorities.map((p) => html`<li><b>${dataLink(p.title, p.link)}</b>${`: ${p.detail}`}</li>`)}</ol>`;
}

/** The candidates that are not priorities, and why; nothing when there are none. */
export function heldNote(held: ExecutiveSummary["held"]): HTMLElement | string {
  const text = heldText(held);
  return text === null ? "" : html`<p class="muted small held">${text}</p>`;
}

/** The KPI cards, each against the previous 30 days with its target line. */
export function executiveKpiCards(kpis: ExecutiveSummary["kpis"]): HTMLElement[] {
  return kpis.map((k) => kpiCard(k.current, {previous: k.previous, note: kpiTargetNote(k)}));
}

/** An incident of the last 30 days, its title linking to its page. */
export function incidentCard(incident: Incident): HTMLElement {
  return html`<div class="card"><h2>${dataLink(`${incident.id} (${incident.window})`, incident.link)}</h2><p>${incident.detail}</p></div>`;
}

/** The walk: a card per section of the site with a link per page. */
export function walkGrid(walk: readonly WalkSection[]): HTMLElement {
  return html`<div class="grid grid-cols-3">${walk.map((section) => html`<div class="card"><h2>${section.name}</h2><ul>${section.pages.map((page) => html`<li>${dataLink(page.name, page.link)}</li>`)}</ul></div>`)}</div>`;
}
