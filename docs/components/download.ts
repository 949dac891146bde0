import {html} from "htl";
import {dataLink} from "./dataLink.js";
import {formatCount} from "../lib/core/format.js";
import {rowsToArrow, rowsToCsv} from "../lib/io/export.js";
import type {TableSchema} from "../lib/io/schema.js";

export interface DownloadOptions {
  /** File name without extension. */
  filename: string;
  label?: string;
}

/** Saves a blob under a file name, through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/**
 * CSV and Arrow download buttons for the rows a page shows (after its filters). The CSV neutralises
 * spreadsheet formulas; the Arrow file keeps the published schema. Files are built on click, so the
 * buttons cost nothing until used.
 */
export function downloadButtons(rows: readonly Record<string, unknown>[], schema: TableSchema, {filename, label = "rows"}: DownloadOptions): HTMLElement {
  const save = (format: "csv" | "arrow") => () => {
    if (format === "csv") saveBlob(new Blob([rowsToCsv(rows, schema)], {type: "text/csv;charset=utf-8"}), `${filename}.csv`);
    else saveBlob(new Blob([rowsToArrow(rows, schema) as Uint8Array<ArrayBuffer>], {type: "application/vnd.apache.arrow.file"}), `${filename}.arrow`);
  };
  const button = (format: "csv" | "arrow") => html`<button type="button" data-format=${format} onclick=${save(format)}>${`Download ${formatCount(rows.length)} ${label} as ${format.toUpperCase()}`}</button>`;
  return html`<form class="download-buttons">${button("csv")} ${button("arrow")}</form>`;
}

/** A link that downloads a published file (a FileAttachment's href) under `filename`, through dataLink's gate. */
export function fileLink(href: string, text: string, filename: string): HTMLAnchorElement | Text {
  const link = dataLink(text, href);
  if (link instanceof HTMLAnchorElement) link.download = filename;
  return link;
}
