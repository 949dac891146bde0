/**
 * The import contract page's cards: a table's facts, columns and example file, and the list of rules
 * the validator names. Generated from the contract (src/io/import/describe.ts); every text is inserted
 * as text (htl, textTable), so nothing in the contract or its examples is parsed as markup.
 */
import {html} from "htl";
import type {ImportTable} from "../lib/io/import/contract.js";
import {columnRows, exampleCsv, tableFacts, TYPE_FORMS} from "../lib/io/import/describe.js";
import {RULES} from "../lib/io/import/findings.js";
import {textTable} from "./textTable.js";

/** The site's wrapping text table, named for screen readers. */
function labelled(table: HTMLElement, label: string): HTMLElement {
  table.querySelector("table")!.setAttribute("aria-label", label);
  return table;
}

/** One import table: what it holds, its columns with their use, type and accepted values, and its example file. */
export function importTableCard(table: ImportTable): HTMLElement {
  const rows = columnRows(table).map((c) => ({
    column: c.column,
    use: c.truth ? `${c.use} (ground truth)` : c.use,
    type: `${TYPE_FORMS[c.type as keyof typeof TYPE_FORMS]}${c.nullable ? ", may be empty" : ""}`,
    accepted: c.accepted,
    max: String(c.maxLength),
    meaning: c.description
  }));
  const columns = textTable(rows, {
    columns: ["column", "use", "type", "accepted", "max", "meaning"],
    header: {column: "Column", use: "Use", type: "Type", accepted: "Accepted values", max: "Max characters", meaning: "Meaning"},
    numeric: ["max"],
    nowrap: ["column"]
  });
  return html`<div class="card">
    <p>${table.description} ${tableFacts(table)}</p>
    ${labelled(columns, `Columns of ${table.name}`)}
    <p>Example ${table.name}.csv:</p>
    <pre><code>${exampleCsv(table)}</code></pre>
  </div>`;
}

/** Every rule a finding can name, with what it means. */
export function importRulesTable(): HTMLElement {
  const rows = Object.entries(RULES).map(([rule, meaning]) => ({rule, meaning}));
  return labelled(textTable(rows, {columns: ["rule", "meaning"], header: {rule: "Rule", meaning: "Meaning"}, nowrap: ["rule"]}), "Import rules");
}
