import {html} from "htl";
import {dataLink} from "./dataLink.js";
import {fileLink} from "./download.js";
import {derivedCards, tableCards, type CatalogDerived, type CatalogTable, type DatasetCard} from "../lib/io/datasetCards.js";
import {SCHEMAS} from "../lib/io/contracts.js";

/** Each file's download address (its FileAttachment href), by catalog key: Arrow and CSV. */
export interface DatasetLinks {
  arrow: Record<string, string>;
  csv: Record<string, string>;
}

function card(d: DatasetCard, hrefs: DatasetLinks): HTMLElement {
  const links: (Node | string)[] = [fileLink(hrefs.arrow[d.arrow.key], d.arrow.text, d.arrow.file)];
  if (d.csv) links.push(" · ", fileLink(hrefs.csv[d.csv.key], d.csv.text, d.csv.file));
  // A published table links its column definitions; a derived one the page that explains it, whose
  // address comes from the data and so passes dataLink's gate (src/io/safeHref.ts).
  if (d.dictionary) links.push(" · ", html`<a href="./data-dictionary#${d.dictionary}">column definitions</a>`);
  if (d.page) links.push(" · ", dataLink("the page that explains it", d.page, {suffix: ".html"}));
  return html`<div class="card dataset" id=${d.id}><h2>${d.title}</h2><p>${d.facts}</p><p class="muted">${d.description}</p><p class="small">${d.columns}</p><p>${links}</p></div>`;
}

/** The datasets page's grid of cards for every published table, each with its downloads. */
export function tableGrid(tables: readonly CatalogTable[], hrefs: DatasetLinks): HTMLElement {
  return html`<div class="grid grid-cols-2">${tableCards(tables, SCHEMAS).map((d) => card(d, hrefs))}</div>`;
}

/** The datasets page's grid of cards for the derived tables, each with its download and page. */
export function derivedGrid(derived: readonly CatalogDerived[], hrefs: DatasetLinks): HTMLElement {
  return html`<div class="grid grid-cols-2">${derivedCards(derived).map((d) => card(d, hrefs))}</div>`;
}
