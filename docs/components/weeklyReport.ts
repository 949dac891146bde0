import {html} from "htl";
import {formatCount} from "../lib/core/format.js";
import type {Fact, WeeklySection} from "../lib/ops/weeklySummary.js";
import {rewriteBlocks, weeklyFact, weeklyKpi, type WeeklyFile} from "../lib/ops/weeklyView.js";
import {kpiCard, statCard} from "./kpiCard.js";

/**
 * The weekly ops summary page's cards, report and fact table. Every string of the report (or of its
 * LLM rewrite) is inserted as text, never as markup.
 */

/** Flags, SLA breaches, high-severity time to action and reviewers needed, this week against the week before. */
export function weeklyCards(report: WeeklyFile): HTMLElement[] {
  const flags = weeklyFact(report, "flags");
  const weekCard = (id: string, note: string) => kpiCard(weeklyKpi(report, id), {previous: weeklyKpi(report, id, "previous"), note});
  return [
    statCard({title: "Flags", value: flags.value, format: formatCount, previous: flags.previous, kind: "count", goodWhen: "neutral", note: "This week against the week before"}),
    weekCard("backlog_health", "Target: no high-severity case past the 24 h SLA (the analyst role profile)"),
    weekCard("tta_high_p50", "Target: under 1 h (the analyst role profile)"),
    statCard({title: "Reviewers needed on shift", value: weeklyFact(report, "on_shift_needed").value, format: formatCount, kind: "level", note: `Team of ${weeklyFact(report, "team_needed").text} (now ${weeklyFact(report, "team_now").text}), Erlang C`})
  ];
}

function sectionCard({title, items}: WeeklySection): HTMLElement {
  return html`<div class="card"><h2>${title}</h2><ul>${items.map((item) => html`<li>${item}</li>`)}</ul></div>`;
}

/** The rewrite in one card: its section titles as headings, its points as lists. */
function rewriteCard(text: string, titles: readonly string[]): HTMLElement {
  const blocks = rewriteBlocks(text, titles).map((b) => (b.kind === "list" ? html`<ul>${b.items.map((item) => html`<li>${item}</li>`)}</ul>` : b.kind === "title" ? html`<h2>${b.text}</h2>` : html`<p>${b.text}</p>`));
  return html`<div class="card">${blocks}</div>`;
}

/** The report as the page shows it: the rewrite when it was used, else the generated sections. */
export function weeklyReport(report: WeeklyFile): HTMLElement | HTMLElement[] {
  if (report.rewrite.status === "used") return rewriteCard(report.rewrite.text ?? "", report.sections.map((s) => s.title));
  return report.sections.map(sectionCard);
}

/** Under a used rewrite, the generated report it was checked against, folded; nothing otherwise. */
export function generatedReport(report: WeeklyFile): HTMLElement | string {
  if (report.rewrite.status !== "used") return "";
  return html`<details><summary>The generated report the rewrite was checked against</summary>${report.sections.map(sectionCard)}</details>`;
}

/** A plain table whose cells wrap, so that the long fact labels fit a phone without sideways scrolling. */
export function factTable(facts: readonly Fact[]): HTMLElement {
  return html`<table class="weekly-facts"><tr><th>Fact</th><th>This week</th><th>Week before</th></tr>${facts.map((f) => html`<tr><td>${f.label}</td><td>${f.text}</td><td>${f.previousText ?? ""}</td></tr>`)}</table>`;
}
