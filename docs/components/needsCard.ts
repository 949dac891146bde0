import {html} from "htl";
import {dataLink} from "./dataLink.js";
import {needText, type Need} from "../lib/io/import/needs.js";

/**
 * A card that stands where a section cannot be drawn from the imported data: its title, what it would
 * show, which columns would enable it and what platforms usually have instead (src/io/import/needs.ts).
 */
export function needsCard(title: string, need: Need): HTMLElement {
  const {title: notice, body} = needText(need);
  return html`<div class="card needs-data" data-needs=${need.columns.join(" ")}><h2>${title}</h2><h3>${notice}</h3>${body.map((p) => html`<p>${withCode(p, need.columns)}</p>`)}</div>`;
}

/** A sentence with the column names it mentions set as code. */
function withCode(text: string, columns: readonly string[]): (string | Node)[] {
  const names = [...columns].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text.split(new RegExp(`(${names.join("|")})`)).map((part) => (columns.includes(part) ? html`<code>${part}</code>` : part));
}

/**
 * A section that needs what a card above already explains (a needsCard given the id `target`): one line
 * that says what the data lacks and links to that card, so that the card is not repeated down the page.
 */
export function needsPointer(what: string, lacks: string, target: string): HTMLElement {
  return html`<p class="muted needs-pointer">${what}: ${lacks} (${dataLink("what would enable it", `#${target}`)}).</p>`;
}
