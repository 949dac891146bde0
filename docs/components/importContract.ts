/**
 * The import contract page's cards: a table's facts, columns and example file, and the list of rules
 * the validator names. Generated from the contract (src/io/import/describe.ts); every text goes in as
 * textContent, so nothing in the contract or its examples is parsed as markup.
 */
import type {ImportTable} from "../lib/io/import/contract.js";
import {columnRows, exampleCsv, tableFacts, TYPE_FORMS} from "../lib/io/import/describe.js";
import {RULES} from "../lib/io/import/findings.js";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** A table of rows (arrays of cell texts) under a header, in a box that scrolls sideways on a narrow screen. */
function textTable(header: readonly string[], rows: readonly (readonly string[])[], label: string): HTMLElement {
  const table = element("table");
  table.setAttribute("aria-label", label);
  const head = element("tr");
  for (const h of header) head.append(element("th", h));
  table.append(element("thead"), element("tbody"));
  table.tHead!.append(head);
  for (const row of rows) {
    const tr = element("tr");
    for (const cell of row) tr.append(element("td", cell));
    table.tBodies[0].append(tr);
  }
  // The site's sideways-scroll box, with its edge shadows (docs/style.css).
  const box = element("div", undefined, "scroll-x");
  box.append(table);
  return box;
}

/** One import table: what it holds, its columns with their use, type and accepted values, and its example file. */
export function importTableCard(table: ImportTable): HTMLElement {
  const card = element("div", undefined, "card");
  card.append(element("p", `${table.description} ${tableFacts(table)}`));
  const rows = columnRows(table).map((c) => [
    c.column,
    c.truth ? `${c.use} (ground truth)` : c.use,
    `${TYPE_FORMS[c.type as keyof typeof TYPE_FORMS]}${c.nullable ? ", may be empty" : ""}`,
    c.accepted,
    String(c.maxLength),
    c.description
  ]);
  card.append(textTable(["Column", "Use", "Type", "Accepted values", "Max characters", "Meaning"], rows, `Columns of ${table.name}`));
  card.append(element("p", `Example ${table.name}.csv:`));
  const pre = element("pre");
  pre.append(element("code", exampleCsv(table)));
  card.append(pre);
  return card;
}

/** Every rule a finding can name, with what it means. */
export function importRulesTable(): HTMLElement {
  return textTable(["Rule", "Meaning"], Object.entries(RULES), "Import rules");
}
