import {NONE} from "../lib/core/format.js";

export interface TextTableOptions<T> {
  columns: (keyof T & string)[];
  header?: Partial<Record<keyof T & string, string>>;
  /** Cell text per column; the default is String(value). */
  format?: Partial<Record<keyof T & string, (value: any, row: T) => string>>;
  /** Cell colour per column (a CSS colour, e.g. a theme variable). */
  color?: Partial<Record<keyof T & string, (value: any, row: T) => string | undefined>>;
  /** Columns whose text is a number, aligned right. */
  numeric?: (keyof T & string)[];
  /** Columns that must not wrap (dates, short codes). */
  nowrap?: (keyof T & string)[];
}

/**
 * A plain table whose cells wrap, for rows of prose (hypotheses, actions, plans) that Inputs.table would
 * cut off on one line. Every cell is set as text, never as markup. The table sits in a `.scroll-x`
 * box: on a phone a table of many short columns is wider than the screen and scrolls sideways (with
 * the site's scroll cue) instead of pushing the page wider than the viewport.
 */
export function textTable<T extends Record<string, unknown>>(rows: readonly T[], options: TextTableOptions<T>): HTMLDivElement {
  const box = document.createElement("div");
  box.className = "scroll-x";
  box.style.overflowX = "auto";
  box.append(textTableElement(rows, options));
  return box;
}

function textTableElement<T extends Record<string, unknown>>(rows: readonly T[], {columns, header = {}, format = {}, color = {}, numeric = [], nowrap = []}: TextTableOptions<T>): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "text-table";
  table.style.width = "100%";
  table.style.maxWidth = "none";
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.textContent = header[c] ?? c;
    if (numeric.includes(c)) th.style.textAlign = "right";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      const f = format[c];
      td.textContent = f ? f(row[c], row) : row[c] == null ? NONE : String(row[c]);
      td.style.whiteSpace = nowrap.includes(c) ? "nowrap" : "normal";
      td.style.verticalAlign = "top";
      if (numeric.includes(c)) {
        td.style.textAlign = "right";
        td.style.fontVariantNumeric = "tabular-nums";
      }
      const tone = color[c]?.(row[c], row);
      if (tone) {
        td.style.color = tone;
        td.style.fontWeight = "600";
      }
    }
  }
  return table;
}
