import {html} from "htl";

/** A bulleted list of sentences (findings, notes), each set as text, never as markup. */
export function textList(items: readonly string[]): HTMLElement {
  return html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}
