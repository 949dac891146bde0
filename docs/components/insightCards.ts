import {html} from "htl";
import type {Insight} from "../lib/metrics/insights.js";

/** The generated insights or recommendations (src/metrics/insights.ts), a card each, two to a row. */
export function insightGrid(items: readonly Insight[]): HTMLElement {
  return html`<div class="grid grid-cols-2">${items.map((item) => html`<div class="card insight" data-id=${item.id}><h2>${item.title}</h2><p>${item.text}</p></div>`)}</div>`;
}
