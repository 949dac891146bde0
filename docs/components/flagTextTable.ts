import * as Inputs from "@observablehq/inputs";
import {formatDay} from "../lib/core/format.js";

/** The flagged texts (flag_texts), each with when, where and what the reviewer decided; texts show as plain text. */
export function flagTextTable(rows: readonly Record<string, unknown>[]): HTMLElement {
  return Inputs.table(rows, {
    columns: ["flag_id", "date", "snippet", "category", "action", "severity", "country", "template_group"],
    header: {flag_id: "Flag", date: "Day", country: "Country", category: "Category", severity: "Severity", action: "Decision", template_group: "Template group", snippet: "Text"},
    format: {date: formatDay},
    width: {flag_id: 64, date: 96, snippet: 420, category: 120, action: 96, severity: 76, country: 120, template_group: 150},
    rows: 12,
    select: false
  });
}
