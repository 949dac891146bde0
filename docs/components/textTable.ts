import {html} from "htl";
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
  /** Columns that may break inside a word (values without spaces, such as a long token or URL), so they cannot widen the table. */
  anywhere?: (keyof T & string)[];
}

/**
 * A plain table whose cells wrap, for rows of prose (hypotheses, actions, plans) that Inputs.table would
 * cut off on one line. Every cell is set as text, never as markup. The table sits in a `.scroll-x`
 * box: on a phone a table of many short columns is wider than the screen and scrolls sideways (with
 * the site's scroll cue) instead of pushing the page wider than the viewport.
 */
export function textTable<T extends Record<string, unknown>>(rows: readonly T[], options: TextTableOptions<T>): HTMLDivElement {
  return html`<div class="scroll-x" style=${{overflowX: "auto"}}>${textTableElement(rows, options)}</div>` as HTMLDivElement;
}

function textTableElement<T extends Record<string, unknown>>(rows: readonly T[], {columns, header = {}, format = {}, color = {}, numeric = [], nowrap = [], anywhere = []}: TextTableOptions<T>): HTMLTableElement {
  const th = (c: keyof T & string) => html`<th style=${numeric.includes(c) ? {textAlign: "right"} : null}>${header[c] ?? c}</th>`;
  const td = (row: T, c: keyof T & string) => {
    const f = format[c];
    const tone = color[c]?.(row[c], row);
    const style = {
      whiteSpace: nowrap.includes(c) ? "nowrap" : "normal",
      ...(anywhere.includes(c) ? {overflowWrap: "anywhere", minWidth: "8em"} : {}),
      verticalAlign: "top",
      ...(numeric.includes(c) ? {textAlign: "right", fontVariantNumeric: "tabular-nums"} : {}),
      ...(tone ? {color: tone, fontWeight: "600"} : {})
    };
    return html`<td style=${style}>${f ? f(row[c], row) : row[c] == null ? NONE : String(row[c])}</td>`;
  };
  return html`<table class="text-table" style=${{width: "100%", maxWidth: "none"}}><thead><tr>${columns.map(th)}</tr></thead><tbody>${rows.map((row) => html`<tr>${columns.map((c) => td(row, c))}</tr>`)}</tbody></table>` as HTMLTableElement;
}
